package org.familyqa.ports.in;

/**
 * Publishes committed events from the outbox; the MQTT adapter runs it on its own thread.
 *
 * @since 0.1.0
 */
public interface OutboxRelayUseCase {

    /**
     * Claims a batch of due events, publishes them, waits for the broker's acknowledgements, and marks the acknowledged
     * ones published. Events that failed are released for the next call.
     *
     * @return how many events were published; 0 when none were due or the broker is unreachable
     * @throws org.familyqa.ports.out.StoreUnavailableException if the store failed
     */
    int relayBatch();
}
