package org.familyqa.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.ports.out.FamilyEvent;
import org.familyqa.ports.out.Outbox;
import org.familyqa.ports.out.OutboxEvent;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.out.StoredBatch;
import org.familyqa.ports.testing.TestData;

/** The rules every {@link Outbox} must keep. Events are appended by storing questions. */
public abstract class OutboxContract extends StoreContractSupport {

    private static final Duration LONG_LEASE = Duration.ofMinutes(5);

    @Test
    void emptyOutboxClaimsNothing() {
        assertThat(store.outbox().claim("relay-1", 10, LONG_LEASE)).isEmpty();
        assertThat(store.outbox().countUnpublished()).isZero();
    }

    @Test
    void claimReturnsOldestFirstUpToMax() {
        Family family = storedFamily();
        List<Question> questions = askMany(family, 5);

        List<OutboxEvent> first = store.outbox().claim("relay-1", 3, LONG_LEASE);

        assertThat(first).extracting(this::questionOf).containsExactlyElementsOf(questions.subList(0, 3));
        assertThat(first).extracting(OutboxEvent::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(store.outbox().countUnpublished()).isEqualTo(5);
    }

    @Test
    void leasedEventsAreNotClaimedByAnotherOwner() {
        Family one = storedFamily();
        askMany(one, 2);

        List<OutboxEvent> claimed = store.outbox().claim("relay-1", 10, LONG_LEASE);

        assertThat(claimed).hasSize(2);
        assertThat(store.outbox().claim("relay-2", 10, LONG_LEASE)).isEmpty();
    }

    @Test
    void laterEventOfFamilyWaitsWhileEarlierIsClaimedElsewhere() {
        Family busy = storedFamily();
        Family free = storedFamily();
        List<Question> busyQuestions = askMany(busy, 2);
        Question freeQuestion = askMany(free, 1).get(0);

        List<OutboxEvent> first = store.outbox().claim("relay-1", 1, LONG_LEASE);
        List<OutboxEvent> second = store.outbox().claim("relay-2", 10, LONG_LEASE);

        assertThat(first).extracting(this::questionOf).containsExactly(busyQuestions.get(0));
        assertThat(second).extracting(this::questionOf).containsExactly(freeQuestion);
    }

    @Test
    void expiredLeaseLetsAnotherOwnerClaim() throws InterruptedException {
        Family family = storedFamily();
        Question question = askMany(family, 1).get(0);
        store.outbox().claim("relay-1", 10, Duration.ofMillis(1));

        List<OutboxEvent> reclaimed = List.of();
        for (int attempt = 0; attempt < 100 && reclaimed.isEmpty(); attempt++) {
            Thread.sleep(20);
            reclaimed = store.outbox().claim("relay-2", 10, LONG_LEASE);
        }

        assertThat(reclaimed).extracting(this::questionOf).containsExactly(question);
    }

    @Test
    void releasedEventsCanBeClaimedAtOnce() {
        Family family = storedFamily();
        askMany(family, 2);
        List<OutboxEvent> claimed = store.outbox().claim("relay-1", 10, LONG_LEASE);

        store.outbox().release("relay-1", sequences(claimed));

        assertThat(store.outbox().claim("relay-2", 10, LONG_LEASE)).isEqualTo(claimed);
    }

    @Test
    void releaseByAnotherOwnerKeepsTheClaim() {
        Family family = storedFamily();
        askMany(family, 1);
        List<OutboxEvent> claimed = store.outbox().claim("relay-1", 10, LONG_LEASE);

        store.outbox().release("relay-2", sequences(claimed));

        assertThat(store.outbox().claim("relay-3", 10, LONG_LEASE)).isEmpty();
    }

    @Test
    void publishedEventsAreNeverClaimedAgain() {
        Family family = storedFamily();
        List<Question> questions = askMany(family, 3);
        List<OutboxEvent> claimed = store.outbox().claim("relay-1", 2, LONG_LEASE);

        store.outbox().markPublished(sequences(claimed));

        assertThat(store.outbox().countUnpublished()).isEqualTo(1);
        assertThat(store.outbox().claim("relay-2", 10, LONG_LEASE)).extracting(this::questionOf)
                .containsExactly(questions.get(2));
    }

    @Test
    void unknownSequencesAreIgnored() {
        Family family = storedFamily();
        askMany(family, 1);

        store.outbox().markPublished(List.of(Long.MAX_VALUE - 1));
        store.outbox().release("relay-1", List.of(Long.MAX_VALUE - 1));

        assertThat(store.outbox().countUnpublished()).isEqualTo(1);
    }

    @Test
    void racingOwnersNeverShareAnEvent() throws InterruptedException {
        List<Family> families = List.of(storedFamily(), storedFamily(), storedFamily(), storedFamily());
        for (Family family : families) {
            askMany(family, 50);
        }
        List<Long> claimedSequences = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ownerNumber = new AtomicInteger();

        race(4, () -> {
            String owner = "relay-" + ownerNumber.incrementAndGet();
            for (int round = 0; round < 1000; round++) {
                List<OutboxEvent> batch = store.outbox().claim(owner, 7, LONG_LEASE);
                if (batch.isEmpty() && store.outbox().countUnpublished() == 0) {
                    break;
                }
                claimedSequences.addAll(sequences(batch));
                store.outbox().markPublished(sequences(batch));
            }
            return null;
        });

        assertThat(claimedSequences).hasSize(200).doesNotHaveDuplicates();
        assertThat(store.outbox().countUnpublished()).isZero();
    }

    @Test
    void eachFamilysEventsArePublishedInOrderByConcurrentRelays() throws InterruptedException {
        Family family = storedFamily();
        List<Question> questions = askMany(family, 60);
        List<Question> published = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ownerNumber = new AtomicInteger();

        race(3, () -> {
            String owner = "relay-" + ownerNumber.incrementAndGet();
            for (int round = 0; round < 1000 && store.outbox().countUnpublished() > 0; round++) {
                List<OutboxEvent> batch = store.outbox().claim(owner, 4, LONG_LEASE);
                synchronized (published) {
                    batch.forEach(event -> published.add(questionOf(event)));
                }
                store.outbox().markPublished(sequences(batch));
            }
            return null;
        });

        assertThat(published).containsExactlyElementsOf(questions);
    }

    @Test
    void claimAfterPublishedMarksThenClaims() {
        Family family = storedFamily();
        List<Question> questions = askMany(family, 3);
        List<OutboxEvent> first = store.outbox().claim("relay-1", 2, LONG_LEASE);

        List<OutboxEvent> next = store.outbox().claimAfterPublished(sequences(first), "relay-1", 10, LONG_LEASE);

        assertThat(next).extracting(this::questionOf).containsExactly(questions.get(2));
        assertThat(store.outbox().countUnpublished()).isEqualTo(1);
        assertThat(store.outbox().claimAfterPublished(List.of(), "relay-1", 10, LONG_LEASE))
                .extracting(this::questionOf).containsExactly(questions.get(2));
    }

    @Test
    void eventsStoredUnderAClaimAreHeldFromOtherOwnersUntilPublished() {
        Family family = storedFamily();
        Family other = storedFamily();
        StoredBatch<Question> direct = store.questions().addAllClaimed(List.of(
                TestData.question(family.id()).text("direct 1").toNew(),
                TestData.question(family.id()).text("direct 2").toNew()), "direct-1", LONG_LEASE);
        Question later = askMany(family, 1).get(0);
        Question otherQuestion = askMany(other, 1).get(0);

        List<Long> directSequences = direct.sequences().stream().map(OptionalLong::getAsLong).toList();
        assertThat(directSequences).hasSize(2).isSorted().doesNotHaveDuplicates();
        assertThat(store.outbox().countUnpublished()).isEqualTo(4);
        assertThat(store.outbox().claim("relay-1", 10, LONG_LEASE)).extracting(this::questionOf)
                .containsExactly(otherQuestion);

        store.outbox().markPublished(directSequences);

        assertThat(store.outbox().countUnpublished()).isEqualTo(2);
        assertThat(store.outbox().claim("relay-1", 10, LONG_LEASE)).extracting(this::questionOf)
                .containsExactly(later, otherQuestion);
    }

    @Test
    void eventsStoredUnderAClaimAndReleasedAreClaimedAtOnce() {
        Family family = storedFamily();
        StoredBatch<Question> direct = store.questions().addAllClaimed(
                List.of(TestData.question(family.id()).text("released").toNew()), "direct-1", LONG_LEASE);
        Question stored = ((StoreResult.Stored<Question>) direct.results().get(0)).value();

        store.outbox().release("direct-1", List.of(direct.sequences().get(0).getAsLong()));

        List<OutboxEvent> claimed = store.outbox().claim("relay-1", 10, LONG_LEASE);
        assertThat(claimed).extracting(OutboxEvent::sequence).containsExactly(direct.sequences().get(0).getAsLong());
        assertThat(claimed).extracting(this::questionOf).containsExactly(stored);
    }

    @Test
    void eventsStoredUnderAnExpiredClaimAreClaimedByAnotherOwner() throws InterruptedException {
        Family family = storedFamily();
        store.questions().addAllClaimed(List.of(TestData.question(family.id()).text("lost").toNew()), "direct-1",
                Duration.ofMillis(1));

        List<OutboxEvent> reclaimed = List.of();
        for (int attempt = 0; attempt < 100 && reclaimed.isEmpty(); attempt++) {
            Thread.sleep(20);
            reclaimed = store.outbox().claim("relay-2", 10, LONG_LEASE);
        }

        assertThat(reclaimed).hasSize(1);
    }

    @Test
    void onlyStoredItemsGetASequence() {
        Family family = storedFamily();
        Question question = storedQuestion(TestData.question(family.id()).requestId("ask-1"));

        StoredBatch<Question> repeated = store.questions().addAllClaimed(List.of(
                TestData.question(family.id()).requestId("ask-1").toNew(),
                TestData.question(family.id()).requestId("ask-2").toNew()), "direct-1", LONG_LEASE);
        StoredBatch<Answer> answers = store.answers().addAllClaimed(List.of(
                TestData.answer(question).text("yes").toNew(),
                TestData.answer(family.id(), new QuestionId(UUID.randomUUID()))
                        .toNew()), "direct-1", LONG_LEASE);

        assertThat(repeated.results().get(0)).isInstanceOf(StoreResult.Duplicate.class);
        assertThat(repeated.sequences().get(0)).isEmpty();
        assertThat(repeated.sequences().get(1)).isPresent();
        assertThat(answers.results().get(0)).isInstanceOf(StoreResult.Stored.class);
        assertThat(answers.sequences().get(0)).isPresent();
        assertThat(answers.results().get(1)).isInstanceOf(StoreResult.UnknownQuestion.class);
        assertThat(answers.sequences().get(1)).isEmpty();
        assertThat(answers.sequences().get(0).getAsLong()).isGreaterThan(repeated.sequences().get(1).getAsLong());
        // The question stored without a claim is the only event a relay can take.
        assertThat(store.outbox().claim("relay-1", 10, LONG_LEASE)).extracting(this::questionOf)
                .containsExactly(question);
    }

    private List<Question> askMany(Family family, int count) {
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            questions.add(storedQuestion(TestData.question(family.id()).text("question " + i)));
        }
        return questions;
    }

    private Question questionOf(OutboxEvent event) {
        return ((FamilyEvent.QuestionAsked) event.event()).question();
    }

    private static Set<Long> sequences(List<OutboxEvent> events) {
        Set<Long> sequences = new HashSet<>();
        events.forEach(event -> sequences.add(event.sequence()));
        return sequences;
    }
}
