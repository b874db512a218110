package org.familyqa.ports.out;

import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.RequestId;

/**
 * An answer to store, with the idempotency key it arrived with.
 *
 * @since 0.1.0
 */
public record NewAnswer(Answer answer, Optional<RequestId> requestId) {

    public NewAnswer {
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(requestId, "requestId");
    }
}
