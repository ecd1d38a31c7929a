package io.karapace.jvm.config;

/** The configuration cannot be used; the message is one line naming the key or file and what is wrong. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
