package org.familyqa.bootstrap;

/** Thrown at start when a setting is missing or invalid; its message names the key, the value and what is allowed. */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
