package org.familyqa.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.familyqa.bootstrap.testing.Devices.ask;
import static org.familyqa.bootstrap.testing.Devices.await;
import static org.familyqa.bootstrap.testing.Devices.awaitTrue;
import static org.familyqa.bootstrap.testing.Devices.connect3;
import static org.familyqa.bootstrap.testing.Devices.connect5;
import static org.familyqa.bootstrap.testing.Devices.publish;
import static org.familyqa.bootstrap.testing.Devices.subscribe;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;

import org.familyqa.adapter.mqtt.MqttTestClients;
import org.familyqa.bootstrap.testing.Api;
import org.familyqa.bootstrap.testing.Api.Family;
import org.familyqa.bootstrap.testing.Api.MqttCredentials;
import org.familyqa.bootstrap.testing.RunningServer;
import org.familyqa.bootstrap.testing.RunningServer.Setup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole server as users meet it, in both setups: the path from a new family to a device that asks and hears
 * answers, the walls between families, and devices on the TLS port. One server per setup serves every test here;
 * each test works in families of its own.
 */
class EndToEndTest {

    private static final Map<Setup, RunningServer> SERVERS = new EnumMap<>(Setup.class);

    private static synchronized RunningServer server(Setup setup) {
        return SERVERS.computeIfAbsent(setup, RunningServer::start);
    }

    @AfterAll
    static void stopServers() {
        SERVERS.values().forEach(RunningServer::close);
        SERVERS.clear();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void userPathFromFamilyToDevices(Setup setup) throws Exception {
        RunningServer running = server(setup);
        Api api = new Api(running.apiUrl());
        Family family = api.createFamily(running.adminToken(), "Path " + setup);
        MqttCredentials first = api.enableMqtt(family);
        String prefix = first.topicPrefix();
        assertThat(prefix).isEqualTo("family/" + family.id());

        Mqtt3BlockingClient device3 = connect3(running, first.username(), first.password());
        Mqtt3BlockingClient.Mqtt3Publishes inbox3 = device3.publishes(MqttGlobalPublishFilter.ALL);
        device3.subscribeWith().topicFilter(prefix + "/#").qos(MqttQos.AT_LEAST_ONCE).send();
        Mqtt5BlockingClient device5 = connect5(running, first.username(), first.password());
        Mqtt5BlockingClient.Mqtt5Publishes inbox5 = subscribe(device5, prefix + "/questions", prefix + "/answers");

        publish(device3, prefix + "/ask", ask("Who planted the walnut tree?", "r-mqtt3"));
        publish(device5, prefix + "/ask", ask("Which song did grandpa whistle?", "r-mqtt5"));

        JsonNode fromMqtt3 = await(inbox5, prefix + "/questions", json -> "r-mqtt3".equals(json.path("request_id").asText()));
        JsonNode fromMqtt5 = await(inbox3, prefix + "/questions", json -> "r-mqtt5".equals(json.path("request_id").asText()));
        assertThat(fromMqtt3.path("question_text").asText()).isEqualTo("Who planted the walnut tree?");
        assertThat(fromMqtt3.path("source").asText()).isEqualTo("mqtt");
        assertThat(fromMqtt3.path("family_id").asText()).isEqualTo(family.id());
        assertThat(fromMqtt5.path("question_text").asText()).isEqualTo("Which song did grandpa whistle?");
        String questionId = fromMqtt3.path("question_id").asText();
        assertThat(idsOf(api.questions(family)))
                .containsExactlyInAnyOrder(questionId, fromMqtt5.path("question_id").asText());

        String answerId = api.answer(family, questionId, "Great-aunt Rosa, in 1961.");
        JsonNode answer3 = await(inbox3, prefix + "/answers", json -> answerId.equals(json.path("answer_id").asText()));
        JsonNode answer5 = await(inbox5, prefix + "/answers", json -> answerId.equals(json.path("answer_id").asText()));
        assertThat(answer3.path("question_id").asText()).isEqualTo(questionId);
        assertThat(answer3.path("answer_text").asText()).isEqualTo("Great-aunt Rosa, in 1961.");
        assertThat(answer3.path("source").asText()).isEqualTo("api");
        assertThat(answer5.path("answer_text").asText()).isEqualTo("Great-aunt Rosa, in 1961.");

        MqttCredentials second = api.resetMqtt(family);
        assertThat(second.password()).isNotEqualTo(first.password());
        awaitTrue("the MQTT 3.1.1 device being cut off after the reset", () -> !device3.getState().isConnected());
        awaitTrue("the MQTT 5 device being cut off after the reset", () -> !device5.getState().isConnected());
        assertThatThrownBy(() -> connect5(running, first.username(), first.password()))
                .isInstanceOf(Mqtt5ConnAckException.class);

        Mqtt5BlockingClient renewed = connect5(running, second.username(), second.password());
        Api.Reply disabled = api.post("/families/" + family.id() + "/mqtt/disable", family.token(), Map.of());
        assertThat(disabled.status()).isEqualTo(200);
        awaitTrue("the device being cut off after MQTT was disabled", () -> !renewed.getState().isConnected());
        assertThatThrownBy(() -> connect5(running, second.username(), second.password()))
                .isInstanceOf(Mqtt5ConnAckException.class);

        Api.Reply status = api.get("/families/" + family.id() + "/mqtt/status", family.token());
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().path("enabled").asBoolean(true)).isFalse();
        assertThat(status.body().has("password")).isFalse();
        assertThat(status.body().toString()).doesNotContain(first.password()).doesNotContain(second.password());

        MqttCredentials third = api.enableMqtt(family);
        assertThat(third.password()).isNotEqualTo(second.password());
        Api.Reply roundTrip = api.post("/families/" + family.id() + "/mqtt/test", family.token(), Map.of());
        assertThat(roundTrip.status()).isEqualTo(200);
        assertThat(roundTrip.text("status")).isEqualTo("ok");
        assertThat(roundTrip.body().path("round_trip_ms").asDouble(-1)).isGreaterThanOrEqualTo(0);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void familyTokenGetsNotFoundElsewhere(Setup setup) {
        RunningServer running = server(setup);
        Api api = new Api(running.apiUrl());
        Family a = api.createFamily(running.adminToken(), "Family A " + setup);
        Family b = api.createFamily(running.adminToken(), "Family B " + setup);
        api.enableMqtt(b);
        String questionOfB = api.ask(b, "What did we eat at the lake?");
        String questionOfA = api.ask(a, "Where is the photo album?");
        String familyB = "/families/" + b.id();

        List<String[]> routesOfB = List.of(
                new String[] {"GET", familyB},
                new String[] {"GET", familyB + "/questions"},
                new String[] {"POST", familyB + "/questions"},
                new String[] {"GET", familyB + "/questions/" + questionOfB},
                new String[] {"POST", familyB + "/questions/" + questionOfB + "/answers"},
                new String[] {"POST", familyB + "/mqtt/enable"},
                new String[] {"POST", familyB + "/mqtt/disable"},
                new String[] {"GET", familyB + "/mqtt/status"},
                new String[] {"POST", familyB + "/mqtt/credentials/reset"},
                new String[] {"POST", familyB + "/mqtt/test"});
        Map<String, String> validBody = Map.of("question_text", "Sneaky?", "answer_text", "Sneaky.");
        for (String[] route : routesOfB) {
            String name = route[0] + " " + route[1];
            assertThat(call(api, route, a.token(), validBody).status()).as("A's token on " + name).isEqualTo(404);
            assertThat(call(api, route, null, validBody).status()).as("no token on " + name).isEqualTo(401);
            assertThat(call(api, route, "not-a-token", validBody).status()).as("a wrong token on " + name)
                    .isEqualTo(401);
        }
        assertThat(api.get("/families/" + a.id() + "/questions/" + questionOfB, a.token()).status())
                .as("B's question under A's path").isEqualTo(404);
        assertThat(api.post("/families/" + a.id() + "/questions/" + questionOfB + "/answers", a.token(),
                validBody).status()).as("answering B's question under A's path").isEqualTo(404);
        assertThat(api.get("/families", null).status()).isEqualTo(401);
        assertThat(api.get("/families", "not-a-token").status()).isEqualTo(401);

        assertThat(idsOf(api.questions(b))).containsExactly(questionOfB);
        assertThat(idsOf(api.questions(a))).containsExactly(questionOfA);
        assertThat(api.get("/families/" + b.id() + "/mqtt/status", b.token()).body().path("enabled").asBoolean())
                .as("B's MQTT is still on after A's attempts").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void mqttAccountCannotReachOtherFamily(Setup setup) throws Exception {
        RunningServer running = server(setup);
        Api api = new Api(running.apiUrl());
        Family a = api.createFamily(running.adminToken(), "Broker A " + setup);
        Family b = api.createFamily(running.adminToken(), "Broker B " + setup);
        MqttCredentials credentialsA = api.enableMqtt(a);
        MqttCredentials credentialsB = api.enableMqtt(b);
        String prefixA = credentialsA.topicPrefix();
        String prefixB = credentialsB.topicPrefix();

        Mqtt5BlockingClient intruder = connect5(running, credentialsA.username(), credentialsA.password());
        Mqtt5BlockingClient.Mqtt5Publishes inbox = intruder.publishes(MqttGlobalPublishFilter.ALL);
        intruder.subscribeWith().topicFilter(prefixA + "/#").qos(MqttQos.AT_LEAST_ONCE).send();
        for (String filter : List.of(prefixB + "/#", prefixB + "/questions")) {
            assertThat(subscribeOutcome(intruder, filter)).as("subscribing to " + filter).isFalse();
        }
        for (String filter : List.of("#", "family/+/questions", "family/#", "+/+/answers")) {
            // A broker may grant these; what matters is that nothing of family B arrives through them.
            subscribeOutcome(intruder, filter);
        }

        try {
            publish(intruder, prefixB + "/ask", ask("Planted by A?", "r-intruder"));
        } catch (RuntimeException refusedOrCutOff) {
            // Rejecting the publish or dropping the connection both keep B's topics clean.
        }
        String answerOfB = api.answer(b, api.ask(b, "Secret of B?"), "Secret answer of B.");

        Mqtt5BlockingClient device = intruder.getState().isConnected() ? intruder
                : connect5(running, credentialsA.username(), credentialsA.password());
        Mqtt5BlockingClient.Mqtt5Publishes ownInbox = device == intruder ? inbox : subscribe(device, prefixA + "/#");
        publish(device, prefixA + "/ask", ask("Marker of A", "r-marker"));
        await(ownInbox, prefixA + "/questions", json -> "r-marker".equals(json.path("request_id").asText()));

        List<String> leaked = new ArrayList<>();
        for (Optional<Mqtt5Publish> next = inbox.receive(300, TimeUnit.MILLISECONDS); next.isPresent();
             next = inbox.receive(300, TimeUnit.MILLISECONDS)) {
            String topic = next.get().getTopic().toString();
            if (!topic.startsWith(prefixA + "/")) {
                leaked.add(topic);
            }
        }
        assertThat(leaked).as("messages from outside A's prefix (B's answer is " + answerOfB + ")").isEmpty();
        assertThat(api.questions(b)).extracting(node -> node.path("question_text").asText())
                .containsExactly("Secret of B?");
        device.disconnect();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void tlsDeviceAsksAndPlainConnectFails(Setup setup) {
        RunningServer running = server(setup);
        Api api = new Api(running.apiUrl());
        Family family = api.createFamily(running.adminToken(), "TLS " + setup);
        MqttCredentials credentials = api.enableMqtt(family);
        String prefix = credentials.topicPrefix();

        Mqtt5BlockingClient device = MqttTestClients.mqtt5Tls(running.mqttHost(), running.mqttTlsPort(),
                running.trustedCertificate());
        device.connectWith().simpleAuth().username(credentials.username())
                .password(credentials.password().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        Mqtt5BlockingClient.Mqtt5Publishes inbox = subscribe(device, prefix + "/questions");
        publish(device, prefix + "/ask", ask("Asked over TLS?", "r-tls"));
        JsonNode question = await(inbox, prefix + "/questions", json -> "r-tls".equals(json.path("request_id").asText()));
        assertThat(question.path("question_text").asText()).isEqualTo("Asked over TLS?");
        device.disconnect();

        Mqtt5BlockingClient plain = MqttTestClients.mqtt5(running.mqttHost(), running.mqttTlsPort());
        assertThatThrownBy(() -> plain.connectWith().simpleAuth().username(credentials.username())
                .password(credentials.password().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .applySimpleAuth().send()).isInstanceOf(RuntimeException.class);
        assertThat(plain.getState().isConnected()).isFalse();
    }

    /** Returns whether the broker granted the subscription; false when it answered with a failure code. */
    private static boolean subscribeOutcome(Mqtt5BlockingClient client, String filter) {
        try {
            Mqtt5SubAck ack = client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
            return ack.getReasonCodes().stream().noneMatch(code -> code.isError());
        } catch (Mqtt5SubAckException e) {
            return false;
        }
    }

    private static Api.Reply call(Api api, String[] route, String token, Map<String, String> body) {
        return "GET".equals(route[0]) ? api.get(route[1], token) : api.post(route[1], token, body);
    }

    private static List<String> idsOf(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("question_id").asText()));
        return ids;
    }
}
