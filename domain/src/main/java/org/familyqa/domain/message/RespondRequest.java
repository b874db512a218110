package org.familyqa.domain.message;

import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.question.AnswerText;
import org.familyqa.domain.question.MemberName;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.domain.question.RequestId;

/**
 * A valid request to answer a question, from any channel.
 *
 * @param questionId    the question to answer; whether it exists in the family is checked when storing
 * @param rawQuestionId the question id exactly as sent, for an "unknown question" error that repeats it
 * @param text          the answer text
 * @param answeredBy    the answering member, if given
 * @param requestId     the idempotency key, if given
 */
public record RespondRequest(QuestionId questionId, String rawQuestionId, AnswerText text,
                             Optional<MemberName> answeredBy, Optional<RequestId> requestId) {

    public RespondRequest {
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(rawQuestionId, "rawQuestionId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(answeredBy, "answeredBy");
        Objects.requireNonNull(requestId, "requestId");
    }
}
