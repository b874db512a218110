package org.familyqa.ports.out;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;

/**
 * Stored questions.
 *
 * @since 0.1.0
 */
public interface QuestionRepository {

    /**
     * Stores questions, each together with a {@link FamilyEvent.QuestionAsked} event in the {@link Outbox}.
     *
     * <p>Each question and its event are committed together or not at all. A question whose family already used its
     * request id within the retention time is not stored again: its result is {@link StoreResult.Duplicate} with the
     * first question, also when two callers race with the same request id. Implementations may commit the whole
     * batch in one transaction.
     *
     * @param batch the questions, each of an existing family; 1 to 1000 of them
     * @return one result per question, in the order of {@code batch}
     * @throws StoreUnavailableException if the store failed; then none of the batch is stored
     */
    List<StoreResult<Question>> addAll(List<NewQuestion> batch);

    /**
     * Stores questions as {@link #addAll} does, and inserts each stored question's event already claimed by
     * {@code owner} for {@code lease}, as if {@code owner} had called {@link Outbox#claim} at the commit. The caller
     * publishes the events itself and then marks them published or releases them through the {@link Outbox}; until
     * then no other owner claims them, nor any later event of the same family.
     *
     * <p>The default stores through {@link #addAll} and claims nothing, so every stored event is left to the relays.
     *
     * @param owner an id of the caller, unique among running relays and callers of this method
     * @param lease how long the claim lasts; positive
     * @return the results, with the outbox sequence of each event inserted under the claim
     * @throws StoreUnavailableException if the store failed; then none of the batch is stored
     * @since 0.2.0
     */
    default StoredBatch<Question> addAllClaimed(List<NewQuestion> batch, String owner, Duration lease) {
        return StoredBatch.unclaimed(addAll(batch));
    }

    /**
     * Finds a question of a family. A question of another family is not found.
     */
    Optional<Question> findById(FamilyId familyId, QuestionId id);

    /**
     * Lists a family's questions newest first.
     *
     * @param category only questions of this category, or empty for all
     * @param after    the position after which the page starts, or empty for the newest
     * @param limit    the maximum number of questions, 1 to 1000
     */
    List<Question> list(FamilyId familyId, Optional<Category> category, Optional<QuestionCursor> after, int limit);
}
