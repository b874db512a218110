package org.familyqa.adapter.mqtt.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.familyqa.adapter.mqtt.mosquitto.TestFamilies.await;
import static org.familyqa.adapter.mqtt.mosquitto.TestFamilies.connect3;
import static org.familyqa.adapter.mqtt.mosquitto.TestFamilies.connect5;
import static org.familyqa.adapter.mqtt.mosquitto.TestFamilies.family;
import static org.familyqa.adapter.mqtt.mosquitto.TestFamilies.utf8;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.familyqa.adapter.mqtt.testing.MosquittoProcess;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.domain.mqtt.MqttAccess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAck;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;

/** Checks that the roles of {@link AccountRoles} keep families apart and let the server serve all of them. */
class MosquittoTopicAccessTest {

    private static final Duration QUIET = Duration.ofMillis(500);

    private static MosquittoProcess mosquitto;
    private static MosquittoBrokerAccounts accounts;

    private MqttAccess familyA;
    private MqttAccess familyB;
    private Mqtt5BlockingClient deviceA;
    private Mqtt5BlockingClient deviceB;

    @BeforeAll
    static void startBroker() {
        mosquitto = MosquittoProcess.builder().dynamicSecurity().tls().start();
        accounts = MosquittoBrokerAccounts.start(TestFamilies.settings(mosquitto));
    }

    @AfterAll
    static void stopBroker() {
        if (accounts != null) {
            accounts.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @BeforeEach
    void enableTwoFamilies() {
        familyA = family("a");
        familyB = family("b");
        accounts.enable(familyA, "pw-a");
        accounts.enable(familyB, "pw-b");
        deviceA = connect5(mosquitto, familyA.username().value(), "pw-a");
        deviceB = connect5(mosquitto, familyB.username().value(), "pw-b");
    }

    @AfterEach
    void disconnect() {
        for (Mqtt5BlockingClient client : List.of(deviceA, deviceB)) {
            if (client.getState().isConnected()) {
                client.disconnect();
            }
        }
    }

    @Test
    void familyCannotSubscribeOutsidePrefix() {
        List<String> forbidden = List.of(familyB.prefix().value() + "/#", "#", "+/+/ask", "family/+/questions",
                "family/#", "$SYS/#", "$CONTROL/#", "$share/x/" + familyA.prefix().value() + "/ask");

        for (String filter : forbidden) {
            assertThatThrownBy(() -> deviceA.subscribeWith().topicFilter(filter).send())
                    .as("MQTT 5 subscription to %s", filter)
                    .isInstanceOf(Mqtt5SubAckException.class)
                    .satisfies(e -> assertThat(((Mqtt5SubAckException) e).getMqttMessage().getReasonCodes().get(0)
                            .isError()).as("reason code for %s", filter).isTrue());
        }
    }

    @Test
    void mqtt3FamilyCannotSubscribeOutsidePrefix() {
        Mqtt3BlockingClient device = connect3(mosquitto, familyA.username().value(), "pw-a");

        for (String filter : List.of(familyB.prefix().value() + "/#", "#", "family/+/questions", "$SYS/#")) {
            Throwable rejection = catchThrowable(() -> device.subscribeWith().topicFilter(filter).send());

            assertThat(rejection).as("MQTT 3.1.1 subscription to %s", filter).isInstanceOf(Mqtt3SubAckException.class);
            Mqtt3SubAck subAck = ((Mqtt3SubAckException) rejection).getMqttMessage();
            assertThat(subAck.getReturnCodes()).containsExactly(Mqtt3SubAckReturnCode.FAILURE);
        }
        device.disconnect();
    }

    @Test
    void familySubscribesAndReceivesOwnTopics() throws Exception {
        Mqtt5Publishes received = deviceA.publishes(MqttGlobalPublishFilter.ALL);
        Mqtt5SubAck subAck = deviceA.subscribeWith().topicFilter(familyA.prefix().value() + "/#")
                .qos(MqttQos.AT_LEAST_ONCE).send();
        Mqtt5BlockingClient server = TestFamilies.connectServer(mosquitto);

        server.publishWith().topic(familyA.prefix().topic(FamilyTopic.QUESTIONS)).qos(MqttQos.AT_LEAST_ONCE)
                .payload(utf8("for A")).send();

        assertThat(subAck.getReasonCodes().get(0).isError()).isFalse();
        Mqtt5Publish publish = received.receive(5, TimeUnit.SECONDS).orElseThrow();
        assertThat(publish.getTopic().toString()).isEqualTo(familyA.prefix().topic(FamilyTopic.QUESTIONS));
        server.disconnect();
    }

    @Test
    void familyReceivesNothingOfOtherFamily() throws Exception {
        Mqtt5Publishes received = deviceA.publishes(MqttGlobalPublishFilter.ALL);
        deviceA.subscribeWith().topicFilter(familyA.prefix().value() + "/#").qos(MqttQos.AT_LEAST_ONCE).send();
        for (String attempt : List.of("#", "family/+/questions", "family/+/ask", familyB.prefix().value() + "/#")) {
            assertThatThrownBy(() -> deviceA.subscribeWith().topicFilter(attempt).send())
                    .isInstanceOf(Mqtt5SubAckException.class);
        }
        Mqtt5BlockingClient server = TestFamilies.connectServer(mosquitto);

        deviceB.publishWith().topic(familyB.prefix().topic(FamilyTopic.ASK)).qos(MqttQos.AT_LEAST_ONCE)
                .payload(utf8("B asks")).send();
        for (FamilyTopic topic : List.of(FamilyTopic.QUESTIONS, FamilyTopic.ANSWERS, FamilyTopic.ERRORS)) {
            server.publishWith().topic(familyB.prefix().topic(topic)).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(utf8("for B")).send();
        }
        server.publishWith().topic(familyA.prefix().topic(FamilyTopic.ANSWERS)).qos(MqttQos.AT_LEAST_ONCE)
                .payload(utf8("marker for A")).send();

        Mqtt5Publish first = received.receive(5, TimeUnit.SECONDS).orElseThrow();
        assertThat(first.getTopic().toString()).isEqualTo(familyA.prefix().topic(FamilyTopic.ANSWERS));
        assertThat(received.receive(QUIET.toMillis(), TimeUnit.MILLISECONDS)).isEmpty();
        server.disconnect();
    }

    @Test
    void publishToOtherFamilyNeverArrives() throws Exception {
        Mqtt5Publishes receivedByB = deviceB.publishes(MqttGlobalPublishFilter.ALL);
        deviceB.subscribeWith().topicFilter(familyB.prefix().value() + "/#").qos(MqttQos.AT_LEAST_ONCE).send();

        Throwable otherFamily = catchThrowable(() -> deviceA.publishWith()
                .topic(familyB.prefix().topic(FamilyTopic.ASK))
                .qos(MqttQos.AT_LEAST_ONCE).payload(utf8("A pretends to be B")).send());
        Throwable serverTopic = catchThrowable(() -> deviceA.publishWith()
                .topic(familyA.prefix().topic(FamilyTopic.QUESTIONS))
                .qos(MqttQos.AT_LEAST_ONCE).payload(utf8("A pretends to be the server")).send());

        assertThat(pubAckReason(otherFamily)).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        assertThat(pubAckReason(serverTopic)).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        assertThat(receivedByB.receive(QUIET.toMillis(), TimeUnit.MILLISECONDS)).isEmpty();
        assertThat(deviceA.getState().isConnected()).isTrue();
    }

    @Test
    void serverSharedSubscriptionReceivesAsks() throws Exception {
        Mqtt5BlockingClient server = TestFamilies.connectServer(mosquitto);
        Mqtt5Publishes received = server.publishes(MqttGlobalPublishFilter.ALL);
        String group = "$share/" + TestFamilies.SHARE_GROUP + "/";
        Mqtt5SubAck subAck = server.subscribeWith()
                .addSubscription().topicFilter(group + "family/+/ask").qos(MqttQos.AT_LEAST_ONCE).applySubscription()
                .addSubscription().topicFilter(group + "family/+/respond").qos(MqttQos.AT_LEAST_ONCE)
                .applySubscription()
                .send();

        deviceA.publishWith().topic(familyA.prefix().topic(FamilyTopic.ASK)).qos(MqttQos.AT_LEAST_ONCE)
                .payload(utf8("{\"question_text\":\"A?\"}")).send();
        deviceB.publishWith().topic(familyB.prefix().topic(FamilyTopic.RESPOND)).qos(MqttQos.AT_LEAST_ONCE)
                .payload(utf8("{}")).send();

        assertThat(subAck.getReasonCodes()).allSatisfy(code -> assertThat(code.isError()).isFalse());
        Optional<Mqtt5Publish> first = received.receive(5, TimeUnit.SECONDS);
        Optional<Mqtt5Publish> second = received.receive(5, TimeUnit.SECONDS);
        assertThat(first).map(p -> p.getTopic().toString()).contains(familyA.prefix().topic(FamilyTopic.ASK));
        assertThat(second).map(p -> p.getTopic().toString()).contains(familyB.prefix().topic(FamilyTopic.RESPOND));
        server.disconnect();
    }

    @Test
    void serverCannotUseOtherShareGroupOrControlTopics() {
        Mqtt5BlockingClient server = TestFamilies.connectServer(mosquitto);

        for (String filter : List.of("$share/other/family/+/ask", "#", "$CONTROL/#", "$SYS/#")) {
            assertThatThrownBy(() -> server.subscribeWith().topicFilter(filter).send())
                    .as("server subscription to %s", filter)
                    .isInstanceOf(Mqtt5SubAckException.class);
        }
        server.disconnect();
    }

    @Test
    void tlsPortAcceptsClientTrustingCa() {
        Mqtt5BlockingClient client = TestFamilies.mqtt5(mosquitto, familyA.username().value(), "pw-a")
                .serverPort(mosquitto.tlsPort())
                .sslConfig(TestFamilies.trusting(mosquitto))
                .buildBlocking();

        client.connect();

        assertThat(client.getState().isConnected()).isTrue();
        client.disconnect();
    }

    @Test
    void plainMqttOnTlsPortFails() {
        Mqtt5BlockingClient client = TestFamilies.mqtt5(mosquitto, familyA.username().value(), "pw-a")
                .serverPort(mosquitto.tlsPort())
                .buildBlocking();

        assertThatThrownBy(client::connect).isNotNull();
        assertThat(client.getState().isConnected()).isFalse();
    }

    @Test
    void oversizePublishIsRejected() throws Exception {
        Mqtt5Publishes receivedByA = deviceA.publishes(MqttGlobalPublishFilter.ALL);
        deviceA.subscribeWith().topicFilter(familyA.prefix().value() + "/#").qos(MqttQos.AT_LEAST_ONCE).send();
        byte[] seventeenKibibytes = new byte[17 * 1024];
        Mqtt3BlockingClient mqtt3 = connect3(mosquitto, familyA.username().value(), "pw-a");

        assertThatThrownBy(() -> deviceA.publishWith().topic(familyA.prefix().topic(FamilyTopic.ASK))
                .qos(MqttQos.AT_LEAST_ONCE).payload(seventeenKibibytes).send())
                .as("MQTT 5 publish of 17 KiB").isNotNull();
        try {
            mqtt3.publishWith().topic(familyA.prefix().topic(FamilyTopic.ASK)).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(seventeenKibibytes).send();
        } catch (RuntimeException expected) {
            // The broker closes the socket, which the client may report here or only through its state.
        }

        await(Duration.ofSeconds(5), "the MQTT 3.1.1 client is disconnected", () -> !mqtt3.getState().isConnected());
        assertThat(receivedByA.receive(QUIET.toMillis(), TimeUnit.MILLISECONDS)).isEmpty();
    }

    private static Mqtt5PubAckReasonCode pubAckReason(Throwable rejection) {
        assertThat(rejection).isInstanceOf(Mqtt5PubAckException.class);
        return ((Mqtt5PubAckException) rejection).getMqttMessage().getReasonCode();
    }
}
