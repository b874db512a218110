package org.familyqa.ports.out;

import java.time.Instant;
import java.util.Objects;

import org.familyqa.domain.question.QuestionId;

/**
 * Position in a family's question list, which is ordered newest first by creation time, then by id descending.
 * Ids compare as unsigned 128-bit numbers, which is the order of their canonical text and of PostgreSQL's
 * {@code uuid} type, not the signed order of {@link java.util.UUID#compareTo}.
 *
 * @param createdAt the creation time of the last question on the previous page
 * @param id        the id of that question, which breaks ties between equal times
 * @since 0.1.0
 */
public record QuestionCursor(Instant createdAt, QuestionId id) {

    public QuestionCursor {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(id, "id");
    }
}
