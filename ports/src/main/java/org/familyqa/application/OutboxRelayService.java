package org.familyqa.application;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.familyqa.ports.in.OutboxRelayUseCase;
import org.familyqa.ports.out.EventPublisher;
import org.familyqa.ports.out.Outbox;
import org.familyqa.ports.out.OutboxEvent;

/**
 * Publishes claimed outbox events and marks the acknowledged ones published.
 *
 * <p>All events of a batch are published at once, in sequence order, and the relay waits for the broker's
 * acknowledgements up to the publish timeout. Events that failed or were not acknowledged in time are released for
 * the next batch, so an event may be published more than once but is never lost.
 *
 * <p>Acknowledged events are marked published by the next claim, in its transaction, or by
 * {@link #flushPublished()}, whichever runs first; until then this relay's claim keeps other relays off them.
 *
 * @since 0.1.0
 */
public final class OutboxRelayService implements OutboxRelayUseCase {

    private static final System.Logger LOG = System.getLogger(OutboxRelayService.class.getName());

    private final Outbox outbox;
    private final EventPublisher publisher;
    private final String owner;
    private final int batchSize;
    private final Duration lease;
    private final Duration publishTimeout;
    private final DirectPublishing direct;
    /** Acknowledged events of this relay's batches, not yet marked published; used by the relay's thread only. */
    private final List<Long> acknowledged = new ArrayList<>();

    OutboxRelayService(Outbox outbox, EventPublisher publisher, String owner, int batchSize, Duration lease,
                       Duration publishTimeout) {
        this(outbox, publisher, owner, batchSize, lease, publishTimeout, null);
    }

    /**
     * Creates a relay that also flushes the acknowledgements of {@code direct}, or of nothing when it is null.
     */
    OutboxRelayService(Outbox outbox, EventPublisher publisher, String owner, int batchSize, Duration lease,
                       Duration publishTimeout, DirectPublishing direct) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.batchSize = batchSize;
        this.lease = Objects.requireNonNull(lease, "lease");
        this.publishTimeout = Objects.requireNonNull(publishTimeout, "publishTimeout");
        this.direct = direct;
        if (direct != null && direct.owner().equals(owner)) {
            throw new IllegalArgumentException("the relay and direct publishing need different owner ids");
        }
    }

    /**
     * Claims up to the batch size of due events, publishes them and waits for the acknowledgements.
     *
     * @return how many events were acknowledged; the next call or {@link #flushPublished()} marks them published
     * @throws org.familyqa.ports.out.StoreUnavailableException if the outbox failed; a publish failure never throws
     */
    @Override
    public int relayBatch() {
        if (direct != null) {
            direct.flush();
        }
        List<OutboxEvent> claimed = outbox.claimAfterPublished(List.copyOf(acknowledged), owner, batchSize, lease);
        acknowledged.clear();
        if (claimed.isEmpty()) {
            if (direct != null) {
                direct.relayCaughtUp();
            }
            return 0;
        }
        List<CompletableFuture<Void>> futures = new ArrayList<>(claimed.size());
        for (OutboxEvent event : claimed) {
            futures.add(publish(event));
        }

        awaitAll(futures);

        List<Long> published = new ArrayList<>();
        List<Long> failed = new ArrayList<>();
        Throwable firstFailure = null;
        for (int i = 0; i < claimed.size(); i++) {
            CompletableFuture<Void> future = futures.get(i);
            if (future.isDone() && !future.isCompletedExceptionally()) {
                published.add(claimed.get(i).sequence());
            } else {
                failed.add(claimed.get(i).sequence());
                firstFailure = firstFailure != null ? firstFailure : failureOf(future);
            }
        }
        acknowledged.addAll(published);
        if (!failed.isEmpty()) {
            outbox.release(owner, failed);
            LOG.log(Level.WARNING, "Publishing " + failed.size() + " of " + claimed.size()
                    + " outbox events failed; they are released for the next batch", firstFailure);
        }
        return published.size();
    }

    @Override
    public int flushPublished() {
        int marked = direct != null ? direct.flush() : 0;
        if (!acknowledged.isEmpty()) {
            outbox.markPublished(List.copyOf(acknowledged));
            marked += acknowledged.size();
            acknowledged.clear();
        }
        return marked;
    }

    private CompletableFuture<Void> publish(OutboxEvent event) {
        try {
            return Objects.requireNonNull(publisher.publish(event.event()), "the publisher returned no future");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void awaitAll(List<CompletableFuture<Void>> futures) {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Each future is examined on its own afterwards; unfinished ones count as failed.
        }
    }

    private static Throwable failureOf(CompletableFuture<Void> future) {
        if (!future.isDone()) {
            return new TimeoutException("no acknowledgement from the broker in time");
        }
        try {
            future.join();
            return null;
        } catch (RuntimeException e) {
            return e.getCause() != null ? e.getCause() : e;
        }
    }
}
