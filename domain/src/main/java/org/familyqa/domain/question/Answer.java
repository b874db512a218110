package org.familyqa.domain.question;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.family.FamilyId;

/**
 * A stored answer to a question; a question can have many.
 *
 * @param id         the answer's identifier
 * @param questionId the question it answers
 * @param familyId   the family that owns the question, and so the answer
 * @param text       the answer text
 * @param answeredBy the answering member, if given
 * @param source     the channel it arrived through
 * @param createdAt  when it was stored, in UTC
 */
public record Answer(AnswerId id, QuestionId questionId, FamilyId familyId, AnswerText text,
                     Optional<MemberName> answeredBy, Source source, Instant createdAt) {

    public Answer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(questionId, "questionId");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(answeredBy, "answeredBy");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
