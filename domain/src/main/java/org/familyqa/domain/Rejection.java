package org.familyqa.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * Reason why a value, a request or a device message was not accepted.
 *
 * @param code    the machine-readable reason
 * @param field   the wire name of the offending field, such as {@code question_text}, or {@code null} when the whole
 *                message is at fault
 * @param message a plain sentence that names what was wrong and, where there is one, the limit
 */
public record Rejection(ErrorCode code, String field, String message) {

    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public static Rejection of(ErrorCode code, String field, String message) {
        return new Rejection(code, field, message);
    }

    public static Rejection ofMessage(ErrorCode code, String message) {
        return new Rejection(code, null, message);
    }

    /** Returns the offending field's wire name, if the rejection concerns one field. */
    public Optional<String> fieldName() {
        return Optional.ofNullable(field);
    }
}
