package org.familyqa.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.AnswerText;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.domain.question.RequestId;
import org.familyqa.domain.question.Source;
import org.familyqa.ports.out.AnswerRepository;
import org.familyqa.ports.out.FamilyEvent;
import org.familyqa.ports.out.NewAnswer;
import org.familyqa.ports.out.OutboxEvent;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.testing.TestData;

/** The rules every {@link AnswerRepository} must keep. */
public abstract class AnswerRepositoryContract extends StoreContractSupport {

    @Test
    void storedAnswerRoundTripsEveryField() {
        Family family = storedFamily();
        Question question = storedQuestion(TestData.question(family.id()));
        String start = "\"Quoted\" \\ back\\slash 🍪\n";
        String text = start + "x".repeat(AnswerText.MAX_LENGTH - start.codePointCount(0, start.length()));
        Answer answer = TestData.answer(question)
                .text(text)
                .answeredBy("Zoë 🐈")
                .source(Source.WEB)
                .createdAt(Instant.parse("2024-02-29T23:59:59.654321Z"))
                .build();

        List<StoreResult<Answer>> results = store.answers().addAll(List.of(new NewAnswer(answer, Optional.empty())));

        assertThat(answer.text().value().codePointCount(0, answer.text().value().length())).isEqualTo(5000);
        assertThat(results).containsExactly(new StoreResult.Stored<>(answer));
        assertThat(store.answers().listByQuestion(family.id(), question.id())).containsExactly(answer);
    }

    @Test
    void answerWithoutOptionalFieldsRoundTrips() {
        Family family = storedFamily();
        Question question = storedQuestion(TestData.question(family.id()));
        Answer answer = TestData.answer(question).answeredBy(null).text("🍪".repeat(3000)).build();

        store.answers().addAll(List.of(new NewAnswer(answer, Optional.empty())));

        assertThat(store.answers().listByQuestion(family.id(), question.id())).containsExactly(answer);
    }

    @Test
    void answersAreListedOldestFirst() {
        Family family = storedFamily();
        Question question = storedQuestion(TestData.question(family.id()));
        Instant time = TestData.now();
        NewAnswer late = TestData.answer(question).createdAt(time.plusSeconds(5)).toNew();
        NewAnswer early = TestData.answer(question).createdAt(time).toNew();

        store.answers().addAll(List.of(late, early));

        assertThat(store.answers().listByQuestion(family.id(), question.id()))
                .containsExactly(early.answer(), late.answer());
    }

    @Test
    void storedAnswerQueuesItsEvent() {
        Family family = storedFamily();
        Question question = storedQuestion(TestData.question(family.id()));
        store.outbox().markPublished(store.outbox().claim("setup", 10, Duration.ofMinutes(1)).stream()
                .map(OutboxEvent::sequence).toList());
        Answer answer = TestData.answer(question).build();

        store.answers().addAll(List.of(new NewAnswer(answer, Optional.of(new RequestId("r-18")))));

        List<OutboxEvent> events = store.outbox().claim("relay-1", 10, Duration.ofMinutes(1));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).event()).isEqualTo(new FamilyEvent.QuestionAnswered(answer, family.topicPrefix(),
                Optional.of(new RequestId("r-18"))));
    }

    @Test
    void answerToUnknownQuestionIsRejected() {
        Family family = storedFamily();
        QuestionId unknown = new QuestionId(UUID.randomUUID());

        List<StoreResult<Answer>> results = store.answers().addAll(
                List.of(TestData.answer(family.id(), unknown).toNew()));

        assertThat(results).containsExactly(new StoreResult.UnknownQuestion<>());
        assertThat(store.answers().listByQuestion(family.id(), unknown)).isEmpty();
        assertThat(store.outbox().countUnpublished()).isZero();
    }

    @Test
    void answerToAnotherFamilysQuestionIsRejected() {
        Family owner = storedFamily();
        Family intruder = storedFamily();
        Question question = storedQuestion(TestData.question(owner.id()));
        long eventsBefore = store.outbox().countUnpublished();

        List<StoreResult<Answer>> results = store.answers().addAll(
                List.of(TestData.answer(intruder.id(), question.id()).toNew()));

        assertThat(results).containsExactly(new StoreResult.UnknownQuestion<>());
        assertThat(store.answers().listByQuestion(owner.id(), question.id())).isEmpty();
        assertThat(store.answers().listByQuestion(intruder.id(), question.id())).isEmpty();
        assertThat(store.outbox().countUnpublished()).isEqualTo(eventsBefore);
    }

    @Test
    void answersAreNotListedForAnotherFamily() {
        Family owner = storedFamily();
        Family other = storedFamily();
        Question question = storedQuestion(TestData.question(owner.id()));
        store.answers().addAll(List.of(TestData.answer(question).toNew()));

        assertThat(store.answers().listByQuestion(other.id(), question.id())).isEmpty();
    }

    @Test
    void mixedBatchGetsOneResultPerAnswerInOrder() {
        Family family = storedFamily();
        Question question = storedQuestion(TestData.question(family.id()));
        NewAnswer first = TestData.answer(question).requestId("r-1").toNew();
        NewAnswer unknown = TestData.answer(family.id(), new QuestionId(UUID.randomUUID())).toNew();
        NewAnswer repeat = TestData.answer(question).requestId("r-1").toNew();
        NewAnswer plain = TestData.answer(question).toNew();

        List<StoreResult<Answer>> results = store.answers().addAll(List.of(first, unknown, repeat, plain));

        assertThat(results).containsExactly(new StoreResult.Stored<>(first.answer()),
                new StoreResult.UnknownQuestion<>(), new StoreResult.Duplicate<>(first.answer()),
                new StoreResult.Stored<>(plain.answer()));
    }

    @Test
    void repeatedRequestIdReturnsTheFirstAnswer() {
        Family family = storedFamily();
        Question question = storedQuestion(TestData.question(family.id()));
        NewAnswer first = TestData.answer(question).text("first").requestId("r-1").toNew();
        store.answers().addAll(List.of(first));

        List<StoreResult<Answer>> again = store.answers().addAll(
                List.of(TestData.answer(question).text("second").requestId("r-1").toNew()));

        assertThat(again).containsExactly(new StoreResult.Duplicate<>(first.answer()));
        assertThat(store.answers().listByQuestion(family.id(), question.id())).containsExactly(first.answer());
        assertThat(store.outbox().countUnpublished()).isEqualTo(2);
    }

    @Test
    void racingRequestsWithOneRequestIdStoreOnce() throws InterruptedException {
        Family family = storedFamily();
        Question question = storedQuestion(TestData.question(family.id()));

        List<StoreResult<Answer>> results = race(20, () -> store.answers()
                .addAll(List.of(TestData.answer(question).requestId("race").toNew())).get(0));

        List<Answer> stored = store.answers().listByQuestion(family.id(), question.id());
        assertThat(stored).hasSize(1);
        assertThat(results).filteredOn(result -> result instanceof StoreResult.Stored).hasSize(1);
        assertThat(results).allSatisfy(result -> assertThat(result).isIn(
                new StoreResult.Stored<>(stored.get(0)), new StoreResult.Duplicate<>(stored.get(0))));
        assertThat(store.outbox().countUnpublished()).isEqualTo(2);
    }
}
