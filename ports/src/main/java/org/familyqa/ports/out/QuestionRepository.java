package org.familyqa.ports.out;

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
