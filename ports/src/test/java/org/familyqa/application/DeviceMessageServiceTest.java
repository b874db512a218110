package org.familyqa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.familyqa.application.DeviceMessages.ask;
import static org.familyqa.application.DeviceMessages.respond;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.lenient;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.familyqa.domain.message.Payloads;
import org.familyqa.domain.mqtt.DeviceTopic;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.domain.question.Source;
import org.familyqa.domain.ratelimit.FamilyRateLimiter;
import org.familyqa.domain.ratelimit.RateLimit;
import org.familyqa.ports.in.DeviceMessage;
import org.familyqa.ports.in.DeviceOutcome;
import org.familyqa.ports.out.AnswerRepository;
import org.familyqa.ports.out.FamilyRepository;
import org.familyqa.ports.out.NewAnswer;
import org.familyqa.ports.out.NewQuestion;
import org.familyqa.ports.out.OutboxSignal;
import org.familyqa.ports.out.QuestionRepository;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.out.StoreUnavailableException;
import org.familyqa.ports.testing.TestData;

@ExtendWith(MockitoExtension.class)
class DeviceMessageServiceTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @Mock
    private FamilyRepository families;
    @Mock
    private QuestionRepository questions;
    @Mock
    private AnswerRepository answers;
    @Mock
    private OutboxSignal signal;

    private final Family family = TestData.family().build();
    private final TopicPrefix prefix = family.topicPrefix();
    private DeviceMessageService service;

    @BeforeEach
    void createService() {
        service = new DeviceMessageService(families, questions, answers, UUID::randomUUID, signal,
                Clock.fixed(NOW, ZoneOffset.UTC), new FamilyRateLimiter(RateLimit.DEFAULT));
    }

    @Test
    void batchStoresAsksAndAnswersInOneCallEach() {
        knownFamily();
        storeEverything();
        String questionId = UUID.randomUUID().toString();

        List<DeviceOutcome> outcomes = service.handle(List.of(
                ask(prefix, "question_text", "one"),
                respond(prefix, "question_id", questionId, "answer_text", "yes"),
                ask(prefix, "question_text", "two"),
                respond(prefix, "question_id", questionId, "answer_text", "no")));

        ArgumentCaptor<List<NewQuestion>> asked = ArgumentCaptor.captor();
        ArgumentCaptor<List<NewAnswer>> answered = ArgumentCaptor.captor();
        verify(questions, times(1)).addAll(asked.capture());
        verify(answers, times(1)).addAll(answered.capture());
        assertThat(asked.getValue()).extracting(item -> item.question().text().value()).containsExactly("one", "two");
        assertThat(answered.getValue()).extracting(item -> item.answer().text().value()).containsExactly("yes", "no");
        assertThat(outcomes).extracting(outcome -> outcome.getClass().getSimpleName())
                .containsExactly("QuestionStored", "AnswerStored", "QuestionStored", "AnswerStored");
        assertThat(asked.getValue()).allMatch(item -> item.question().source() == Source.MQTT);
        verify(signal, times(2)).eventsCommitted();
    }

    @Test
    void badMessagesAreRejectedInPlace() {
        knownFamily();
        storeEverything();
        DeviceMessage unreadable = new DeviceMessage(new DeviceTopic(prefix, FamilyTopic.ASK),
                new DeviceMessage.Unreadable(Payloads.malformed(), Optional.of("r-9")));

        List<DeviceOutcome> outcomes = service.handle(List.of(
                ask(prefix, "category", "general", "request_id", "r-1"),
                ask(prefix, "question_text", "fine"),
                unreadable,
                respond(prefix, "question_id", "not-an-id", "answer_text", "x")));

        assertThat(rejection(outcomes.get(0)).rejection().code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(rejection(outcomes.get(0)).requestId()).contains("r-1");
        assertThat(outcomes.get(1)).isInstanceOf(DeviceOutcome.QuestionStored.class);
        assertThat(rejection(outcomes.get(2)).rejection().code()).isEqualTo(ErrorCode.INVALID_JSON);
        assertThat(rejection(outcomes.get(2)).requestId()).contains("r-9");
        assertThat(rejection(outcomes.get(3)).rejection().field()).isEqualTo("question_id");
        verify(answers, never()).addAll(anyList());
    }

    @Test
    void unknownQuestionRepeatsTheIdAsSent() {
        knownFamily();
        when(answers.addAll(anyList())).thenReturn(List.of(new StoreResult.UnknownQuestion<>()));
        String raw = "0195A000-0000-7000-8000-00000000ABCD";

        List<DeviceOutcome> outcomes = service.handle(List.of(
                respond(prefix, "question_id", raw, "answer_text", "x", "request_id", "r-2")));

        DeviceOutcome.Rejected rejected = rejection(outcomes.get(0));
        assertThat(rejected.rejection().code()).isEqualTo(ErrorCode.UNKNOWN_QUESTION);
        assertThat(rejected.rejection().message()).contains("'" + raw + "'");
        assertThat(rejected.requestId()).contains("r-2");
        verify(signal, never()).eventsCommitted();
    }

    @Test
    void unknownPrefixGivesUnknownFamily() {
        TopicPrefix unknown = new TopicPrefix("nobody-here");
        when(families.findByTopicPrefix(unknown)).thenReturn(Optional.empty());

        List<DeviceOutcome> outcomes = service.handle(List.of(ask(unknown, "question_text", "hello?")));

        assertThat(outcomes).containsExactly(new DeviceOutcome.UnknownFamily(ask(unknown).topic()));
        verify(questions, never()).addAll(anyList());
    }

    @Test
    void familyIsLookedUpOnce() {
        knownFamily();
        storeEverything();

        service.handle(List.of(ask(prefix, "question_text", "a")));
        service.handle(List.of(ask(prefix, "question_text", "b")));

        verify(families, times(1)).findByTopicPrefix(prefix);
    }

    @Test
    void rateLimitCountsRejectedMessagesToo() {
        knownFamily();
        storeEverything();
        List<DeviceMessage> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(i % 2 == 0 ? ask(prefix) : ask(prefix, "question_text", "q" + i));
        }
        batch.add(ask(prefix, "question_text", "one too many", "request_id", "r-31"));

        List<DeviceOutcome> outcomes = service.handle(batch);

        DeviceOutcome.Rejected last = rejection(outcomes.get(30));
        assertThat(last.rejection().code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(last.requestId()).contains("r-31");
        assertThat(outcomes.subList(0, 30)).filteredOn(DeviceOutcome.QuestionStored.class::isInstance).hasSize(15);
    }

    @Test
    void storeFailurePropagates() {
        knownFamily();
        when(questions.addAll(anyList())).thenThrow(new StoreUnavailableException("database down", null));

        assertThatThrownBy(() -> service.handle(List.of(ask(prefix, "question_text", "a"))))
                .isInstanceOf(StoreUnavailableException.class);
        verify(signal, never()).eventsCommitted();
    }

    private void knownFamily() {
        when(families.findByTopicPrefix(prefix)).thenReturn(Optional.of(family));
    }

    private void storeEverything() {
        lenient().when(questions.addAll(anyList())).thenAnswer(call -> call
                .<List<NewQuestion>>getArgument(0).stream()
                .map(item -> (StoreResult<?>) new StoreResult.Stored<>(item.question())).toList());
        lenient().when(answers.addAll(anyList())).thenAnswer(call -> call
                .<List<NewAnswer>>getArgument(0).stream()
                .map(item -> (StoreResult<?>) new StoreResult.Stored<>(item.answer())).toList());
    }

    private static DeviceOutcome.Rejected rejection(DeviceOutcome outcome) {
        assertThat(outcome).isInstanceOf(DeviceOutcome.Rejected.class);
        return (DeviceOutcome.Rejected) outcome;
    }
}
