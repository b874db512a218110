package org.familyqa.bootstrap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed access to settings given as environment variables. Every getter validates and names the key in its error.
 */
final class Environment {

    private final Map<String, String> variables;

    Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(Objects.requireNonNull(variables, "variables"));
    }

    Optional<String> optional(String key) {
        String value = variables.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    String string(String key, String defaultValue) {
        return optional(key).orElse(defaultValue);
    }

    /** Returns a secret setting; secrets are never echoed in error messages. */
    Optional<String> secret(String key) {
        return Optional.ofNullable(variables.get(key)).filter(value -> !value.isEmpty());
    }

    int integer(String key, int defaultValue, int min, int max) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value < min || value > max) {
                throw outOfRange(key, raw.get(), min, max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw outOfRange(key, raw.get(), min, max);
        }
    }

    boolean bool(String key, boolean defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new ConfigurationException(key + "=" + raw.get() + " is invalid: expected true or false.");
        };
    }

    int port(String key, int defaultValue) {
        return integer(key, defaultValue, 1, 65_535);
    }

    double positiveNumber(String key, double defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(raw.get());
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + "=" + raw.get() + " is invalid: expected a number above 0.");
        }
    }

    /** Reads a duration written as a number with a unit: {@code 500ms}, {@code 5s} or {@code 2m}. */
    Duration duration(String key, Duration defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String text = raw.get().toLowerCase(Locale.ROOT);
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
        } catch (NumberFormatException e) {
            // Falls through to the error below, which names the expected form.
        }
        throw new ConfigurationException(key + "=" + raw.get()
                + " is invalid: expected a whole number with the unit ms, s or m, such as 5s.");
    }

    Path path(String key, String defaultValue) {
        return Path.of(string(key, defaultValue)).toAbsolutePath().normalize();
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E defaultValue) {
        Optional<String> raw = optional(key);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, raw.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new ConfigurationException(key + "=" + raw.get() + " is invalid: expected one of " + allowed + ".");
        }
    }

    private static ConfigurationException outOfRange(String key, String value, int min, int max) {
        return new ConfigurationException(key + "=" + value + " is invalid: expected a whole number from " + min
                + " to " + max + ".");
    }
}
