package org.familyqa.adapter.mqtt.bridge;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;

import org.familyqa.ports.out.BrokerUnavailableException;

/** Sends the server's QoS 1 publishes and turns the broker's PUBACK into a plain future. Thread-safe. */
final class Outbound {

    private final Mqtt5AsyncClient client;

    Outbound(Mqtt5AsyncClient client) {
        this.client = client;
    }

    /**
     * Publishes a message at QoS 1.
     *
     * @return a future that completes when the broker acknowledged the message, or exceptionally with
     *         {@link BrokerUnavailableException} when the client failed or the broker returned an error reason code
     */
    CompletableFuture<Void> publish(String topic, byte[] payload, Optional<ByteBuffer> correlationData) {
        CompletableFuture<Mqtt5PublishResult> sent;
        try {
            sent = client.publishWith()
                    .topic(topic)
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .payload(payload)
                    .correlationData(correlationData.orElse(null))
                    .send();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(
                    new BrokerUnavailableException("Publishing on " + topic + " failed: " + e.getMessage(), e));
        }
        return sent.handle((result, failure) -> {
            if (failure != null) {
                throw new BrokerUnavailableException("Publishing on " + topic + " failed: " + failure.getMessage(),
                        failure);
            }
            if (result.getError().isPresent()) {
                Throwable error = result.getError().get();
                throw new BrokerUnavailableException("Publishing on " + topic + " failed: " + error.getMessage(),
                        error);
            }
            if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1
                    && qos1.getPubAck().getReasonCode().isError()) {
                throw new BrokerUnavailableException("The broker rejected the message on " + topic + " with reason "
                        + qos1.getPubAck().getReasonCode());
            }
            return null;
        });
    }
}
