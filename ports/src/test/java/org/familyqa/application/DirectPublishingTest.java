package org.familyqa.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.question.Question;
import org.familyqa.ports.out.EventPublisher;
import org.familyqa.ports.out.FamilyEvent;
import org.familyqa.ports.out.OutboxEvent;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.out.StoredBatch;
import org.familyqa.ports.testing.InMemoryStore;
import org.familyqa.ports.testing.TestData;
import org.junit.jupiter.api.Test;

class DirectPublishingTest {

    private static final Duration LEASE = Duration.ofMinutes(5);

    private final InMemoryStore store = new InMemoryStore();
    private final Family family = TestData.family().build();
    private final AtomicInteger signals = new AtomicInteger();

    @Test
    void acknowledgedEventIsMarkedByFlush() {
        DirectPublishing direct = direct(event -> CompletableFuture.completedFuture(null), Duration.ofSeconds(5));
        OutboxEvent event = storeOne(direct);

        direct.publish(List.of(event));

        assertThat(store.outbox().claim("relay-1", 10, LEASE)).isEmpty();
        assertThat(direct.flush()).isEqualTo(1);
        assertThat(store.outbox().countUnpublished()).isZero();
        assertThat(signals.get()).isZero();
        assertThat(direct.paused()).isFalse();
    }

    @Test
    void unacknowledgedEventGoesToTheRelay() throws InterruptedException {
        DirectPublishing direct = direct(event -> new CompletableFuture<>(), Duration.ofMillis(50));
        OutboxEvent event = storeOne(direct);

        direct.publish(List.of(event));
        for (int attempt = 0; attempt < 250 && signals.get() == 0; attempt++) {
            Thread.sleep(20);
        }

        assertThat(signals.get()).isEqualTo(1);
        assertThat(direct.paused()).isTrue();
        assertThat(store.outbox().claim("relay-1", 10, LEASE)).isEmpty();
        assertThat(direct.flush()).isZero();
        assertThat(store.outbox().claim("relay-1", 10, LEASE)).extracting(OutboxEvent::sequence)
                .containsExactly(event.sequence());
        direct.relayCaughtUp();
        assertThat(direct.paused()).isFalse();
    }

    private DirectPublishing direct(EventPublisher publisher, Duration timeout) {
        store.families().add(family, new PasswordHash("sha256$c2FsdA==$dG9rZW4="));
        return new DirectPublishing(store.outbox(), publisher, signals::incrementAndGet, "relay-1/direct", LEASE,
                timeout);
    }

    private OutboxEvent storeOne(DirectPublishing direct) {
        StoredBatch<Question> batch = store.questions().addAllClaimed(
                List.of(TestData.question(family.id()).toNew()), direct.owner(), direct.lease());
        Question question = ((StoreResult.Stored<Question>) batch.results().get(0)).value();
        return new OutboxEvent(batch.sequences().get(0).getAsLong(),
                new FamilyEvent.QuestionAsked(question, family.topicPrefix(), Optional.empty()));
    }
}
