package org.familyqa.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.domain.question.RequestId;
import org.familyqa.domain.question.Source;
import org.familyqa.ports.out.FamilyEvent;
import org.familyqa.ports.out.NewQuestion;
import org.familyqa.ports.out.OutboxEvent;
import org.familyqa.ports.out.QuestionCursor;
import org.familyqa.ports.out.QuestionRepository;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.testing.TestData;

/** The rules every {@link QuestionRepository} must keep. */
public abstract class QuestionRepositoryContract extends StoreContractSupport {

    @Test
    void storedQuestionRoundTripsEveryField() {
        Family family = storedFamily();
        Question question = TestData.question(family.id())
                .text("Line one: \"quoted\" \\ back\\slash 🍪\nline two ünïcödé")
                .category("childhood-memories")
                .askedBy("Zoë \"Z\" O'Neil 🐈")
                .source(Source.MQTT)
                .createdAt(Instant.parse("2024-02-29T23:59:59.123456Z"))
                .build();

        store.questions().addAll(List.of(new NewQuestion(question, Optional.empty())));

        assertThat(store.questions().findById(family.id(), question.id())).contains(question);
    }

    @Test
    void maximumLengthQuestionOfFourByteCharactersRoundTrips() {
        Family family = storedFamily();
        Question question = storedQuestion(TestData.question(family.id()).text("🍪".repeat(1000)).askedBy(null));

        Question found = store.questions().findById(family.id(), question.id()).orElseThrow();

        assertThat(found.text()).isEqualTo(question.text());
        assertThat(found.askedBy()).isEmpty();
    }

    @Test
    void addAllReturnsResultsInBatchOrder() {
        Family family = storedFamily();
        List<NewQuestion> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(TestData.question(family.id()).text("question " + i).toNew());
        }

        List<StoreResult<Question>> results = store.questions().addAll(batch);

        assertThat(results).hasSize(5);
        for (int i = 0; i < 5; i++) {
            assertThat(results.get(i)).isEqualTo(new StoreResult.Stored<>(batch.get(i).question()));
        }
    }

    @Test
    void storedQuestionQueuesItsEvent() {
        Family family = storedFamily();
        Question question = TestData.question(family.id()).build();

        store.questions().addAll(List.of(
                new NewQuestion(question, Optional.of(new RequestId("r-17")))));

        List<OutboxEvent> events = store.outbox().claim("relay-1", 10, Duration.ofMinutes(1));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).event()).isEqualTo(new FamilyEvent.QuestionAsked(question, family.topicPrefix(),
                Optional.of(new RequestId("r-17"))));
        assertThat(store.outbox().countUnpublished()).isEqualTo(1);
    }

    @Test
    void questionOfAnotherFamilyIsNotFound() {
        Family owner = storedFamily();
        Family other = storedFamily();
        Question question = storedQuestion(TestData.question(owner.id()));

        assertThat(store.questions().findById(other.id(), question.id())).isEmpty();
        assertThat(store.questions().findById(owner.id(), new QuestionId(UUID.randomUUID()))).isEmpty();
        assertThat(store.questions().list(other.id(), Optional.empty(), Optional.empty(), 100)).isEmpty();
    }

    @Test
    void listIsNewestFirstWithTiesBrokenByIdDescending() {
        Family family = storedFamily();
        Instant time = Instant.parse("2024-05-01T10:00:00.000001Z");
        List<Question> expected = new ArrayList<>();
        List<String> tiedIds = List.of("ffffffff-0000-7000-8000-000000000001", "00000000-0000-7000-8000-000000000002",
                "80000000-0000-7000-8000-000000000003", "7fffffff-0000-7000-8000-000000000004");
        for (String id : tiedIds) {
            expected.add(storedQuestion(TestData.question(family.id()).id(UUID.fromString(id)).createdAt(time)));
        }
        expected.add(storedQuestion(TestData.question(family.id()).createdAt(time.plusNanos(1000))));
        expected.add(storedQuestion(TestData.question(family.id()).createdAt(time.minusSeconds(3600))));
        expected.sort(Comparator.comparing(Question::createdAt)
                .thenComparing(question -> question.id().toString()).reversed());

        List<Question> listed = store.questions().list(family.id(), Optional.empty(), Optional.empty(), 100);

        assertThat(listed).containsExactlyElementsOf(expected);
    }

    @Test
    void cursorPagesWithoutGapsOrRepeats() {
        Family family = storedFamily();
        Instant time = Instant.parse("2024-05-01T10:00:00Z");
        List<Question> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(storedQuestion(TestData.question(family.id()).createdAt(time.plusSeconds(i / 3))));
        }
        all.sort(Comparator.comparing(Question::createdAt)
                .thenComparing(question -> question.id().toString()).reversed());

        List<Question> paged = new ArrayList<>();
        Optional<QuestionCursor> cursor = Optional.empty();
        for (int page = 0; page < 10; page++) {
            List<Question> items = store.questions().list(family.id(), Optional.empty(), cursor, 2);
            if (items.isEmpty()) {
                break;
            }
            assertThat(items).hasSizeLessThanOrEqualTo(2);
            paged.addAll(items);
            Question last = items.get(items.size() - 1);
            cursor = Optional.of(new QuestionCursor(last.createdAt(), last.id()));
        }

        assertThat(paged).containsExactlyElementsOf(all);
    }

    @Test
    void categoryFilterListsOnlyThatCategory() {
        Family family = storedFamily();
        Question older = storedQuestion(TestData.question(family.id()).category("food")
                .createdAt(TestData.now().minusSeconds(10)));
        storedQuestion(TestData.question(family.id()).category("travel"));
        Question newer = storedQuestion(TestData.question(family.id()).category("food"));
        Optional<Category> food = Optional.of(new Category("food"));

        List<Question> firstPage = store.questions().list(family.id(), food, Optional.empty(), 1);
        List<Question> secondPage = store.questions().list(family.id(), food,
                Optional.of(new QuestionCursor(newer.createdAt(), newer.id())), 10);

        assertThat(firstPage).containsExactly(newer);
        assertThat(secondPage).containsExactly(older);
        assertThat(store.questions().list(family.id(), Optional.of(new Category("none")), Optional.empty(), 10))
                .isEmpty();
    }

    @Test
    void repeatedRequestIdReturnsTheFirstQuestion() {
        Family family = storedFamily();
        Question first = storedQuestion(TestData.question(family.id()).text("first").requestId("r-1"));

        List<StoreResult<Question>> again = store.questions().addAll(
                List.of(TestData.question(family.id()).text("second").requestId("r-1").toNew()));

        assertThat(again).containsExactly(new StoreResult.Duplicate<>(first));
        assertThat(store.questions().list(family.id(), Optional.empty(), Optional.empty(), 10))
                .containsExactly(first);
        assertThat(store.outbox().countUnpublished()).isEqualTo(1);
    }

    @Test
    void repeatedRequestIdInOneBatchStoresOnce() {
        Family family = storedFamily();
        NewQuestion first = TestData.question(family.id()).requestId("r-1").toNew();
        NewQuestion second = TestData.question(family.id()).requestId("r-1").toNew();

        List<StoreResult<Question>> results = store.questions().addAll(List.of(first, second));

        assertThat(results).containsExactly(new StoreResult.Stored<>(first.question()),
                new StoreResult.Duplicate<>(first.question()));
        assertThat(store.outbox().countUnpublished()).isEqualTo(1);
    }

    @Test
    void sameRequestIdInTwoFamiliesStoresBoth() {
        Family one = storedFamily();
        Family two = storedFamily();

        List<StoreResult<Question>> results = store.questions().addAll(List.of(
                TestData.question(one.id()).requestId("r-1").toNew(),
                TestData.question(two.id()).requestId("r-1").toNew()));

        assertThat(results).allMatch(result -> result instanceof StoreResult.Stored);
        assertThat(store.outbox().countUnpublished()).isEqualTo(2);
    }

    @Test
    void questionsWithoutRequestIdAreNeverDuplicates() {
        Family family = storedFamily();

        storedQuestion(TestData.question(family.id()).text("same"));
        storedQuestion(TestData.question(family.id()).text("same"));

        assertThat(store.questions().list(family.id(), Optional.empty(), Optional.empty(), 10)).hasSize(2);
    }

    @Test
    void racingRequestsWithOneRequestIdStoreOnce() throws InterruptedException {
        Family family = storedFamily();

        List<StoreResult<Question>> results = race(20, () -> store.questions()
                .addAll(List.of(TestData.question(family.id()).requestId("race").toNew())).get(0));

        List<Question> stored = store.questions().list(family.id(), Optional.empty(), Optional.empty(), 100);
        assertThat(stored).hasSize(1);
        assertThat(results).filteredOn(result -> result instanceof StoreResult.Stored).hasSize(1);
        assertThat(results).allSatisfy(result -> assertThat(result).isIn(
                new StoreResult.Stored<>(stored.get(0)), new StoreResult.Duplicate<>(stored.get(0))));
        assertThat(store.outbox().countUnpublished()).isEqualTo(1);
    }
}
