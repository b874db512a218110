package org.familyqa.adapter.mqtt.bridge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;

import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.ports.out.BrokerUnavailableException;

/**
 * One broker round trip on {@code <prefix>/probe}: subscribe to that topic, publish a message with a random nonce,
 * and wait until the client's callback receives the nonce back. The time runs from the publish to the arrival.
 */
final class Probe {

    private final Mqtt5AsyncClient client;
    private final Outbound outbound;
    private final MessageJson json;
    private final ConcurrentMap<String, CompletableFuture<Long>> pending;
    private final BooleanSupplier connected;

    Probe(Mqtt5AsyncClient client, Outbound outbound, MessageJson json,
          ConcurrentMap<String, CompletableFuture<Long>> pending, BooleanSupplier connected) {
        this.client = client;
        this.outbound = outbound;
        this.json = json;
        this.pending = pending;
        this.connected = connected;
    }

    /** Completes the waiting probe whose nonce the message carries; called on the client's callback thread. */
    static void arrived(Mqtt5Publish publish, ConcurrentMap<String, CompletableFuture<Long>> pending) {
        long now = System.nanoTime();
        String payload = new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
        for (var entry : pending.entrySet()) {
            if (payload.contains("\"" + entry.getKey() + "\"")) {
                entry.getValue().complete(now);
            }
        }
    }

    Duration roundTrip(TopicPrefix prefix, Duration timeout) {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(timeout, "timeout");
        if (!connected.getAsBoolean()) {
            throw new BrokerUnavailableException("The MQTT bridge is not connected to the broker");
        }
        String topic = prefix.value() + "/" + MqttBridge.PROBE_LEVEL;
        String nonce = UUID.randomUUID().toString();
        CompletableFuture<Long> arrival = new CompletableFuture<>();
        pending.put(nonce, arrival);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Mqtt5SubAck subAck = client.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send()
                    .get(remaining(deadline), TimeUnit.NANOSECONDS);
            for (Mqtt5SubAckReasonCode code : subAck.getReasonCodes()) {
                if (code.isError()) {
                    throw new BrokerUnavailableException("The broker rejected the probe subscription to " + topic
                            + " with reason " + code);
                }
            }
            long sentAt = System.nanoTime();
            outbound.publish(topic, json.probe(nonce), Optional.empty());
            long arrivedAt = arrival.get(remaining(deadline), TimeUnit.NANOSECONDS);
            return Duration.ofNanos(arrivedAt - sentAt);
        } catch (TimeoutException e) {
            throw new BrokerUnavailableException("The probe on " + topic + " did not come back within "
                    + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new BrokerUnavailableException("The probe on " + topic + " failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while waiting for the probe on " + topic, e);
        } finally {
            pending.remove(nonce);
            client.unsubscribeWith().topicFilter(topic).send();
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
