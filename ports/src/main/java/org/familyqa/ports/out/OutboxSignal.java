package org.familyqa.ports.out;

/**
 * Wakes the outbox relay after events were committed, so that they are published without waiting for its next poll.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface OutboxSignal {

    /** Signals that new events were committed; returns at once and never throws. */
    void eventsCommitted();

    /** Returns a signal that does nothing, for a server whose relay only polls. */
    static OutboxSignal none() {
        return () -> { };
    }
}
