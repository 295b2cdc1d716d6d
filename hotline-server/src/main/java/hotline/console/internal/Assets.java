package hotline.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * Paths of the front-end libraries the WebJars carry, with the version read from the WebJar itself (so the pom is the
 * one place it is stated).
 */
public final class Assets {

    private final Map<String, String> paths;

    public Assets() {
        String htmx = "/webjars/htmx.org/" + version("htmx.org") + "/dist/";
        this.paths = Map.of("htmx", htmx + "htmx.min.js",
                "chartjs", "/webjars/chart.js/" + version("chart.js") + "/dist/chart.umd.min.js");
    }

    public Map<String, String> paths() {
        return paths;
    }

    private static String version(String artifact) {
        String resource = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " WebJar is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
