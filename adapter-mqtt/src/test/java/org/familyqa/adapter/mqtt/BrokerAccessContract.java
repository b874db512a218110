package org.familyqa.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.domain.mqtt.Secrets;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.hivemq.client.mqtt.MqttClientState;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient.Mqtt5Publishes;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;

/**
 * Access rules that every broker adapter enforces for family accounts and the server's account: authentication,
 * topic permissions, cutting off disabled accounts, TLS and the maximum packet size.
 *
 * <p>A broker adapter's test extends this class and returns its running broker from {@link #startBroker()}. One
 * broker serves the whole class; each test works with families of its own, so tests do not see each other's traffic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrokerAccessContract {

    /** The maximum MQTT packet size, in bytes, that every broker enforces. */
    protected static final int MAX_PACKET_SIZE = 16_384;

    private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SILENCE = Duration.ofMillis(500);
    private static final AtomicInteger FAMILY_COUNTER = new AtomicInteger();

    private final Secrets secrets = new Secrets(new SecureRandom());
    private final List<Mqtt5BlockingClient> openMqtt5Clients = new ArrayList<>();
    private final List<Mqtt3BlockingClient> openMqtt3Clients = new ArrayList<>();
    private BrokerAccessFixture broker;

    /** Starts the broker under test; called once per test class. */
    protected abstract BrokerAccessFixture startBroker() throws Exception;

    @BeforeAll
    void startFixture() throws Exception {
        broker = startBroker();
    }

    @AfterAll
    void stopFixture() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    @AfterEach
    void disconnectClients() {
        for (Mqtt5BlockingClient client : openMqtt5Clients) {
            disconnectQuietly(() -> client.disconnect());
        }
        for (Mqtt3BlockingClient client : openMqtt3Clients) {
            disconnectQuietly(() -> client.disconnect());
        }
        openMqtt5Clients.clear();
        openMqtt3Clients.clear();
    }

    /** Returns the running broker, for subclasses that add broker-specific tests. */
    protected BrokerAccessFixture broker() {
        return broker;
    }

    // --- authentication ---

    @Test
    void familyConnectsWithItsCredentials() {
        FamilyLogin family = enableFamily();

        Mqtt5BlockingClient mqtt5 = connectMqtt5(family);
        Mqtt3BlockingClient mqtt3 = MqttTestClients.mqtt3(broker.host(), broker.mqttPort());
        openMqtt3Clients.add(mqtt3);
        mqtt3.connectWith().simpleAuth().username(family.username().value())
                .password(bytes(family.password())).applySimpleAuth().send();

        assertThat(mqtt5.getState().isConnected()).isTrue();
        assertThat(mqtt3.getState().isConnected()).isTrue();
    }

    @Test
    void wrongPasswordIsRejected() {
        FamilyLogin family = enableFamily();

        Mqtt5ConnAckReasonCode reason = connectRejection(family.username().value(), "wrong-" + family.password());

        assertThat(reason).isIn(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    }

    @Test
    void unknownFamilyUsernameIsRejected() {
        String unknown = MqttUsername.forPrefix(new TopicPrefix(newSlug())).value();

        Mqtt5ConnAckReasonCode reason = connectRejection(unknown, secrets.newSecret());

        assertThat(reason).isIn(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    }

    @Test
    void nonFamilyUsernameIsRejected() {
        Mqtt5ConnAckReasonCode reason = connectRejection("admin", "admin");

        assertThat(reason).isIn(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    }

    @Test
    void serverUsernameWithWrongPasswordIsRejected() {
        Mqtt5ConnAckReasonCode reason = connectRejection(broker.serverUsername(), "wrong-" + broker.serverPassword());

        assertThat(reason).isIn(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    }

    @Test
    void anonymousConnectIsRejected() {
        Mqtt5BlockingClient client = MqttTestClients.mqtt5(broker.host(), broker.mqttPort());

        Throwable failure = catchThrowable(client::connect);

        assertThat(failure).isInstanceOf(Mqtt5ConnAckException.class);
        assertThat(((Mqtt5ConnAckException) failure).getMqttMessage().getReasonCode())
                .isIn(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    }

    @Test
    void anonymousMqtt3ConnectIsRejected() {
        Mqtt3BlockingClient client = MqttTestClients.mqtt3(broker.host(), broker.mqttPort());

        assertThatThrownBy(client::connect).isInstanceOf(RuntimeException.class);
        assertThat(client.getState().isConnected()).isFalse();
    }

    @Test
    void disabledFamilyIsRejected() {
        FamilyLogin family = enableFamily();
        disableFamily(family);

        Mqtt5ConnAckReasonCode reason = connectRejection(family.username().value(), family.password());

        assertThat(reason).isIn(Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    }

    // --- subscriptions ---

    @ParameterizedTest
    @ValueSource(strings = {"family/{other}/#", "family/{other}/questions", "#", "family/+/questions", "family/#",
            "+/+/ask", "$SYS/#", "$CONTROL/#", "$CONTROL/dynamic-security/v1", "$share/group/family/{own}/#"})
    void familySubscriptionOutsideItsPrefixIsRejected(String filterTemplate) {
        FamilyLogin own = enableFamily();
        FamilyLogin other = enableFamily();
        Mqtt5BlockingClient client = connectMqtt5(own);
        String filter = filterTemplate.replace("{own}", own.prefix().slug()).replace("{other}", other.prefix().slug());

        List<Mqtt5SubAckReasonCode> reasons = subscribe(client, filter);

        assertThat(reasons).hasSize(1);
        assertThat(reasons.get(0).isError()).as("SUBACK reason for %s: %s", filter, reasons.get(0)).isTrue();
        assertThat(client.getState().isConnected()).isTrue();
    }

    @Test
    void familySubscriptionInsideItsPrefixIsGranted() {
        FamilyLogin family = enableFamily();
        Mqtt5BlockingClient client = connectMqtt5(family);
        String prefix = family.prefix().value();

        List<Mqtt5SubAckReasonCode> reasons =
                subscribe(client, prefix + "/#", prefix + "/questions", prefix + "/+", prefix + "/answers");

        assertThat(reasons).allSatisfy(reason -> assertThat(reason.isError()).as(reason.toString()).isFalse());
    }

    @Test
    void otherFamilyMessagesNeverArrive() {
        FamilyLogin own = enableFamily();
        FamilyLogin other = enableFamily();
        Mqtt5BlockingClient device = connectMqtt5(own);
        Mqtt5Publishes received = device.publishes(MqttGlobalPublishFilter.ALL);
        List<Mqtt5SubAckReasonCode> reasons = subscribe(device, own.prefix().value() + "/#", "#",
                "family/+/questions", "family/" + other.prefix().slug() + "/#");
        Mqtt5BlockingClient server = connectServer();

        publishQos1(server, other.prefix().value() + "/questions", "secret of the other family");
        publishQos1(server, other.prefix().value() + "/answers", "secret of the other family");
        publishQos1(server, own.prefix().value() + "/questions", "sentinel");

        assertThat(reasons.get(0).isError()).isFalse();
        assertThat(reasons.subList(1, reasons.size())).allSatisfy(reason -> assertThat(reason.isError()).isTrue());
        assertThat(receivePayload(received)).contains("sentinel");
        assertThat(receivePayloadWithin(received, SILENCE)).isEmpty();
    }

    @Test
    void resumedSessionOfAnotherFamilyLeaksNothing() {
        FamilyLogin owner = enableFamily();
        FamilyLogin intruder = enableFamily();
        String sharedClientId = MqttTestClients.newClientId();
        Mqtt5BlockingClient ownerDevice = MqttTestClients.mqtt5(broker.host(), broker.mqttPort(), sharedClientId);
        ownerDevice.connectWith().cleanStart(false).sessionExpiryInterval(300)
                .simpleAuth().username(owner.username().value()).password(bytes(owner.password())).applySimpleAuth()
                .send();
        subscribe(ownerDevice, owner.prefix().value() + "/#");
        ownerDevice.disconnect();
        Mqtt5BlockingClient intruderDevice = MqttTestClients.mqtt5(broker.host(), broker.mqttPort(), sharedClientId);
        openMqtt5Clients.add(intruderDevice);
        Mqtt5Publishes received = intruderDevice.publishes(MqttGlobalPublishFilter.ALL);
        intruderDevice.connectWith().cleanStart(false).sessionExpiryInterval(300)
                .simpleAuth().username(intruder.username().value()).password(bytes(intruder.password()))
                .applySimpleAuth().send();
        subscribe(intruderDevice, intruder.prefix().value() + "/#");
        Mqtt5BlockingClient server = connectServer();

        publishQos1(server, owner.prefix().value() + "/questions", "secret of the owner");
        publishQos1(server, intruder.prefix().value() + "/questions", "sentinel");

        assertThat(receivePayload(received)).contains("sentinel");
        assertThat(receivePayloadWithin(received, SILENCE)).isEmpty();
    }

    // --- publishing ---

    @Test
    void publishToOtherFamilyIsRejectedAndClientStaysConnected() {
        FamilyLogin own = enableFamily();
        FamilyLogin other = enableFamily();
        Mqtt5BlockingClient otherDevice = connectMqtt5(other);
        Mqtt5Publishes otherReceived = otherDevice.publishes(MqttGlobalPublishFilter.ALL);
        subscribe(otherDevice, other.prefix().value() + "/#");
        Mqtt5BlockingClient device = connectMqtt5(own);

        Mqtt5PubAckReasonCode toOtherAsk = publishQos1(device, other.prefix().value() + "/ask", "forged question");
        Mqtt5PubAckReasonCode toOtherRespond =
                publishQos1(device, other.prefix().value() + "/respond", "forged answer");
        Mqtt5PubAckReasonCode toOwnQuestions = publishQos1(device, own.prefix().value() + "/questions", "forged");
        publishQos1(connectServer(), other.prefix().value() + "/questions", "sentinel");

        assertThat(toOtherAsk).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        assertThat(toOtherRespond).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        assertThat(toOwnQuestions).isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED);
        assertThat(device.getState().isConnected()).isTrue();
        assertThat(receivePayload(otherReceived)).contains("sentinel");
        assertThat(receivePayloadWithin(otherReceived, SILENCE)).isEmpty();
    }

    @Test
    void familyPublishesOnItsOwnAskAndRespond() {
        FamilyLogin family = enableFamily();
        Mqtt5BlockingClient server = connectServer();
        Mqtt5Publishes serverReceived = server.publishes(MqttGlobalPublishFilter.ALL);
        subscribe(server, family.prefix().value() + "/ask", family.prefix().value() + "/respond");
        Mqtt5BlockingClient device = connectMqtt5(family);

        Mqtt5PubAckReasonCode ask = publishQos1(device, family.prefix().value() + "/ask", "a question");
        Mqtt5PubAckReasonCode respond = publishQos1(device, family.prefix().value() + "/respond", "an answer");

        assertThat(ask.isError()).as(ask.toString()).isFalse();
        assertThat(respond.isError()).as(respond.toString()).isFalse();
        assertThat(receivePayload(serverReceived)).contains("a question");
        assertThat(receivePayload(serverReceived)).contains("an answer");
    }

    @Test
    void mqtt3PublishToOtherFamilyIsDroppedAndClientStaysConnected() {
        FamilyLogin own = enableFamily();
        FamilyLogin other = enableFamily();
        Mqtt5BlockingClient otherDevice = connectMqtt5(other);
        Mqtt5Publishes otherReceived = otherDevice.publishes(MqttGlobalPublishFilter.ALL);
        subscribe(otherDevice, other.prefix().value() + "/#");
        Mqtt3BlockingClient device = connectMqtt3(own);

        device.publishWith().topic(other.prefix().value() + "/ask").qos(MqttQos.AT_LEAST_ONCE)
                .payload(bytes("forged question")).send();
        publishQos1(connectServer(), other.prefix().value() + "/questions", "sentinel");

        assertThat(device.getState().isConnected()).isTrue();
        assertThat(receivePayload(otherReceived)).contains("sentinel");
        assertThat(receivePayloadWithin(otherReceived, SILENCE)).isEmpty();
    }

    // --- account changes ---

    @Test
    void disableCutsOffConnectedClientAtOnce() {
        FamilyLogin family = enableFamily();
        Mqtt5BlockingClient mqtt5 = connectMqtt5(family);
        Mqtt3BlockingClient mqtt3 = connectMqtt3(family);

        disableFamily(family);

        assertThat(awaitDisconnected(mqtt5::getState)).isTrue();
        assertThat(awaitDisconnected(mqtt3::getState)).isTrue();
        assertThat(connectRejection(family.username().value(), family.password())).isIn(
                Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
    }

    @Test
    void resetCutsOffClientAndRejectsOldPassword() {
        FamilyLogin family = enableFamily();
        Mqtt5BlockingClient device = connectMqtt5(family);

        FamilyLogin renewed = resetFamily(family);

        assertThat(awaitDisconnected(device::getState)).isTrue();
        assertThat(connectRejection(family.username().value(), family.password())).isIn(
                Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD, Mqtt5ConnAckReasonCode.NOT_AUTHORIZED);
        assertThat(connectMqtt5(renewed).getState().isConnected()).isTrue();
    }

    @Test
    void disableLeavesOtherFamiliesConnected() {
        FamilyLogin disabled = enableFamily();
        FamilyLogin bystander = enableFamily();
        Mqtt5BlockingClient disabledDevice = connectMqtt5(disabled);
        Mqtt5BlockingClient bystanderDevice = connectMqtt5(bystander);

        disableFamily(disabled);

        assertThat(awaitDisconnected(disabledDevice::getState)).isTrue();
        assertThat(bystanderDevice.getState().isConnected()).isTrue();
    }

    @Test
    void reenabledFamilyConnectsWithNewPassword() {
        FamilyLogin family = enableFamily();
        disableFamily(family);

        FamilyLogin renewed = resetFamily(family);

        assertThat(connectMqtt5(renewed).getState().isConnected()).isTrue();
    }

    // --- TLS ---

    @Test
    void tlsConnectTrustingBrokerCertificateWorks() {
        FamilyLogin family = enableFamily();
        Mqtt5BlockingClient client =
                MqttTestClients.mqtt5Tls(broker.host(), broker.tlsPort(), broker.trustedCertificatePem());
        openMqtt5Clients.add(client);

        client.connectWith().simpleAuth().username(family.username().value()).password(bytes(family.password()))
                .applySimpleAuth().send();

        assertThat(client.getState().isConnected()).isTrue();
    }

    @Test
    void plainMqttOnTlsPortFails() {
        FamilyLogin family = enableFamily();
        Mqtt5BlockingClient client = MqttTestClients.mqtt5(broker.host(), broker.tlsPort());

        Throwable failure = catchThrowable(() -> client.connectWith().simpleAuth()
                .username(family.username().value()).password(bytes(family.password())).applySimpleAuth().send());

        assertThat(failure).isNotNull();
        assertThat(client.getState().isConnected()).isFalse();
    }

    // --- packet size ---

    @Test
    void mqtt5ClientLearnsMaximumPacketSize() {
        Mqtt5BlockingClient device = connectMqtt5(enableFamily());

        int maximum = device.getConfig().getConnectionConfig().orElseThrow().getRestrictionsForClient()
                .getSendMaximumPacketSize();

        assertThat(maximum).isEqualTo(MAX_PACKET_SIZE);
    }

    @Test
    void oversizeMqtt5PublishIsRejectedAndNeverDelivered() {
        FamilyLogin family = enableFamily();
        Mqtt5BlockingClient server = connectServer();
        Mqtt5Publishes serverReceived = server.publishes(MqttGlobalPublishFilter.ALL);
        subscribe(server, family.prefix().value() + "/ask");
        Mqtt5BlockingClient device = connectMqtt5(family);

        Throwable failure = catchThrowable(() -> device.publishWith().topic(family.prefix().value() + "/ask")
                .qos(MqttQos.AT_LEAST_ONCE).payload(new byte[17 * 1024]).send());
        publishQos1(connectMqtt5(family), family.prefix().value() + "/ask", "sentinel");

        assertThat(failure).isNotNull();
        assertThat(receivePayload(serverReceived)).contains("sentinel");
        assertThat(receivePayloadWithin(serverReceived, SILENCE)).isEmpty();
    }

    @Test
    void oversizeMqtt3PublishDisconnectsClientAndIsNeverDelivered() throws IOException {
        FamilyLogin family = enableFamily();
        Mqtt5BlockingClient server = connectServer();
        Mqtt5Publishes serverReceived = server.publishes(MqttGlobalPublishFilter.ALL);
        subscribe(server, family.prefix().value() + "/ask");

        boolean closedByBroker;
        try (RawMqtt3Connection raw = RawMqtt3Connection.open(broker.host(), broker.mqttPort(), family)) {
            raw.publishQos0(family.prefix().value() + "/ask", new byte[17 * 1024]);
            closedByBroker = raw.awaitClosedByBroker();
        }
        publishQos1(connectMqtt5(family), family.prefix().value() + "/ask", "sentinel");

        assertThat(closedByBroker).isTrue();
        assertThat(receivePayload(serverReceived)).contains("sentinel");
        assertThat(receivePayloadWithin(serverReceived, SILENCE)).isEmpty();
    }

    // --- the server's account ---

    @Test
    void serverSharesAskSubscriptionAndPublishesQuestions() {
        FamilyLogin family = enableFamily();
        Mqtt5BlockingClient server = connectServer();
        Mqtt5Publishes serverReceived = server.publishes(MqttGlobalPublishFilter.ALL);
        List<Mqtt5SubAckReasonCode> reasons =
                subscribe(server, "$share/familyqa/family/+/ask", "$share/familyqa/family/+/respond");
        Mqtt5BlockingClient device = connectMqtt5(family);
        Mqtt5Publishes deviceReceived = device.publishes(MqttGlobalPublishFilter.ALL);
        subscribe(device, family.prefix().value() + "/questions");

        publishQos1(device, family.prefix().value() + "/ask", "a question");
        Mqtt5PubAckReasonCode questionAck = publishQos1(server, family.prefix().value() + "/questions", "stored");

        assertThat(reasons).allSatisfy(reason -> assertThat(reason.isError()).as(reason.toString()).isFalse());
        assertThat(receivePayload(serverReceived)).contains("a question");
        assertThat(questionAck.isError()).as(questionAck.toString()).isFalse();
        assertThat(receivePayload(deviceReceived)).contains("stored");
    }

    @ParameterizedTest
    @ValueSource(strings = {"#", "$SYS/#", "$CONTROL/#", "+/+/ask"})
    void serverSubscriptionOutsideFamiliesIsRejected(String filter) {
        Mqtt5BlockingClient server = connectServer();

        List<Mqtt5SubAckReasonCode> reasons = subscribe(server, filter);

        assertThat(reasons.get(0).isError()).as("SUBACK reason for %s: %s", filter, reasons.get(0)).isTrue();
    }

    // --- provisioning, the way the core does it: broker first, then the repository ---

    /** A family's broker login as the contract provisioned it. */
    protected record FamilyLogin(FamilyId familyId, MqttUsername username, String password, TopicPrefix prefix) {
        @Override
        public String toString() {
            return "FamilyLogin[username=" + username + ", password=hidden]";
        }
    }

    protected FamilyLogin enableFamily() {
        TopicPrefix prefix = new TopicPrefix(newSlug());
        FamilyId familyId = new FamilyId(UUID.randomUUID());
        String password = secrets.newSecret();
        MqttAccess access = new MqttAccess(familyId, true, MqttUsername.forPrefix(prefix),
                broker.passwordHasher().hash(password), prefix, Instant.now());
        broker.brokerAccounts().enable(access, password);
        broker.repository().save(access);
        return new FamilyLogin(familyId, access.username(), password, prefix);
    }

    protected FamilyLogin resetFamily(FamilyLogin family) {
        MqttAccess stored = broker.repository().findByFamily(family.familyId()).orElseThrow();
        String password = secrets.newSecret();
        MqttAccess renewed = stored.withNewPassword(broker.passwordHasher().hash(password), Instant.now());
        broker.brokerAccounts().enable(renewed, password);
        broker.repository().save(renewed);
        return new FamilyLogin(family.familyId(), family.username(), password, family.prefix());
    }

    protected void disableFamily(FamilyLogin family) {
        MqttAccess stored = broker.repository().findByFamily(family.familyId()).orElseThrow();
        broker.brokerAccounts().disable(family.username());
        broker.repository().save(stored.disabled());
    }

    private static String newSlug() {
        return "t" + FAMILY_COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // --- client helpers ---

    protected Mqtt5BlockingClient connectMqtt5(FamilyLogin family) {
        return connectMqtt5(family.username().value(), family.password());
    }

    protected Mqtt5BlockingClient connectServer() {
        return connectMqtt5(broker.serverUsername(), broker.serverPassword());
    }

    private Mqtt5BlockingClient connectMqtt5(String username, String password) {
        Mqtt5BlockingClient client = MqttTestClients.mqtt5(broker.host(), broker.mqttPort());
        client.connectWith().simpleAuth().username(username).password(bytes(password)).applySimpleAuth().send();
        openMqtt5Clients.add(client);
        return client;
    }

    private Mqtt3BlockingClient connectMqtt3(FamilyLogin family) {
        Mqtt3BlockingClient client = MqttTestClients.mqtt3(broker.host(), broker.mqttPort());
        client.connectWith().simpleAuth().username(family.username().value()).password(bytes(family.password()))
                .applySimpleAuth().send();
        openMqtt3Clients.add(client);
        return client;
    }

    private Mqtt5ConnAckReasonCode connectRejection(String username, String password) {
        Mqtt5BlockingClient client = MqttTestClients.mqtt5(broker.host(), broker.mqttPort());
        Throwable failure = catchThrowable(() -> client.connectWith().simpleAuth().username(username)
                .password(bytes(password)).applySimpleAuth().send());
        if (failure == null) {
            openMqtt5Clients.add(client);
        }
        assertThat(failure).as("connect of %s", username).isInstanceOf(Mqtt5ConnAckException.class);
        return ((Mqtt5ConnAckException) failure).getMqttMessage().getReasonCode();
    }

    private static List<Mqtt5SubAckReasonCode> subscribe(Mqtt5BlockingClient client, String... filters) {
        List<Mqtt5Subscription> subscriptions = Arrays.stream(filters)
                .map(filter -> Mqtt5Subscription.builder().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).build())
                .toList();
        try {
            return client.subscribe(Mqtt5Subscribe.builder().addSubscriptions(subscriptions).build())
                    .getReasonCodes();
        } catch (Mqtt5SubAckException e) {
            return e.getMqttMessage().getReasonCodes();
        }
    }

    private static Mqtt5PubAckReasonCode publishQos1(Mqtt5BlockingClient client, String topic, String payload) {
        try {
            Mqtt5PublishResult result = client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(bytes(payload)).send();
            return ((Mqtt5PublishResult.Mqtt5Qos1Result) result).getPubAck().getReasonCode();
        } catch (Mqtt5PubAckException e) {
            return e.getMqttMessage().getReasonCode();
        }
    }

    private static Optional<String> receivePayload(Mqtt5Publishes publishes) {
        return receivePayloadWithin(publishes, RECEIVE_TIMEOUT);
    }

    private static Optional<String> receivePayloadWithin(Mqtt5Publishes publishes, Duration timeout) {
        try {
            return publishes.receive(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .map(Mqtt5Publish::getPayloadAsBytes)
                    .map(payload -> new String(payload, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a message", e);
        }
    }

    private static boolean awaitDisconnected(Supplier<MqttClientState> state) {
        long deadline = System.nanoTime() + RECEIVE_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!state.get().isConnected()) {
                return true;
            }
            sleep(Duration.ofMillis(20));
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void disconnectQuietly(Runnable disconnect) {
        try {
            disconnect.run();
        } catch (RuntimeException alreadyDisconnected) {
            // The broker may have cut the client off on purpose; nothing is left to close.
        }
    }

    /**
     * A bare MQTT 3.1.1 connection over a socket, for sending a packet that a client library would refuse to send.
     */
    private static final class RawMqtt3Connection implements AutoCloseable {

        private static final int READ_TIMEOUT_MILLIS = 5_000;

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        private RawMqtt3Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            this.in = socket.getInputStream();
        }

        static RawMqtt3Connection open(String host, int port, FamilyLogin family) throws IOException {
            Socket socket = new Socket(host, port);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            RawMqtt3Connection connection = new RawMqtt3Connection(socket);
            connection.connect(family.username().value(), family.password());
            return connection;
        }

        private void connect(String username, String password) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            writeString(body, "MQTT");
            body.write(4);
            body.write(0xC2);
            body.write(0);
            body.write(60);
            writeString(body, MqttTestClients.newClientId());
            writeString(body, username);
            writeString(body, password);
            writePacket(0x10, body.toByteArray());

            DataInputStream data = new DataInputStream(in);
            byte[] connack = new byte[4];
            data.readFully(connack);
            if (connack[0] != 0x20 || connack[3] != 0) {
                throw new IOException("CONNACK rejected the raw connection: " + Arrays.toString(connack));
            }
        }

        void publishQos0(String topic, byte[] payload) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            writeString(body, topic);
            body.write(payload);
            writePacket(0x30, body.toByteArray());
        }

        boolean awaitClosedByBroker() {
            try {
                return in.read() < 0;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true;
            }
        }

        private void writePacket(int header, byte[] body) throws IOException {
            ByteArrayOutputStream packet = new ByteArrayOutputStream();
            packet.write(header);
            int remaining = body.length;
            do {
                int digit = remaining % 128;
                remaining /= 128;
                packet.write(remaining > 0 ? digit | 0x80 : digit);
            } while (remaining > 0);
            packet.write(body);
            out.write(packet.toByteArray());
            out.flush();
        }

        private static void writeString(ByteArrayOutputStream out, String text) {
            byte[] encoded = bytes(text);
            out.write(encoded.length >> 8);
            out.write(encoded.length & 0xFF);
            out.write(encoded, 0, encoded.length);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
