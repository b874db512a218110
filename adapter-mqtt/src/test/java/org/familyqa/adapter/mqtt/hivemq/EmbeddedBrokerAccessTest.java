package org.familyqa.adapter.mqtt.hivemq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.familyqa.adapter.mqtt.BrokerAccessContract;
import org.familyqa.adapter.mqtt.BrokerAccessFixture;
import org.familyqa.adapter.mqtt.FreePorts;
import org.familyqa.adapter.mqtt.MqttTestClients;
import org.familyqa.adapter.mqtt.testing.MapMqttAccessRepository;
import org.familyqa.application.SaltedSha256PasswordHasher;
import org.familyqa.ports.out.BrokerAccounts;
import org.familyqa.ports.out.MqttAccessRepository;
import org.familyqa.ports.out.PasswordHasher;
import org.junit.jupiter.api.Test;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

/** Runs the broker access contract against the embedded HiveMQ CE broker. */
class EmbeddedBrokerAccessTest extends BrokerAccessContract {

    private static final String HOST = "127.0.0.1";
    private static final String SERVER_USERNAME = "familyqa-server";
    private static final String SERVER_PASSWORD = "server-password-for-tests";

    @Override
    protected BrokerAccessFixture startBroker() throws Exception {
        Path dataFolder = Files.createTempDirectory("embedded-broker");
        MapMqttAccessRepository repository = new MapMqttAccessRepository();
        SaltedSha256PasswordHasher hasher = new SaltedSha256PasswordHasher(new SecureRandom());
        EmbeddedBrokerSettings settings = EmbeddedBrokerSettings.withGeneratedCertificate(HOST, FreePorts.next(),
                FreePorts.next(), dataFolder, SERVER_USERNAME, SERVER_PASSWORD);
        EmbeddedBroker broker = EmbeddedBroker.start(settings, repository, hasher);
        return new Fixture(broker, repository, hasher);
    }

    @Test
    void secondBrokerInSameJvmIsRejected() throws Exception {
        EmbeddedBrokerSettings settings = EmbeddedBrokerSettings.withGeneratedCertificate(HOST, FreePorts.next(),
                FreePorts.next(), Files.createTempDirectory("embedded-broker"), SERVER_USERNAME, SERVER_PASSWORD);

        assertThatThrownBy(() -> EmbeddedBroker.start(settings, new MapMqttAccessRepository(),
                new SaltedSha256PasswordHasher(new SecureRandom()))).isInstanceOf(IllegalStateException.class).hasMessageContaining("already");
    }

    @Test
    void rejectedMqtt3PublishIsReportedOnErrorsTopic() throws InterruptedException {
        FamilyLogin own = enableFamily();
        FamilyLogin other = enableFamily();
        Mqtt5BlockingClient listener = connectMqtt5(own);
        Mqtt5Publishes received = listener.publishes(MqttGlobalPublishFilter.ALL);
        listener.subscribeWith().topicFilter(own.prefix().value() + "/errors").qos(MqttQos.AT_LEAST_ONCE).send();
        Mqtt3BlockingClient device = MqttTestClients.mqtt3(HOST, broker().mqttPort());
        device.connectWith().simpleAuth().username(own.username().value())
                .password(own.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();

        device.publishWith().topic(other.prefix().value() + "/ask").qos(MqttQos.AT_LEAST_ONCE)
                .payload("forged".getBytes(StandardCharsets.UTF_8)).send();

        Optional<Mqtt5Publish> notice = received.receive(5, TimeUnit.SECONDS);
        assertThat(notice).isPresent();
        String payload = new String(notice.get().getPayloadAsBytes(), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"error\":\"unauthorized\"");
        assertThat(payload).contains("\"topic\":\"" + other.prefix().value() + "/ask\"");
        assertThat(device.getState().isConnected()).isTrue();
        device.disconnect();
    }

    @Test
    void familyCannotTakeOverClientIdConnectedUnderAnotherAccount() {
        FamilyLogin own = enableFamily();
        FamilyLogin other = enableFamily();
        String bridgeClientId = EmbeddedBrokerSettings.SERVER_CLIENT_ID_PREFIX + MqttTestClients.newClientId();
        Mqtt5BlockingClient bridge = connect(bridgeClientId, SERVER_USERNAME, SERVER_PASSWORD);
        Mqtt5BlockingClient otherDevice = connect("kitchen-display", other.username().value(), other.password());

        Throwable bridgeTakeover = catchThrowable(
                () -> connect(bridgeClientId, own.username().value(), own.password()));
        Throwable deviceTakeover = catchThrowable(
                () -> connect("kitchen-display", own.username().value(), own.password()));

        assertThat(bridgeTakeover).isInstanceOf(Mqtt5ConnAckException.class);
        assertThat(deviceTakeover).isInstanceOf(Mqtt5ConnAckException.class);
        assertThat(bridge.getState().isConnected()).isTrue();
        assertThat(otherDevice.getState().isConnected()).isTrue();
        bridge.disconnect();
        otherDevice.disconnect();
    }

    @Test
    void familyCannotUseServerClientIdWhileServerOffline() {
        FamilyLogin family = enableFamily();
        String offlineBridgeId = EmbeddedBrokerSettings.SERVER_CLIENT_ID_PREFIX + MqttTestClients.newClientId();

        Throwable takeover = catchThrowable(
                () -> connect(offlineBridgeId, family.username().value(), family.password()));

        assertThat(takeover).isInstanceOf(Mqtt5ConnAckException.class);
        assertThat(((Mqtt5ConnAckException) takeover).getMqttMessage().getReasonCode())
                .isEqualTo(Mqtt5ConnAckReasonCode.CLIENT_IDENTIFIER_NOT_VALID);
    }

    @Test
    void familyDeviceCanTakeOverItsOwnClientId() {
        FamilyLogin family = enableFamily();
        Mqtt5BlockingClient first = connect("hall-panel", family.username().value(), family.password());

        Mqtt5BlockingClient second = connect("hall-panel", family.username().value(), family.password());

        assertThat(second.getState().isConnected()).isTrue();
        second.disconnect();
    }

    @Test
    void willOnOwnAskIsAccepted() {
        FamilyLogin family = enableFamily();
        Mqtt3BlockingClient device = MqttTestClients.mqtt3(HOST, broker().mqttPort());

        device.connectWith().simpleAuth().username(family.username().value())
                .password(family.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .willPublish().topic(family.prefix().value() + "/ask")
                .payload("{\"question_text\": \"Is the kitchen display offline?\"}".getBytes(StandardCharsets.UTF_8))
                .applyWillPublish().send();

        assertThat(device.getState().isConnected()).isTrue();
        device.disconnect();
    }

    @Test
    void willOnOtherFamilysAskIsRejected() {
        FamilyLogin own = enableFamily();
        FamilyLogin other = enableFamily();
        Mqtt3BlockingClient device = MqttTestClients.mqtt3(HOST, broker().mqttPort());

        Throwable failure = catchThrowable(() -> device.connectWith().simpleAuth().username(own.username().value())
                .password(own.password().getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .willPublish().topic(other.prefix().value() + "/ask")
                .payload("{\"question_text\": \"forged\"}".getBytes(StandardCharsets.UTF_8))
                .applyWillPublish().send());

        assertThat(failure).isInstanceOf(Mqtt3ConnAckException.class);
    }

    private Mqtt5BlockingClient connect(String clientId, String username, String password) {
        Mqtt5BlockingClient client = MqttTestClients.mqtt5(HOST, broker().mqttPort(), clientId);
        client.connectWith().simpleAuth().username(username).password(password.getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth().send();
        return client;
    }

    @Test
    void reconcileReportsNoMissingAccounts() {
        assertThat(broker().brokerAccounts().reconcile(broker().repository().listAll())).isEmpty();
    }

    @Test
    void generatedCertificateIsKeptInDataFolder() {
        Path pem = broker().trustedCertificatePem();

        assertThat(pem).isRegularFile();
        assertThat(pem.getParent().resolve(SelfSignedCertificate.KEYSTORE_FILE)).isRegularFile();
    }

    private record Fixture(EmbeddedBroker broker, MqttAccessRepository repository, PasswordHasher passwordHasher)
            implements BrokerAccessFixture {

        @Override
        public String host() {
            return broker.settings().bindHost();
        }

        @Override
        public int mqttPort() {
            return broker.settings().mqttPort();
        }

        @Override
        public int tlsPort() {
            return broker.settings().tlsPort();
        }

        @Override
        public Path trustedCertificatePem() {
            return broker.trustedCertificatePem().orElseThrow();
        }

        @Override
        public String serverUsername() {
            return SERVER_USERNAME;
        }

        @Override
        public String serverPassword() {
            return SERVER_PASSWORD;
        }

        @Override
        public BrokerAccounts brokerAccounts() {
            return broker;
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
