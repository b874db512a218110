package org.familyqa.application;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.familyqa.ports.out.EventPublisher;
import org.familyqa.ports.out.Outbox;
import org.familyqa.ports.out.OutboxEvent;
import org.familyqa.ports.out.OutboxSignal;
import org.familyqa.ports.out.StoreUnavailableException;

/**
 * Publishes events straight after the commit that stored them, instead of waiting for the relay to claim them.
 *
 * <p>The repositories insert these events already claimed by {@link #owner()}, an owner id that no relay uses, so no
 * relay claims them, nor a later event of the same family, while they are in flight. Acknowledged events are marked
 * published in one store call by {@link #flush()}, which the relay's thread runs every few milliseconds. Events whose
 * publishing failed or timed out are released by the next flush and the relay is woken, so it claims and publishes
 * them: each event is still published at least once. If the server stops before a flush, the events it published
 * or had in flight stay claimed until the lease ends; then a relay claims and publishes them, possibly again.
 *
 * <p>After a failure, new events go to the relay too, until the relay has caught up (see {@link #relayCaughtUp()}),
 * so that a family's later events do not overtake the released ones in the common case of a broker outage.
 *
 * <p>NOTE: per-family order is kept while publishing succeeds: a family's messages are stored by one inbound worker in
 * arrival order, this class publishes them in commit order, and the MQTT client sends in call order. When a publish
 * fails while later events of the same family are already in flight, those later events can reach devices before
 * the released one, which the relay publishes afterwards.
 */
final class DirectPublishing {

    private static final System.Logger LOG = System.getLogger(DirectPublishing.class.getName());

    private final Outbox outbox;
    private final EventPublisher publisher;
    private final OutboxSignal signal;
    private final String owner;
    private final Duration lease;
    private final Duration publishTimeout;
    private final Queue<Long> acknowledged = new ConcurrentLinkedQueue<>();
    private final Queue<Long> failed = new ConcurrentLinkedQueue<>();
    private volatile boolean paused;

    DirectPublishing(Outbox outbox, EventPublisher publisher, OutboxSignal signal, String owner, Duration lease,
                     Duration publishTimeout) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.signal = Objects.requireNonNull(signal, "signal");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.lease = Objects.requireNonNull(lease, "lease");
        this.publishTimeout = Objects.requireNonNull(publishTimeout, "publishTimeout");
    }

    /** Returns the owner id under which the repositories insert the events to publish here. */
    String owner() {
        return owner;
    }

    /** Returns how long the repositories' claim on inserted events lasts. */
    Duration lease() {
        return lease;
    }

    /** Returns whether events should be left to the relay, because an earlier publish failed. */
    boolean paused() {
        return paused;
    }

    /**
     * Starts publishing events that were just committed under {@link #owner()}'s claim, in the given order, and
     * returns at once.
     */
    void publish(List<OutboxEvent> events) {
        for (OutboxEvent event : events) {
            long sequence = event.sequence();
            start(event).whenComplete((ignored, failure) -> {
                if (failure == null) {
                    acknowledged.add(sequence);
                } else {
                    paused = true;
                    failed.add(sequence);
                    LOG.log(Level.DEBUG, () -> "Publishing outbox event " + sequence + " failed; the relay takes it"
                            + " over: " + failure);
                    signal.eventsCommitted();
                }
            });
        }
    }

    private CompletableFuture<Void> start(OutboxEvent event) {
        try {
            return Objects.requireNonNull(publisher.publish(event.event()), "the publisher returned no future")
                    .copy()
                    .orTimeout(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Marks the acknowledged events published and releases the failed ones, each in one store call.
     *
     * @return how many events were marked published
     * @throws StoreUnavailableException if the store failed; the events are kept for the next call
     */
    int flush() {
        List<Long> done = drain(acknowledged);
        List<Long> toRelease = drain(failed);
        try {
            if (!done.isEmpty()) {
                outbox.markPublished(done);
            }
        } catch (RuntimeException e) {
            acknowledged.addAll(done);
            failed.addAll(toRelease);
            throw e;
        }
        try {
            if (!toRelease.isEmpty()) {
                outbox.release(owner, toRelease);
                LOG.log(Level.WARNING, "Publishing " + toRelease.size() + " events straight after storing failed;"
                        + " they are released for the outbox relay");
            }
        } catch (RuntimeException e) {
            failed.addAll(toRelease);
            throw e;
        }
        return done.size();
    }

    /** Records that the relay found nothing more to claim, so new events may be published directly again. */
    void relayCaughtUp() {
        if (paused && failed.isEmpty()) {
            paused = false;
        }
    }

    private static List<Long> drain(Queue<Long> queue) {
        List<Long> drained = new ArrayList<>();
        for (Long sequence = queue.poll(); sequence != null; sequence = queue.poll()) {
            drained.add(sequence);
        }
        return drained;
    }
}
