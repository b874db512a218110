package org.familyqa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.family.Family;
import org.familyqa.domain.message.AskRequest;
import org.familyqa.domain.message.RespondRequest;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.AnswerText;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.domain.question.QuestionText;
import org.familyqa.domain.question.RequestId;
import org.familyqa.domain.ratelimit.FamilyRateLimiter;
import org.familyqa.domain.ratelimit.RateLimit;
import org.familyqa.domain.question.Source;
import org.familyqa.ports.in.Page;
import org.familyqa.ports.in.Result;
import org.familyqa.ports.out.AnswerRepository;
import org.familyqa.ports.out.FamilyRepository;
import org.familyqa.ports.out.NewAnswer;
import org.familyqa.ports.out.NewQuestion;
import org.familyqa.ports.out.OutboxSignal;
import org.familyqa.ports.out.QuestionRepository;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.testing.TestData;

@ExtendWith(MockitoExtension.class)
class QuestionServiceTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00.123456789Z");

    @Mock
    private FamilyRepository families;
    @Mock
    private QuestionRepository questions;
    @Mock
    private AnswerRepository answers;
    @Mock
    private OutboxSignal signal;

    private final Family family = TestData.family().build();
    private QuestionService service;

    @BeforeEach
    void createService() {
        service = new QuestionService(families, questions, answers, UUID::randomUUID, signal,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void askStoresQuestionAndSignals() {
        when(families.findById(family.id())).thenReturn(Optional.of(family));
        when(questions.addAll(anyList())).thenAnswer(call -> List.of(
                new StoreResult.Stored<>(call.<List<NewQuestion>>getArgument(0).get(0).question())));

        Result<Question> result = service.ask(family.id(), ask("r-1"), Source.WEB);

        Question question = ((Result.Ok<Question>) result).value();
        ArgumentCaptor<List<NewQuestion>> batch = ArgumentCaptor.captor();
        verify(questions).addAll(batch.capture());
        assertThat(batch.getValue().get(0).requestId()).contains(new RequestId("r-1"));
        assertThat(question.source()).isEqualTo(Source.WEB);
        assertThat(question.createdAt()).isEqualTo(Instant.parse("2025-03-01T12:00:00.123456Z"));
        verify(signal).eventsCommitted();
    }

    @Test
    void askOverRateLimitIsRejected() {
        QuestionService limited = new QuestionService(families, questions, answers, UUID::randomUUID, signal,
                Clock.fixed(NOW, ZoneOffset.UTC), new FamilyRateLimiter(new RateLimit(1, 2)));
        when(families.findById(family.id())).thenReturn(Optional.of(family));
        when(questions.addAll(anyList())).thenAnswer(call -> List.of(
                new StoreResult.Stored<>(call.<List<NewQuestion>>getArgument(0).get(0).question())));

        Result<Question> first = limited.ask(family.id(), ask("r-1"), Source.API);
        Result<Question> second = limited.ask(family.id(), ask("r-2"), Source.API);
        Result<Question> third = limited.ask(family.id(), ask("r-3"), Source.API);

        assertThat(first).isInstanceOf(Result.Ok.class);
        assertThat(second).isInstanceOf(Result.Ok.class);
        assertThat(third).isInstanceOf(Result.Rejected.class);
        assertThat(((Result.Rejected<Question>) third).rejection().code()).isEqualTo(ErrorCode.RATE_LIMITED);
        verify(questions, times(2)).addAll(anyList());
    }

    @Test
    void duplicateAskReturnsFirstWithoutSignal() {
        Question first = TestData.question(family.id()).build();
        when(families.findById(family.id())).thenReturn(Optional.of(family));
        when(questions.addAll(anyList())).thenReturn(List.of(new StoreResult.Duplicate<>(first)));

        Result<Question> result = service.ask(family.id(), ask("r-1"), Source.API);

        assertThat(result).isEqualTo(Result.ok(first));
        verify(signal, never()).eventsCommitted();
    }

    @Test
    void askForUnknownFamilyIsNotFound() {
        when(families.findById(family.id())).thenReturn(Optional.empty());

        Result<Question> result = service.ask(family.id(), ask(null), Source.API);

        assertThat(((Result.Rejected<Question>) result).rejection().code()).isEqualTo(ErrorCode.NOT_FOUND);
        verify(questions, never()).addAll(anyList());
    }

    @Test
    void answerToUnknownQuestionRepeatsIdAsSent() {
        String raw = "0195A000-0000-7000-8000-00000000ABCD";
        when(families.findById(family.id())).thenReturn(Optional.of(family));
        when(answers.addAll(anyList())).thenReturn(List.of(new StoreResult.UnknownQuestion<>()));

        Result<Answer> result = service.answer(family.id(), respond(raw), Source.API);

        assertThat(result).isInstanceOfSatisfying(Result.Rejected.class, rejected -> {
            assertThat(rejected.rejection().code()).isEqualTo(ErrorCode.UNKNOWN_QUESTION);
            assertThat(rejected.rejection().field()).isEqualTo("question_id");
            assertThat(rejected.rejection().message()).contains("'" + raw + "'");
        });
        verify(signal, never()).eventsCommitted();
    }

    @Test
    void storedAnswerSignals() {
        when(families.findById(family.id())).thenReturn(Optional.of(family));
        when(answers.addAll(anyList())).thenAnswer(call -> List.of(
                new StoreResult.Stored<>(call.<List<NewAnswer>>getArgument(0).get(0).answer())));

        Result<Answer> result = service.answer(family.id(), respond(UUID.randomUUID().toString()), Source.API);

        assertThat(result).isInstanceOf(Result.Ok.class);
        verify(signal).eventsCommitted();
    }

    @Test
    void listQuestionsRejectsBadLimitAndCursor() {
        Result<Page<Question>> zero = service.listQuestions(family.id(), Optional.empty(), Optional.empty(), 0);
        Result<Page<Question>> tooMany = service.listQuestions(family.id(), Optional.empty(), Optional.empty(), 101);
        Result<Page<Question>> badCursor = service.listQuestions(family.id(), Optional.empty(),
                Optional.of("bad cursor"), 10);

        assertThat(((Result.Rejected<Page<Question>>) zero).rejection().field()).isEqualTo("limit");
        assertThat(((Result.Rejected<Page<Question>>) tooMany).rejection().field()).isEqualTo("limit");
        assertThat(((Result.Rejected<Page<Question>>) badCursor).rejection().code())
                .isEqualTo(ErrorCode.INVALID_FIELD);
        verify(questions, never()).list(any(), any(), any(), anyInt());
    }

    @Test
    void listQuestionsPassesCursorOfLastItem() {
        Question newest = TestData.question(family.id()).build();
        Question older = TestData.question(family.id()).createdAt(newest.createdAt().minusSeconds(1)).build();
        Optional<Category> food = Optional.of(new Category("food"));
        when(questions.list(family.id(), food, Optional.empty(), 2)).thenReturn(List.of(newest, older));

        Page<Question> page = ((Result.Ok<Page<Question>>) service.listQuestions(family.id(), food,
                Optional.empty(), 1)).value();

        assertThat(page.items()).containsExactly(newest);
        assertThat(PageCursors.readQuestion(page.nextCursor())).hasValueSatisfying(cursor -> {
            assertThat(cursor.id()).isEqualTo(newest.id());
            assertThat(cursor.createdAt()).isEqualTo(newest.createdAt());
        });
    }

    @Test
    void getQuestionOfAnotherFamilyIsEmpty() {
        QuestionId id = new QuestionId(UUID.randomUUID());
        when(questions.findById(family.id(), id)).thenReturn(Optional.empty());

        assertThat(service.getQuestion(family.id(), id)).isEmpty();
        verify(answers, never()).listByQuestion(any(), any());
    }

    private static AskRequest ask(String requestId) {
        return new AskRequest(new QuestionText("Why?"), Category.GENERAL, Optional.empty(),
                Optional.ofNullable(requestId).map(RequestId::new));
    }

    private static RespondRequest respond(String rawQuestionId) {
        return new RespondRequest(QuestionId.parse(rawQuestionId), rawQuestionId, new AnswerText("Because."),
                Optional.empty(), Optional.empty());
    }
}
