package hotline.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The server's settings: {@code conf/hotline.json}, each of whose keys can be overridden by an environment variable.
 *
 * <p>A key is a dotted path into the JSON ({@code http.port}); its variable is {@code HOTLINE_} followed by the path
 * in upper snake case ({@code HOTLINE_HTTP_PORT}; {@code db.poolSize} is {@code HOTLINE_DB_POOL_SIZE}). Defaults stay
 * at the point of use. A value of the wrong type fails start-up with a {@link ConfigException} naming the setting.
 * Immutable and thread-safe.
 */
public final class Config {

    private final JsonObject file;
    private final Map<String, String> env;

    public Config(JsonObject file, Map<String, String> env) {
        this.file = file.copy();
        this.env = Map.copyOf(env);
    }

    /** Reads {@code path} (absent: only defaults and the environment apply). */
    public static Config load(Path path, Map<String, String> env) {
        if (!Files.exists(path)) {
            return new Config(new JsonObject(), env);
        }
        try {
            return new Config(new JsonObject(Files.readString(path, StandardCharsets.UTF_8)), env);
        } catch (DecodeException e) {
            throw new ConfigException(path + ": not valid JSON: " + e.getMessage());
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot be read: " + e.getMessage());
        }
    }

    /** The environment variable that overrides {@code key}. */
    public static String envName(String key) {
        return "HOTLINE_" + key.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase();
    }

    public Optional<String> string(String key) {
        String fromEnv = env.get(envName(key));
        if (fromEnv != null) {
            return fromEnv.isBlank() ? Optional.empty() : Optional.of(fromEnv);
        }
        Object value = lookup(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof JsonObject || value instanceof io.vertx.core.json.JsonArray) {
            throw new ConfigException(describe(key) + ": expected a single value, got " + value);
        }
        String text = value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    public String string(String key, String defaultValue) {
        return string(key).orElse(defaultValue);
    }

    /** An integer between {@code min} and {@code max} inclusive. */
    public int integer(String key, int defaultValue, int min, int max) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get().trim());
            if (value < min || value > max) {
                throw new ConfigException(describe(key) + ": must be between " + min + " and " + max + ", got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(describe(key) + ": expected a whole number, got '" + text.get() + "'");
        }
    }

    public int port(String key, int defaultValue) {
        return integer(key, defaultValue, 0, 65535);
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<String> text = string(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        return switch (text.get().trim().toLowerCase()) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new ConfigException(describe(key) + ": expected true or false, got '" + text.get() + "'");
        };
    }

    public Path path(String key, String defaultValue) {
        return Path.of(string(key, defaultValue));
    }

    /** A JSON section of the file (not overridable piecewise by the environment), or an empty object. */
    public JsonObject section(String key) {
        Object value = lookup(key);
        if (value == null) {
            return new JsonObject();
        }
        if (!(value instanceof JsonObject section)) {
            throw new ConfigException(describe(key) + ": expected an object, got " + value);
        }
        return section.copy();
    }

    private Object lookup(String key) {
        Object node = file;
        for (String part : key.split("\\.")) {
            if (!(node instanceof JsonObject object)) {
                return null;
            }
            node = object.getValue(part);
        }
        return node;
    }

    /** How errors name a setting: its key and the environment variable that overrides it. */
    public static String describe(String key) {
        return "setting " + key + " (" + envName(key) + ")";
    }
}
