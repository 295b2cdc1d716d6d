package hotline.config;

/** A setting is missing or malformed; the message names the setting and its environment variable. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
