package org.familyqa.domain;

import java.util.Objects;

/**
 * Thrown by a value type's factory when the input breaks one of its rules.
 *
 * <p>Callers that handle user input catch it and report {@link #rejection()}; its message is safe to show to the
 * user because it contains only the rule and, at most, a short excerpt of the rejected value.
 */
public final class ValidationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Rejection rejection;

    public ValidationException(Rejection rejection) {
        super(Objects.requireNonNull(rejection, "rejection").message());
        this.rejection = rejection;
    }

    public ValidationException(ErrorCode code, String field, String message) {
        this(Rejection.of(code, field, message));
    }

    public Rejection rejection() {
        return rejection;
    }
}
