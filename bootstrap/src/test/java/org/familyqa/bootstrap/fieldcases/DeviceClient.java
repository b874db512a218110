package org.familyqa.bootstrap.fieldcases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import org.familyqa.adapter.mqtt.MqttTestClients;
import org.familyqa.bootstrap.testing.RunningServer;

/**
 * An MQTT 5 device of one family, subscribed at QoS 1 to the family's whole prefix, that records every message it
 * receives in order.
 */
final class DeviceClient implements AutoCloseable {

    static final Duration CANARY_TIMEOUT = Duration.ofSeconds(5);

    /** One message the device received. */
    record Received(String topic, byte[] payload, MqttQos qos) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return FamilyApi.json(text());
        }

        /** Size of this message as an MQTT 3.1.1 PUBLISH packet, the form a PubSubClient device receives. */
        int mqtt3PacketSize() {
            return DeviceLimits.publishPacketSize(topic, payload.length, qos != MqttQos.AT_MOST_ONCE);
        }
    }

    private final TestFamily family;
    private final Mqtt5BlockingClient client;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private DeviceClient(TestFamily family, Mqtt5BlockingClient client) {
        this.family = family;
        this.client = client;
    }

    /** Connects with the family's credentials and subscribes to {@code <prefix>/#}. */
    static DeviceClient connect(RunningServer server, TestFamily family) {
        Mqtt5BlockingClient client = MqttTestClients.mqtt5(server.mqttHost(), server.mqttPort());
        client.connectWith().simpleAuth().username(family.username())
                .password(family.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
        DeviceClient device = new DeviceClient(family, client);
        client.toAsync().subscribeWith().topicFilter(family.prefix() + "/#").qos(MqttQos.AT_LEAST_ONCE)
                .callback(device::record).send().join();
        return device;
    }

    private void record(Mqtt5Publish publish) {
        received.add(new Received(publish.getTopic().toString(), publish.getPayloadAsBytes(), publish.getQos()));
    }

    TestFamily family() {
        return family;
    }

    Mqtt5BlockingClient client() {
        return client;
    }

    /** Publishes bytes on {@code <prefix>/<level>} at QoS 1. */
    void publish(String level, byte[] payload) {
        client.publishWith().topic(family.topic(level)).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send();
    }

    void publish(String level, String payload) {
        publish(level, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the number of messages received so far, to pass to the {@code since} methods. */
    int mark() {
        return received.size();
    }

    /** Returns the messages received on {@code <prefix>/<level>} since a mark. */
    List<Received> since(int mark, String level) {
        String topic = family.topic(level);
        List<Received> all = List.copyOf(received);
        return all.subList(Math.min(mark, all.size()), all.size()).stream()
                .filter(message -> message.topic().equals(topic)).toList();
    }

    /** Waits for a message on {@code <prefix>/<level>} since a mark that matches a condition. */
    Optional<Received> await(int mark, String level, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            for (Received message : since(mark, level)) {
                if (condition.test(message.json())) {
                    return Optional.of(message);
                }
            }
            sleep(10);
        } while (System.nanoTime() < deadline);
        return Optional.empty();
    }

    /** Waits for the first error since a mark and returns it. */
    JsonNode awaitError(int mark) {
        return await(mark, "errors", error -> true, CANARY_TIMEOUT)
                .orElseThrow(() -> new AssertionError("no error on " + family.topic("errors") + " within 5 s"))
                .json();
    }

    /** Waits until the question with the given text is published on {@code <prefix>/questions}. */
    JsonNode awaitQuestion(int mark, String text, Duration timeout) {
        return await(mark, "questions", question -> text.equals(question.path("question_text").asText()), timeout)
                .orElseThrow(() -> new AssertionError("question '" + abbreviate(text) + "' not published on "
                        + family.topic("questions") + " within " + timeout.toSeconds() + " s"))
                .json();
    }

    /**
     * Runs the canary: asks a fresh question over MQTT at QoS 1 and checks that it is published on the questions
     * topic within 5 s, which shows that the server's bridge is connected and subscribed.
     */
    void assertCanaryPasses() {
        String text = "canary " + UUID.randomUUID();
        int mark = mark();

        publish("ask", "{\"question_text\":\"" + text + "\",\"category\":\"general\"}");

        awaitQuestion(mark, text, CANARY_TIMEOUT);
    }

    /** Checks that exactly one error has arrived since a mark, after waiting briefly for late duplicates. */
    JsonNode assertOneError(int mark) {
        JsonNode first = awaitError(mark);
        sleep(200);
        assertThat(since(mark, "errors")).as("errors since the bad message").hasSize(1);
        return first;
    }

    static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }

    @Override
    public void close() {
        try {
            client.disconnect();
        } catch (RuntimeException e) {
            // The broker may already have closed the connection, which is what some tests expect.
        }
    }
}
