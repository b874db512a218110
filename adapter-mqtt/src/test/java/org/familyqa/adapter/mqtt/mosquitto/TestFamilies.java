package org.familyqa.adapter.mqtt.mosquitto;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.familyqa.adapter.mqtt.testing.MosquittoProcess;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.mqtt.TopicPrefix;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;

/** Access records, settings and connected clients for tests against a {@link MosquittoProcess}. */
final class TestFamilies {

    static final String SERVER_USERNAME = "familyqa-server";
    static final String SERVER_PASSWORD = "server-secret-1";
    static final String SHARE_GROUP = "familyqa";

    private TestFamilies() {
    }

    /** Returns an enabled access record for a new family with a unique slug starting with {@code name}. */
    static MqttAccess family(String name) {
        String slug = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        TopicPrefix prefix = new TopicPrefix(slug);
        return new MqttAccess(new FamilyId(UUID.randomUUID()), true, MqttUsername.forPrefix(prefix),
                new PasswordHash("test$" + slug), prefix, Instant.now());
    }

    static MosquittoSettings settings(MosquittoProcess mosquitto) {
        return new MosquittoSettings(mosquitto.host(), mosquitto.port(), false, null, mosquitto.adminUsername(),
                mosquitto.adminPassword(), SERVER_USERNAME, SERVER_PASSWORD, SHARE_GROUP, Duration.ofSeconds(5));
    }

    static MosquittoSettings tlsSettings(MosquittoProcess mosquitto) {
        return new MosquittoSettings("localhost", mosquitto.tlsPort(), true, mosquitto.caFile(),
                mosquitto.adminUsername(), mosquitto.adminPassword(), SERVER_USERNAME, SERVER_PASSWORD, SHARE_GROUP,
                Duration.ofSeconds(5));
    }

    static Mqtt5ClientBuilder mqtt5(MosquittoProcess mosquitto, String username, String password) {
        return Mqtt5Client.builder()
                .identifier(username + "-" + UUID.randomUUID())
                .serverHost(mosquitto.host())
                .serverPort(mosquitto.port())
                .simpleAuth()
                .username(username)
                .password(password.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth();
    }

    /** Connects with MQTT 5 and returns the connected client; throws the client's exception if rejected. */
    static Mqtt5BlockingClient connect5(MosquittoProcess mosquitto, String username, String password) {
        Mqtt5BlockingClient client = mqtt5(mosquitto, username, password).buildBlocking();
        client.connect();
        return client;
    }

    /** Connects with MQTT 3.1.1 and returns the connected client; throws the client's exception if rejected. */
    static Mqtt3BlockingClient connect3(MosquittoProcess mosquitto, String username, String password) {
        Mqtt3BlockingClient client = Mqtt3Client.builder()
                .identifier(username + "-v3-" + UUID.randomUUID())
                .serverHost(mosquitto.host())
                .serverPort(mosquitto.port())
                .simpleAuth()
                .username(username)
                .password(password.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth()
                .buildBlocking();
        client.connect();
        return client;
    }

    static Mqtt5BlockingClient connectServer(MosquittoProcess mosquitto) {
        return connect5(mosquitto, SERVER_USERNAME, SERVER_PASSWORD);
    }

    static MqttClientSslConfig trusting(MosquittoProcess mosquitto) {
        return MqttClientSslConfig.builder().trustManagerFactory(mosquitto.trustManagerFactory()).build();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Waits until {@code condition} holds, or fails after {@code timeout}. */
    static void await(Duration timeout, String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting until " + what, e);
            }
        }
    }
}
