package org.familyqa.domain.message;

import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.MemberName;
import org.familyqa.domain.question.QuestionText;
import org.familyqa.domain.question.RequestId;

/**
 * A valid request to ask a question, from any channel.
 *
 * @param text      the question text
 * @param category  the category; {@link Category#GENERAL} when the request had none
 * @param askedBy   the asking member, if given
 * @param requestId the idempotency key, if given
 */
public record AskRequest(QuestionText text, Category category, Optional<MemberName> askedBy,
                         Optional<RequestId> requestId) {

    public AskRequest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(askedBy, "askedBy");
        Objects.requireNonNull(requestId, "requestId");
    }
}
