package hotline.sla;

import hotline.config.ConfigException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** Reading the policy files of {@code conf/}: every failure becomes a {@link ConfigException} naming file and entry. */
final class PolicyFiles {

    private PolicyFiles() {
    }

    static <T> T read(Path path, Function<JsonObject, T> parser) {
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

    static LocalTime time(Object value, String where) {
        try {
            return LocalTime.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            throw new ConfigException(where + ": a time of day such as 09:00 is required, got " + value);
        }
    }
}
