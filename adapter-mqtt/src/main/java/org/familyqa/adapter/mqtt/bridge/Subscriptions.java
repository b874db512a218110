package org.familyqa.adapter.mqtt.bridge;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5RetainHandling;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscribes to the device topics after every connect, and retries until the broker grants every filter.
 *
 * <p>The subscription is sent again on each connect even when the broker kept the session, because the broker may
 * have lost it (restarted without persistence) or refused it before (for example while the server's role was
 * missing). Subscribing again to the same filter only replaces the subscription. A bridge that is connected but not
 * subscribed keeps retrying, with a back-off from 1 s up to 30 s, and {@link #isSubscribed()} stays false meanwhile.
 */
final class Subscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriptions.class);
    private static final long FIRST_RETRY_MILLIS = 1_000;
    private static final long MAX_RETRY_MILLIS = 30_000;

    private final Mqtt5AsyncClient client;
    private final List<String> filters;
    private final ScheduledExecutorService scheduler;
    /** Counts connections, so that a retry scheduled for an earlier connection does nothing. */
    private final AtomicLong connection = new AtomicLong();
    private volatile boolean subscribed;

    Subscriptions(Mqtt5AsyncClient client, String shareGroup, ScheduledExecutorService scheduler) {
        this.client = client;
        this.filters = List.of(
                "$share/" + shareGroup + "/family/+/ask",
                "$share/" + shareGroup + "/family/+/respond");
        this.scheduler = scheduler;
    }

    /** Starts subscribing for a new connection. */
    void connected() {
        subscribe(connection.incrementAndGet(), FIRST_RETRY_MILLIS);
    }

    /** Marks the subscriptions lost and cancels pending retries. */
    void disconnected() {
        connection.incrementAndGet();
        subscribed = false;
    }

    boolean isSubscribed() {
        return subscribed;
    }

    List<String> filters() {
        return filters;
    }

    private void subscribe(long connectionNumber, long retryMillis) {
        if (connection.get() != connectionNumber) {
            return;
        }
        try {
            client.subscribeWith()
                    .addSubscription().topicFilter(filters.get(0)).qos(MqttQos.AT_LEAST_ONCE)
                    .retainHandling(Mqtt5RetainHandling.DO_NOT_SEND).retainAsPublished(false).applySubscription()
                    .addSubscription().topicFilter(filters.get(1)).qos(MqttQos.AT_LEAST_ONCE)
                    .retainHandling(Mqtt5RetainHandling.DO_NOT_SEND).retainAsPublished(false).applySubscription()
                    .send()
                    .whenComplete((subAck, failure) -> subscribed(connectionNumber, retryMillis, subAck, failure));
        } catch (RuntimeException e) {
            subscribed(connectionNumber, retryMillis, null, e);
        }
    }

    private void subscribed(long connectionNumber, long retryMillis, Mqtt5SubAck subAck, Throwable failure) {
        String refusal = failure != null ? failure.toString() : refusal(subAck);
        if (refusal == null) {
            if (connection.get() == connectionNumber) {
                subscribed = true;
                LOG.info("Subscribed to {}", filters);
            }
            return;
        }
        if (connection.get() != connectionNumber) {
            return;
        }
        LOG.warn("Subscribing to {} failed ({}); retrying in {} ms", filters, refusal, retryMillis);
        long nextRetry = Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
        scheduler.schedule(() -> subscribe(connectionNumber, nextRetry), retryMillis, TimeUnit.MILLISECONDS);
    }

    /** Returns the reason codes if the broker refused any filter, or null if it granted all of them. */
    private static String refusal(Mqtt5SubAck subAck) {
        List<Mqtt5SubAckReasonCode> codes = subAck.getReasonCodes();
        for (Mqtt5SubAckReasonCode code : codes) {
            if (code.isError()) {
                return "reason codes " + codes + subAck.getReasonString().map(reason -> ", " + reason).orElse("");
            }
        }
        return null;
    }
}
