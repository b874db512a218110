package org.familyqa.domain.message;

import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.Rejection;

/**
 * Outcome of reading a request: the parsed value, or the reason it was rejected.
 *
 * @param <T> the type of the parsed value
 */
public sealed interface Validated<T> {

    /** A request that passed every rule. */
    record Accepted<T>(T value) implements Validated<T> {
        public Accepted {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A request that broke a rule.
     *
     * @param rejection the first rule broken
     * @param requestId the request id exactly as sent, when the message carried a string one, so that the error
     *                  can echo it even if the request id itself was the invalid field
     */
    record Rejected<T>(Rejection rejection, Optional<String> requestId) implements Validated<T> {
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
            Objects.requireNonNull(requestId, "requestId");
        }
    }
}
