package org.familyqa.domain.question;

import java.util.Objects;
import java.util.UUID;

import org.familyqa.domain.Ids;

/** Identifier of a question. */
public record QuestionId(UUID value) {

    public static final String FIELD = "question_id";

    public QuestionId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses a question id sent by a client.
     *
     * @throws org.familyqa.domain.ValidationException if {@code raw} is not a canonical UUID
     */
    public static QuestionId parse(String raw) {
        return new QuestionId(Ids.parseUuid(raw, FIELD));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
