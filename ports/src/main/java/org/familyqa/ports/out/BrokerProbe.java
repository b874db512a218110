package org.familyqa.ports.out;

import java.time.Duration;

import org.familyqa.domain.mqtt.TopicPrefix;

/**
 * Checks that messages pass through the broker on a family's topics.
 *
 * @since 0.1.0
 */
public interface BrokerProbe {

    /**
     * Publishes a probe message under the prefix and waits for it to come back through a subscription.
     *
     * @param timeout how long to wait for the message to come back
     * @return the round-trip time
     * @throws BrokerUnavailableException if the broker is unreachable or the message did not come back in time
     */
    Duration roundTrip(TopicPrefix prefix, Duration timeout);
}
