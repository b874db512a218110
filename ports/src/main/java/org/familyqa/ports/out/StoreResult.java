package org.familyqa.ports.out;

import java.util.Objects;

/**
 * Outcome of storing one question or answer.
 *
 * @param <T> the stored type
 * @since 0.1.0
 */
public sealed interface StoreResult<T> {

    /** The item was stored, together with its outbox event. */
    record Stored<T>(T value) implements StoreResult<T> {
        public Stored {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The family had already sent the same request id within its retention time; nothing was written and
     * {@code existing} is what the first request stored.
     */
    record Duplicate<T>(T existing) implements StoreResult<T> {
        public Duplicate {
            Objects.requireNonNull(existing, "existing");
        }
    }

    /** The answer's question does not exist in the answer's family; nothing was written. Never used for questions. */
    record UnknownQuestion<T>() implements StoreResult<T> {
    }
}
