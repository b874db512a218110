package org.familyqa.bootstrap.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import org.familyqa.adapter.mqtt.MqttTestClients;

/** Device-side MQTT helpers for end-to-end tests: connect with a family's account, await messages and disconnects. */
public final class Devices {

    /** How long a test waits for something that should happen. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);

    private Devices() {
    }

    public static Mqtt5BlockingClient connect5(RunningServer running, String username, String password) {
        Mqtt5BlockingClient client = MqttTestClients.mqtt5(running.mqttHost(), running.mqttPort());
        client.connectWith().simpleAuth().username(username).password(utf8(password)).applySimpleAuth().send();
        return client;
    }

    public static Mqtt3BlockingClient connect3(RunningServer running, String username, String password) {
        Mqtt3BlockingClient client = MqttTestClients.mqtt3(running.mqttHost(), running.mqttPort());
        client.connectWith().simpleAuth().username(username).password(utf8(password)).applySimpleAuth().send();
        return client;
    }

    /** Subscribes with QoS 1 and returns the client's inbox, opened before the subscription so nothing is missed. */
    public static Mqtt5BlockingClient.Mqtt5Publishes subscribe(Mqtt5BlockingClient client, String... filters) {
        Mqtt5BlockingClient.Mqtt5Publishes inbox = client.publishes(MqttGlobalPublishFilter.ALL);
        for (String filter : filters) {
            client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
        }
        return inbox;
    }

    public static void publish(Mqtt5BlockingClient client, String topic, String json) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(utf8(json)).send();
    }

    public static void publish(Mqtt3BlockingClient client, String topic, String json) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(utf8(json)).send();
    }

    /** Waits for a message on {@code topic} whose JSON payload matches, skipping others; fails after the patience. */
    public static JsonNode await(Mqtt5BlockingClient.Mqtt5Publishes inbox, String topic, Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Mqtt5Publish> next = receive(inbox, deadline);
            if (next.isPresent() && next.get().getTopic().toString().equals(topic)) {
                JsonNode json = Api.parse(next.get().getPayloadAsBytes());
                if (match.test(json)) {
                    return json;
                }
            }
        }
        throw new AssertionError("no matching message on " + topic + " within " + PATIENCE);
    }

    public static JsonNode await(Mqtt3BlockingClient.Mqtt3Publishes inbox, String topic, Predicate<JsonNode> match) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var next = inbox.receive(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next.isPresent() && next.get().getTopic().toString().equals(topic)) {
                    JsonNode json = Api.parse(next.get().getPayloadAsBytes());
                    if (match.test(json)) {
                        return json;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no matching message on " + topic + " within " + PATIENCE);
    }

    private static Optional<Mqtt5Publish> receive(Mqtt5BlockingClient.Mqtt5Publishes inbox, long deadline) {
        try {
            return inbox.receive(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the condition holds; fails with {@code what} after the patience. */
    public static void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + PATIENCE);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Returns an ask payload with a request id. */
    public static String ask(String text, String requestId) {
        return "{\"question_text\": \"" + text + "\", \"request_id\": \"" + requestId + "\"}";
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
