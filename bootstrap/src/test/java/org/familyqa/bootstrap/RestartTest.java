package org.familyqa.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyqa.bootstrap.testing.Devices.ask;
import static org.familyqa.bootstrap.testing.Devices.await;
import static org.familyqa.bootstrap.testing.Devices.connect5;
import static org.familyqa.bootstrap.testing.Devices.publish;
import static org.familyqa.bootstrap.testing.Devices.subscribe;
import static org.familyqa.bootstrap.testing.Devices.utf8;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;

import org.familyqa.bootstrap.testing.Api;
import org.familyqa.bootstrap.testing.Devices;
import org.familyqa.bootstrap.testing.Api.Family;
import org.familyqa.bootstrap.testing.Api.MqttCredentials;
import org.familyqa.bootstrap.testing.RunningServer;
import org.familyqa.bootstrap.testing.RunningServer.Setup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A server stopped and started again on the same data keeps everything, and stores no device message twice. */
class RestartTest {

    @ParameterizedTest
    @EnumSource(Setup.class)
    void everythingSurvivesRestart(Setup setup) {
        try (RunningServer running = RunningServer.start(setup)) {
            Api api = new Api(running.apiUrl());
            Family family = api.createFamily(running.adminToken(), "Restart " + setup);
            MqttCredentials credentials = api.enableMqtt(family);
            String prefix = credentials.topicPrefix();
            api.ask(family, "Asked over HTTP before the restart?");

            Mqtt5BlockingClient device = connect5(running, credentials.username(), credentials.password());
            Mqtt5BlockingClient.Mqtt5Publishes inbox = subscribe(device, prefix + "/questions");
            // Retained asks stay on the broker; a server that took them again after restarting would store them twice.
            publishRetained(device, prefix + "/ask", ask("Retained with a request id?", "r-retained"));
            publishRetained(device, prefix + "/ask", "{\"question_text\": \"Retained without a request id?\"}");
            await(inbox, prefix + "/questions", json -> "r-retained".equals(json.path("request_id").asText()));
            await(inbox, prefix + "/questions",
                    json -> "Retained without a request id?".equals(json.path("question_text").asText()));
            device.disconnect();

            List<String> expected = new ArrayList<>(List.of("Asked over HTTP before the restart?",
                    "Retained with a request id?", "Retained without a request id?", "Asked after the restart?"));
            running.stopServer();
            if (setup == Setup.MOSQUITTO_POSTGRES) {
                // The broker outlives the server here, so it queues this ask in the bridge's persistent session.
                Mqtt5BlockingClient whileAway = connect5(running, credentials.username(), credentials.password());
                publish(whileAway, prefix + "/ask", ask("Asked while the server was away?", "r-queued"));
                whileAway.disconnect();
                expected.add("Asked while the server was away?");
            }
            running.startAgain();

            assertThat(api.get("/families", running.adminToken()).status()).as("the admin token").isEqualTo(200);
            assertThat(api.get("/families/" + family.id(), family.token()).status()).as("the family token")
                    .isEqualTo(200);
            Mqtt5BlockingClient again = connect5(running, credentials.username(), credentials.password());
            Mqtt5BlockingClient.Mqtt5Publishes inboxAgain = subscribe(again, prefix + "/questions");
            publish(again, prefix + "/ask", ask("Asked after the restart?", "r-after"));
            await(inboxAgain, prefix + "/questions", json -> "r-after".equals(json.path("request_id").asText()));
            if (setup == Setup.MOSQUITTO_POSTGRES) {
                Devices.awaitTrue("the queued ask being stored", () -> texts(api.questions(family))
                        .contains("Asked while the server was away?"));
            }
            // A marker asked last: once it is stored, any second copy of an earlier ask would have been stored too.
            publish(again, prefix + "/ask", ask("Marker", "r-marker"));
            await(inboxAgain, prefix + "/questions", json -> "r-marker".equals(json.path("request_id").asText()));
            again.disconnect();

            expected.add("Marker");
            assertThat(texts(api.questions(family))).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static void publishRetained(Mqtt5BlockingClient client, String topic, String json) {
        client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(true).payload(utf8(json)).send();
    }

    private static List<String> texts(JsonNode items) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> texts.add(item.path("question_text").asText()));
        return texts;
    }
}
