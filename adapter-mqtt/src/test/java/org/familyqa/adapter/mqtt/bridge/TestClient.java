package org.familyqa.adapter.mqtt.bridge;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishBuilder;

/** A device or observer on the test broker: publishes raw payloads and records every message it receives by topic. */
final class TestClient implements AutoCloseable {

    private final Mqtt5AsyncClient client;
    private final Map<String, BlockingQueue<Mqtt5Publish>> received = new ConcurrentHashMap<>();

    TestClient(String host, int port, String subscription) {
        client = MqttClient.builder().useMqttVersion5().identifier("test-" + UUID.randomUUID())
                .serverHost(host).serverPort(port).buildAsync();
        client.publishes(MqttGlobalPublishFilter.ALL, publish -> queue(publish.getTopic().toString()).add(publish));
        join(client.connectWith().cleanStart(true).send());
        if (subscription != null) {
            join(client.subscribeWith().topicFilter(subscription).qos(MqttQos.AT_LEAST_ONCE).send());
        }
    }

    void publish(String topic, byte[] payload) {
        join(client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send());
    }

    void publish(String topic, String payload) {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes without waiting for the PUBACK. */
    CompletableFuture<?> publishAsync(String topic, String payload) {
        return client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    /** Publishes an MQTT 5 request with a response topic and correlation data. */
    void request(String topic, String payload, String responseTopic, byte[] correlationData) {
        Mqtt5PublishBuilder.Complete publish = Mqtt5Publish.builder().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                .payload(payload.getBytes(StandardCharsets.UTF_8)).responseTopic(responseTopic)
                .correlationData(correlationData);
        join(client.publish(publish.build()));
    }

    /** Waits for the next message on the topic, or returns null after the timeout. */
    Mqtt5Publish next(String topic, long timeoutMillis) throws InterruptedException {
        return queue(topic).poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    /** Returns the next message's payload as text, or null after the timeout. */
    String nextText(String topic, long timeoutMillis) throws InterruptedException {
        Mqtt5Publish publish = next(topic, timeoutMillis);
        return publish == null ? null : new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
    }

    /** Removes and returns the payloads received so far on the topic. */
    List<String> drain(String topic) {
        List<Mqtt5Publish> publishes = new ArrayList<>();
        queue(topic).drainTo(publishes);
        List<String> texts = new ArrayList<>();
        for (Mqtt5Publish publish : publishes) {
            texts.add(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8));
        }
        return texts;
    }

    private BlockingQueue<Mqtt5Publish> queue(String topic) {
        return received.computeIfAbsent(topic, key -> new LinkedBlockingQueue<>());
    }

    @Override
    public void close() {
        client.disconnect();
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("MQTT operation failed: " + e, e);
        }
    }
}
