package org.familyqa.ports.out;

import java.time.Duration;
import java.util.List;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.QuestionId;

/**
 * Stored answers.
 *
 * @since 0.1.0
 */
public interface AnswerRepository {

    /**
     * Stores answers, each together with a {@link FamilyEvent.QuestionAnswered} event in the {@link Outbox}.
     *
     * <p>An answer whose question does not exist in the answer's family gets {@link StoreResult.UnknownQuestion}, so
     * one family can never attach an answer to another family's question. Request ids behave as in
     * {@link QuestionRepository#addAll}.
     *
     * @param batch the answers; 1 to 1000 of them
     * @return one result per answer, in the order of {@code batch}
     * @throws StoreUnavailableException if the store failed; then none of the batch is stored
     */
    List<StoreResult<Answer>> addAll(List<NewAnswer> batch);

    /**
     * Stores answers as {@link #addAll} does, with each stored answer's event claimed by {@code owner} for
     * {@code lease}, as {@link QuestionRepository#addAllClaimed} describes.
     *
     * <p>The default stores through {@link #addAll} and claims nothing, so every stored event is left to the relays.
     *
     * @throws StoreUnavailableException if the store failed; then none of the batch is stored
     * @since 0.2.0
     */
    default StoredBatch<Answer> addAllClaimed(List<NewAnswer> batch, String owner, Duration lease) {
        return StoredBatch.unclaimed(addAll(batch));
    }

    /** Lists the answers to a family's question, oldest first; empty if the question is not the family's. */
    List<Answer> listByQuestion(FamilyId familyId, QuestionId questionId);
}
