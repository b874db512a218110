package org.familyqa.ports.out;

import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.RequestId;

/**
 * A question to store, with the idempotency key it arrived with.
 *
 * @since 0.1.0
 */
public record NewQuestion(Question question, Optional<RequestId> requestId) {

    public NewQuestion {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(requestId, "requestId");
    }
}
