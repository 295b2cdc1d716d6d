package hotline.telephony.ivr.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the named flows at start-up: from {@code <dir>/<name>.json} when a directory is configured (a telephony admin's
 * edited copy), else from the class path {@code ivr-flows/<name>.json} (packaged by the ivr-scripts module). Every
 * flow is parsed and checked against the install's {@link IvrSounds}; a missing or broken one fails start-up with the
 * flow and node named. The flow's name is
 * the script of the FastAGI URL ({@code agi://host:4573/ivr} runs flow {@code ivr}).
 */
public final class IvrFlows {

    public static final String CLASSPATH_DIR = "ivr-flows/";

    private IvrFlows() {
    }

    public static Map<String, IvrFlow> load(List<String> names, Path directory, IvrSounds sounds) {
        Map<String, IvrFlow> flows = new LinkedHashMap<>();
        for (String name : names) {
            if (!name.matches("[a-z][a-z0-9_-]{0,31}")) {
                throw new IvrFlowException("IVR flow name '" + name + "': lower-case letters, digits, _ and - only");
            }
            flows.put(name, IvrFlowParser.parse(name, read(name, directory), sounds));
        }
        return Map.copyOf(flows);
    }

    private static String read(String name, Path directory) {
        try {
            if (directory != null) {
                Path file = directory.resolve(name + ".json");
                if (!Files.isRegularFile(file)) {
                    throw new IvrFlowException("IVR flow '" + name + "': " + file + " does not exist");
                }
                return Files.readString(file, StandardCharsets.UTF_8);
            }
            try (InputStream in = IvrFlows.class.getClassLoader().getResourceAsStream(CLASSPATH_DIR + name + ".json")) {
                if (in == null) {
                    throw new IvrFlowException("IVR flow '" + name + "': " + CLASSPATH_DIR + name + ".json is not on the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IvrFlowException("IVR flow '" + name + "': cannot be read: " + e.getMessage());
        }
    }
}
