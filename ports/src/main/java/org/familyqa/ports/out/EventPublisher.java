package org.familyqa.ports.out;

import java.util.concurrent.CompletableFuture;

/**
 * Publishes stored events to the family's devices: questions on {@code <prefix>/questions}, answers on
 * {@code <prefix>/answers}.
 *
 * @since 0.1.0
 */
public interface EventPublisher {

    /**
     * Starts publishing an event with at-least-once delivery and returns at once.
     *
     * @return a future that completes when the broker acknowledged the message, or completes exceptionally (for
     *         example with {@link BrokerUnavailableException}) when it could not be delivered to the broker
     */
    CompletableFuture<Void> publish(FamilyEvent event);
}
