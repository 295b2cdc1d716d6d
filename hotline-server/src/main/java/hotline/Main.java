package hotline;

import hotline.config.Config;
import hotline.config.ConfigException;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -jar hotline-server.jar [--demo]}: starts the hotline with the settings of {@code conf/hotline.json}
 * (or the file named by {@code HOTLINE_CONF}) and the environment. SIGTERM stops it cleanly.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.stream().anyMatch(a -> !a.equals("--demo"))) {
            System.out.println("usage: java -jar hotline-server.jar [--demo]");
            System.out.println("  --demo   load demo users and data (password from HOTLINE_DEMO_PASSWORD, default 'demo')");
            System.exit(arguments.contains("--help") ? 0 : 2);
        }
        App app;
        try {
            String confFile = System.getenv().getOrDefault("HOTLINE_CONF", "conf/hotline.json");
            Config config = Config.load(Path.of(confFile), System.getenv());
            app = App.start(config, arguments.contains("--demo"));
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Main.class).error("Hotline could not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "hotline-shutdown"));
    }
}
