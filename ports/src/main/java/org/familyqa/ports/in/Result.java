package org.familyqa.ports.in;

import java.util.Objects;

import org.familyqa.domain.Rejection;

/**
 * Outcome of a use case that can be turned down for a business reason.
 *
 * @param <T> the type of a successful outcome
 * @since 0.1.0
 */
public sealed interface Result<T> {

    /** The use case succeeded. */
    record Ok<T>(T value) implements Result<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The use case was turned down; nothing was changed. */
    record Rejected<T>(Rejection rejection) implements Result<T> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }
}
