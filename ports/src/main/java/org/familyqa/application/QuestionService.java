package org.familyqa.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.familyqa.domain.ValidationException;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.message.AskRequest;
import org.familyqa.domain.message.RespondRequest;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.AnswerId;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.domain.question.Source;
import org.familyqa.domain.ratelimit.FamilyRateLimiter;
import org.familyqa.domain.ratelimit.RateLimit;
import org.familyqa.ports.in.Page;
import org.familyqa.ports.in.QuestionUseCases;
import org.familyqa.ports.in.Result;
import org.familyqa.ports.out.AnswerRepository;
import org.familyqa.ports.out.FamilyRepository;
import org.familyqa.ports.out.IdGenerator;
import org.familyqa.ports.out.NewAnswer;
import org.familyqa.ports.out.NewQuestion;
import org.familyqa.ports.out.OutboxSignal;
import org.familyqa.ports.out.QuestionCursor;
import org.familyqa.ports.out.QuestionRepository;
import org.familyqa.ports.out.StoreResult;

/**
 * Asks, answers and lists questions for the HTTP API and the web page. Stored questions and answers reach MQTT
 * through the outbox, like those from devices.
 *
 * @since 0.1.0
 */
public final class QuestionService implements QuestionUseCases {

    /** The largest page {@link #listQuestions} returns. */
    public static final int MAX_PAGE_SIZE = 100;

    private final FamilyRepository families;
    private final QuestionRepository questions;
    private final AnswerRepository answers;
    private final IdGenerator ids;
    private final OutboxSignal signal;
    private final Clock clock;
    private final FamilyRateLimiter rateLimiter;

    QuestionService(FamilyRepository families, QuestionRepository questions, AnswerRepository answers,
                    IdGenerator ids, OutboxSignal signal, Clock clock) {
        this(families, questions, answers, ids, signal, clock, new FamilyRateLimiter(RateLimit.DEFAULT));
    }

    /**
     * Creates the service with the rate limiter that device messages use too, so that a family's asks and answers
     * count against one limit whichever channel they arrive on.
     */
    QuestionService(FamilyRepository families, QuestionRepository questions, AnswerRepository answers,
                    IdGenerator ids, OutboxSignal signal, Clock clock, FamilyRateLimiter rateLimiter) {
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.families = Objects.requireNonNull(families, "families");
        this.questions = Objects.requireNonNull(questions, "questions");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.signal = Objects.requireNonNull(signal, "signal");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Stores a question created now and queues its event.
     *
     * @return the stored question, the first one when the request id was used before, or {@link ErrorCode#NOT_FOUND}
     */
    @Override
    public Result<Question> ask(FamilyId familyId, AskRequest request, Source source) {
        if (families.findById(familyId).isEmpty()) {
            return Rejections.familyNotFound();
        }
        if (!rateLimiter.tryAcquire(familyId, clock.instant())) {
            return Result.rejected(Rejections.rateLimited(rateLimiter.limit()));
        }
        Question question = newQuestion(ids, clock, familyId, request, source);

        StoreResult<Question> result = questions.addAll(List.of(new NewQuestion(question, request.requestId())))
                .get(0);

        if (result instanceof StoreResult.Stored<Question> stored) {
            signal.eventsCommitted();
            return Result.ok(stored.value());
        }
        if (result instanceof StoreResult.Duplicate<Question> duplicate) {
            return Result.ok(duplicate.existing());
        }
        throw new IllegalStateException("the question repository returned " + result + " for a question");
    }

    /**
     * Stores an answer created now and queues its event.
     *
     * @return the stored answer, the first one when the request id was used before, {@link ErrorCode#NOT_FOUND} for
     *         an unknown family, or {@link ErrorCode#UNKNOWN_QUESTION} on {@code question_id}
     */
    @Override
    public Result<Answer> answer(FamilyId familyId, RespondRequest request, Source source) {
        if (families.findById(familyId).isEmpty()) {
            return Rejections.familyNotFound();
        }
        if (!rateLimiter.tryAcquire(familyId, clock.instant())) {
            return Result.rejected(Rejections.rateLimited(rateLimiter.limit()));
        }
        Answer answer = newAnswer(ids, clock, familyId, request, source);

        StoreResult<Answer> result = answers.addAll(List.of(new NewAnswer(answer, request.requestId()))).get(0);

        if (result instanceof StoreResult.Stored<Answer> stored) {
            signal.eventsCommitted();
            return Result.ok(stored.value());
        }
        if (result instanceof StoreResult.Duplicate<Answer> duplicate) {
            return Result.ok(duplicate.existing());
        }
        return Result.rejected(unknownQuestion(request.rawQuestionId()));
    }

    /**
     * Lists a family's questions newest first, {@code limit} at a time. An unknown family has no questions.
     *
     * @return the page, or {@link ErrorCode#INVALID_FIELD} on {@code cursor} or {@code limit}
     */
    @Override
    public Result<Page<Question>> listQuestions(FamilyId familyId, Optional<Category> category,
                                                Optional<String> cursor, int limit) {
        Rejection badLimit = Rejections.checkLimit(limit, MAX_PAGE_SIZE);
        if (badLimit != null) {
            return Result.rejected(badLimit);
        }
        Optional<QuestionCursor> after;
        try {
            after = PageCursors.readQuestion(cursor);
        } catch (ValidationException e) {
            return Result.rejected(e.rejection());
        }

        List<Question> found = questions.list(familyId, category, after, limit + 1);

        List<Question> items = new ArrayList<>(found.subList(0, Math.min(limit, found.size())));
        Optional<String> next = found.size() > limit
                ? Optional.of(PageCursors.ofQuestion(items.get(items.size() - 1)))
                : Optional.empty();
        return Result.ok(new Page<>(items, next));
    }

    /** Finds a family's question with its answers, oldest answer first; empty if it is not the family's. */
    @Override
    public Optional<QuestionWithAnswers> getQuestion(FamilyId familyId, QuestionId questionId) {
        return questions.findById(familyId, questionId)
                .map(question -> new QuestionWithAnswers(question, answers.listByQuestion(familyId, questionId)));
    }

    /** Creates the question of a request with a new id, created now; shared with {@link DeviceMessageService}. */
    static Question newQuestion(IdGenerator ids, Clock clock, FamilyId familyId, AskRequest request, Source source) {
        return new Question(new QuestionId(ids.newId()), familyId, request.text(), request.category(),
                request.askedBy(), source, Rejections.now(clock));
    }

    /** Creates the answer of a request with a new id, created now; shared with {@link DeviceMessageService}. */
    static Answer newAnswer(IdGenerator ids, Clock clock, FamilyId familyId, RespondRequest request, Source source) {
        return new Answer(new AnswerId(ids.newId()), request.questionId(), familyId, request.text(),
                request.answeredBy(), source, Rejections.now(clock));
    }

    /**
     * Returns the rejection of an answer whose question is not the family's. It repeats the id exactly as sent and
     * reads the same whether the question is missing or belongs to another family.
     */
    static Rejection unknownQuestion(String rawQuestionId) {
        return Rejection.of(ErrorCode.UNKNOWN_QUESTION, QuestionId.FIELD,
                "question_id '" + rawQuestionId + "' is not a question of this family.");
    }
}
