package org.familyqa.domain.question;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.family.FamilyId;

/**
 * A stored question.
 *
 * @param id        the question's identifier
 * @param familyId  the family that owns it
 * @param text      the question text
 * @param category  the category, {@link Category#GENERAL} unless the asker chose one
 * @param askedBy   the asking member, if given
 * @param source    the channel it arrived through
 * @param createdAt when it was stored, in UTC
 */
public record Question(QuestionId id, FamilyId familyId, QuestionText text, Category category,
                       Optional<MemberName> askedBy, Source source, Instant createdAt) {

    public Question {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(askedBy, "askedBy");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
