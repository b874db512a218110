package org.familyqa.ports.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.message.AskRequest;
import org.familyqa.domain.message.RespondRequest;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.domain.question.Source;

/**
 * Asking, answering and reading questions, for the HTTP API and the web page. Devices use
 * {@link DeviceMessageUseCase}, which applies the same rules.
 *
 * @since 0.1.0
 */
public interface QuestionUseCases {

    /**
     * Stores a question and queues it for publishing on the family's {@code questions} topic.
     *
     * @return the stored question (the first one, when the request id was used before), or
     *         {@link org.familyqa.domain.ErrorCode#NOT_FOUND} if the family does not exist
     */
    Result<Question> ask(FamilyId familyId, AskRequest request, Source source);

    /**
     * Stores an answer and queues it for publishing on the family's {@code answers} topic.
     *
     * @return the stored answer, or {@link org.familyqa.domain.ErrorCode#UNKNOWN_QUESTION} on {@code question_id} if
     *         the question is not the family's
     */
    Result<Answer> answer(FamilyId familyId, RespondRequest request, Source source);

    /**
     * Lists a family's questions, newest first.
     *
     * @param category only this category, or empty for all
     * @param cursor   the {@link Page#nextCursor()} of the previous page, or empty for the newest
     * @param limit    1 to 100
     * @return the page, or {@link org.familyqa.domain.ErrorCode#INVALID_FIELD} on {@code cursor} or {@code limit}
     */
    Result<Page<Question>> listQuestions(FamilyId familyId, Optional<Category> category, Optional<String> cursor,
                                         int limit);

    /** Finds a family's question with its answers, oldest answer first; empty if it is not the family's. */
    Optional<QuestionWithAnswers> getQuestion(FamilyId familyId, QuestionId questionId);

    /** A question and its answers. */
    record QuestionWithAnswers(Question question, List<Answer> answers) {
        public QuestionWithAnswers {
            Objects.requireNonNull(question, "question");
            answers = List.copyOf(answers);
        }
    }
}
