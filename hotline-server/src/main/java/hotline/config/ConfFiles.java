package hotline.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/** Reading the policy files of {@code conf/} (SLA, roster, tiers): every failure becomes a {@link ConfigException} naming file and entry. */
public final class ConfFiles {

    private ConfFiles() {
    }

    /**
     * The policy at {@code configured} when set (it must exist), else {@code conf/<name>} when present, else the
     * default shipped in the jar ({@code defaults/<name>}, a copy of the repository's {@code conf/<name>}).
     */
    public static <T> T locate(Optional<String> configured, String name, Function<JsonObject, T> parser) {
        if (configured.isPresent()) {
            return read(Path.of(configured.get()), parser);
        }
        Path local = Path.of("conf", name);
        if (Files.exists(local)) {
            return read(local, parser);
        }
        try (InputStream in = ConfFiles.class.getClassLoader().getResourceAsStream("defaults/" + name)) {
            if (in == null) {
                throw new ConfigException("no " + name + " in conf/ and none shipped in the jar");
            }
            return parser.apply(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ConfigException("defaults/" + name + ": cannot be read: " + e.getMessage());
        } catch (ConfigException e) {
            throw new ConfigException("defaults/" + name + ": " + e.getMessage());
        }
    }

    public static <T> T read(Path path, Function<JsonObject, T> parser) {
        try {
            return parser.apply(new JsonObject(Files.readString(path, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot be read: " + e.getMessage());
        } catch (DecodeException e) {
            throw new ConfigException(path + ": not valid JSON: " + e.getMessage());
        } catch (ConfigException e) {
            throw new ConfigException(path + ": " + e.getMessage());
        }
    }

    public static LocalTime time(Object value, String where) {
        try {
            return LocalTime.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new ConfigException(where + ": a time of day such as 09:00 is required, got " + value);
        }
    }
}
