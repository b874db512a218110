package org.familyqa.ports.in;

/**
 * Publishes committed events from the outbox; the MQTT adapter runs it on its own thread.
 *
 * @since 0.1.0
 */
public interface OutboxRelayUseCase {

    /**
     * Claims a batch of due events, publishes them and waits for the broker's acknowledgements. The acknowledged
     * ones are marked published by the next call, in its claim's transaction, or by {@link #flushPublished()}.
     * Events that failed are released for the next call.
     *
     * @return how many events were published; 0 when none were due or the broker is unreachable
     * @throws org.familyqa.ports.out.StoreUnavailableException if the store failed
     */
    int relayBatch();

    /**
     * Marks the events acknowledged since the last call as published: those of {@link #relayBatch} and those that the
     * core published straight after storing them. Releases the latter whose publishing failed, so that
     * {@link #relayBatch} claims them. Call it every few milliseconds from the relay's thread; it touches the store
     * only when there is work.
     *
     * @return how many events were marked published
     * @throws org.familyqa.ports.out.StoreUnavailableException if the store failed; the events are kept for the next
     *                                                          call
     * @since 0.2.0
     */
    default int flushPublished() {
        return 0;
    }
}
