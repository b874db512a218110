package org.familyqa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import org.familyqa.domain.family.Family;
import org.familyqa.ports.out.BrokerUnavailableException;
import org.familyqa.ports.out.EventPublisher;
import org.familyqa.ports.out.FamilyEvent;
import org.familyqa.ports.out.Outbox;
import org.familyqa.ports.out.OutboxEvent;
import org.familyqa.ports.out.StoreUnavailableException;
import org.familyqa.ports.testing.TestData;

@ExtendWith(MockitoExtension.class)
class OutboxRelayServiceTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    @Mock
    private Outbox outbox;
    @Mock
    private EventPublisher publisher;

    private final Family family = TestData.family().build();

    private OutboxRelayService relay(Duration publishTimeout) {
        return new OutboxRelayService(outbox, publisher, "relay-1", 100, LEASE, publishTimeout);
    }

    @Test
    void acknowledgedEventsAreMarkedAndFailedReleased() {
        OutboxEvent first = event(1);
        OutboxEvent second = event(2);
        OutboxEvent third = event(3);
        when(outbox.claimAfterPublished(List.of(), "relay-1", 100, LEASE)).thenReturn(List.of(first, second, third));
        when(publisher.publish(first.event())).thenReturn(CompletableFuture.completedFuture(null));
        when(publisher.publish(second.event()))
                .thenReturn(CompletableFuture.failedFuture(new BrokerUnavailableException("down")));
        when(publisher.publish(third.event())).thenThrow(new IllegalStateException("client closed"));

        OutboxRelayService relay = relay(Duration.ofSeconds(5));
        int published = relay.relayBatch();

        assertThat(published).isEqualTo(1);
        verify(outbox).release("relay-1", List.of(2L, 3L));
        verify(outbox, never()).markPublished(anyCollection());
        assertThat(relay.flushPublished()).isEqualTo(1);
        verify(outbox).markPublished(List.of(1L));
    }

    @Test
    void nextClaimMarksThePreviousBatchPublished() {
        OutboxEvent first = event(1);
        OutboxEvent second = event(2);
        when(outbox.claimAfterPublished(List.of(), "relay-1", 100, LEASE)).thenReturn(List.of(first));
        when(outbox.claimAfterPublished(List.of(1L), "relay-1", 100, LEASE)).thenReturn(List.of(second));
        when(publisher.publish(any())).thenReturn(CompletableFuture.completedFuture(null));
        OutboxRelayService relay = relay(Duration.ofSeconds(5));

        assertThat(relay.relayBatch()).isEqualTo(1);
        assertThat(relay.relayBatch()).isEqualTo(1);

        verify(outbox).claimAfterPublished(List.of(1L), "relay-1", 100, LEASE);
        verify(outbox, never()).markPublished(anyCollection());
        assertThat(relay.flushPublished()).isEqualTo(1);
        verify(outbox).markPublished(List.of(2L));
    }

    @Test
    void unacknowledgedEventIsReleasedAfterTimeout() {
        OutboxEvent first = event(1);
        OutboxEvent second = event(2);
        when(outbox.claimAfterPublished(List.of(), "relay-1", 100, LEASE)).thenReturn(List.of(first, second));
        when(publisher.publish(first.event())).thenReturn(CompletableFuture.completedFuture(null));
        when(publisher.publish(second.event())).thenReturn(new CompletableFuture<>());

        OutboxRelayService relay = relay(Duration.ofMillis(50));
        int published = relay.relayBatch();
        relay.flushPublished();

        assertThat(published).isEqualTo(1);
        verify(outbox).markPublished(List.of(1L));
        verify(outbox).release("relay-1", List.of(2L));
    }

    @Test
    void emptyOutboxPublishesNothing() {
        when(outbox.claimAfterPublished(List.of(), "relay-1", 100, LEASE)).thenReturn(List.of());

        assertThat(relay(Duration.ofSeconds(5)).relayBatch()).isZero();

        verify(publisher, never()).publish(any());
        verify(outbox, never()).markPublished(anyCollection());
    }

    @Test
    void allFailedMarksNothing() {
        OutboxEvent first = event(1);
        when(outbox.claimAfterPublished(List.of(), "relay-1", 100, LEASE)).thenReturn(List.of(first));
        when(publisher.publish(first.event()))
                .thenReturn(CompletableFuture.failedFuture(new BrokerUnavailableException("down")));

        OutboxRelayService relay = relay(Duration.ofSeconds(5));
        assertThat(relay.relayBatch()).isZero();
        relay.flushPublished();

        verify(outbox, never()).markPublished(anyCollection());
        verify(outbox).release("relay-1", List.of(1L));
    }

    @Test
    void storeFailurePropagates() {
        when(outbox.claimAfterPublished(anyCollection(), anyString(), anyInt(), any()))
                .thenThrow(new StoreUnavailableException("database down", null));

        assertThatThrownBy(() -> relay(Duration.ofSeconds(5)).relayBatch())
                .isInstanceOf(StoreUnavailableException.class);
    }

    private OutboxEvent event(long sequence) {
        return new OutboxEvent(sequence, new FamilyEvent.QuestionAsked(TestData.question(family.id()).build(),
                family.topicPrefix(), Optional.empty()));
    }
}
