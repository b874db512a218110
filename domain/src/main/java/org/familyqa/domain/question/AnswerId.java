package org.familyqa.domain.question;

import java.util.Objects;
import java.util.UUID;

import org.familyqa.domain.Ids;

/** Identifier of an answer. */
public record AnswerId(UUID value) {

    public static final String FIELD = "answer_id";

    public AnswerId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses an answer id sent by a client.
     *
     * @throws org.familyqa.domain.ValidationException if {@code raw} is not a canonical UUID
     */
    public static AnswerId parse(String raw) {
        return new AnswerId(Ids.parseUuid(raw, FIELD));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
