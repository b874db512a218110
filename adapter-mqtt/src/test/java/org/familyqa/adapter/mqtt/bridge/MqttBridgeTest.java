package org.familyqa.adapter.mqtt.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import org.familyqa.adapter.mqtt.testing.MosquittoProcess;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.domain.question.Question;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bridge on a real Mosquitto broker, with an in-memory core. */
class MqttBridgeTest {

    private static final long WAIT_MILLIS = 5_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static MosquittoProcess broker;
    private static FakeCore core;
    private static MqttBridge bridge;
    private static TestClient observer;
    private static TestClient device;

    @BeforeAll
    static void startBrokerAndBridge() throws InterruptedException {
        broker = MosquittoProcess.startAnonymous();
        core = new FakeCore();
        bridge = new MqttBridge(BridgeSettings.of(broker.host(), broker.port(), "server", "unused",
                "bridge-" + UUID.randomUUID()));
        core.connect(bridge, bridge);
        bridge.start(core, core);
        awaitSubscribed(bridge);
        observer = new TestClient(broker.host(), broker.port(), "family/#");
        device = new TestClient(broker.host(), broker.port(), null);
    }

    @AfterAll
    static void stopAll() {
        if (device != null) {
            device.close();
            observer.close();
        }
        if (bridge != null) {
            bridge.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void askIsPublishedWithRequestId() throws Exception {
        TopicPrefix prefix = core.addFamily("ask", false);

        device.publish(prefix.topic(FamilyTopic.ASK),
                "{\"question_text\":\"Who ate the last 🍪?\",\"asked_by\":\"Ana\",\"request_id\":\"r-17\"}");

        JsonNode question = json(observer.nextText(prefix.topic(FamilyTopic.QUESTIONS), WAIT_MILLIS));
        assertThat(question.get("question_text").asText()).isEqualTo("Who ate the last 🍪?");
        assertThat(question.get("request_id").asText()).isEqualTo("r-17");
        assertThat(question.get("asked_by").asText()).isEqualTo("Ana");
        assertThat(question.get("category").asText()).isEqualTo("general");
        assertThat(question.get("source").asText()).isEqualTo("mqtt");
        assertThat(question.get("family_id").asText()).isEqualTo(core.familyId(prefix).toString());
        assertThat(question.get("question_id").isTextual()).isTrue();
        assertThat(core.questionCount(prefix)).isEqualTo(1);
    }

    @Test
    void respondIsPublishedAsAnswer() throws Exception {
        TopicPrefix prefix = core.addFamily("respond", false);
        Question question = core.storeQuestion(prefix, "Dinner?");
        observer.nextText(prefix.topic(FamilyTopic.QUESTIONS), WAIT_MILLIS);

        device.publish(prefix.topic(FamilyTopic.RESPOND),
                "{\"question_id\":\"" + question.id() + "\",\"answer_text\":\"At six\",\"extra\":{\"rssi\":-61}}");

        JsonNode answer = json(observer.nextText(prefix.topic(FamilyTopic.ANSWERS), WAIT_MILLIS));
        assertThat(answer.get("question_id").asText()).isEqualTo(question.id().toString());
        assertThat(answer.get("answer_text").asText()).isEqualTo("At six");
        assertThat(answer.has("answered_by")).isTrue();
        assertThat(answer.get("answered_by").isNull()).isTrue();
        assertThat(answer.get("request_id").isNull()).isTrue();
    }

    static Stream<Arguments> badAsks() {
        String tooLong = "a".repeat(1001);
        return Stream.of(
                Arguments.of("malformed JSON", bytes("{\"question_text\":"), "invalid_json", null),
                Arguments.of("empty array", bytes("[]"), "invalid_payload", null),
                Arguments.of("null", bytes("null"), "invalid_payload", null),
                Arguments.of("string", bytes("\"just a string\""), "invalid_payload", null),
                Arguments.of("number", bytes("123"), "invalid_payload", null),
                Arguments.of("boolean", bytes("true"), "invalid_payload", null),
                Arguments.of("empty payload", new byte[0], "invalid_json", null),
                Arguments.of("white space", bytes("  \r\n"), "invalid_json", null),
                Arguments.of("empty object", bytes("{}"), "missing_field", "question_text"),
                Arguments.of("text null", bytes("{\"question_text\":null}"), "missing_field", "question_text"),
                Arguments.of("text number", bytes("{\"question_text\":12345}"), "invalid_field", "question_text"),
                Arguments.of("text object", bytes("{\"question_text\":{\"nested\":\"object\"}}"), "invalid_field",
                        "question_text"),
                Arguments.of("category array", bytes("{\"question_text\":\"ok\",\"category\":[\"general\"]}"),
                        "invalid_field", "category"),
                Arguments.of("too long", bytes("{\"question_text\":\"" + tooLong + "\"}"), "too_long",
                        "question_text"),
                Arguments.of("escaped NUL", bytes("{\"question_text\":\"Dinner at 6?\\u0000\"}"), "invalid_field",
                        "question_text"),
                Arguments.of("raw NUL", bytes("{\"question_text\":\"a\u0000b\"}"), "invalid_json", null),
                Arguments.of("Latin-1 byte", PayloadReaderTest.bytes("{\"question_text\":\"caf", 0xE9, "?\"}"),
                        "invalid_field", "question_text"),
                Arguments.of("truncated emoji",
                        PayloadReaderTest.bytes("{\"question_text\":\"hi ", 0xF0, 0x9F, 0x8D, "\"}"),
                        "invalid_field", "question_text"),
                Arguments.of("overlong", PayloadReaderTest.bytes("{\"question_text\":\"a", 0xC0, 0xAF, "\"}"),
                        "invalid_field", "question_text"),
                Arguments.of("lone surrogate", bytes("{\"question_text\":\"half \\ud83c\"}"), "invalid_field",
                        "question_text"),
                Arguments.of("deep nesting", bytes("[".repeat(8000) + "]".repeat(8000)), "invalid_json", null),
                Arguments.of("duplicate field", bytes("{\"question_text\":\"a\",\"question_text\":\"b\"}"),
                        "invalid_json", "question_text"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAsks")
    void badAskGetsOneErrorAndStoresNothing(String name, byte[] payload, String code, String field)
            throws Exception {
        TopicPrefix prefix = core.addFamily("bad", false);

        device.publish(prefix.topic(FamilyTopic.ASK), payload);
        String canary = askCanary(prefix);

        List<String> errors = awaitMessages(prefix.topic(FamilyTopic.ERRORS));
        assertThat(errors).hasSize(1);
        JsonNode error = json(errors.get(0));
        assertThat(error.get("error").asText()).isEqualTo(code);
        assertThat(error.get("field").isNull() ? null : error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("topic").asText()).isEqualTo(prefix.topic(FamilyTopic.ASK));
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(canary).isNotNull();
        assertThat(core.questionCount(prefix)).isEqualTo(1);
    }

    static Stream<Arguments> badResponds() {
        return Stream.of(
                Arguments.of("{\"question_id\":42,\"answer_text\":\"yes\"}", "invalid_field", "question_id"),
                Arguments.of("{\"question_id\":42.0,\"answer_text\":\"yes\"}", "invalid_field", "question_id"),
                Arguments.of("{\"question_id\":4.2e1,\"answer_text\":\"yes\"}", "invalid_field", "question_id"),
                Arguments.of("{\"question_id\":null,\"answer_text\":\"yes\"}", "missing_field", "question_id"),
                Arguments.of("{\"answer_text\":\"yes\"}", "missing_field", "question_id"),
                Arguments.of("{\"question_id\":\"not-a-valid-id\",\"answer_text\":\"x\"}", "invalid_field",
                        "question_id"),
                Arguments.of("", "invalid_json", null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badResponds")
    void badRespondGetsOneError(String payload, String code, String field) throws Exception {
        TopicPrefix prefix = core.addFamily("badrespond", false);

        device.publish(prefix.topic(FamilyTopic.RESPOND), payload);
        askCanary(prefix);

        List<String> errors = awaitMessages(prefix.topic(FamilyTopic.ERRORS));
        assertThat(errors).hasSize(1);
        assertThat(json(errors.get(0)).get("error").asText()).isEqualTo(code);
        assertThat(json(errors.get(0)).get("field").asText(null)).isEqualTo(field);
        assertThat(core.answerCount(prefix)).isZero();
    }

    @Test
    void unknownQuestionErrorRepeatsIdAsSent() throws Exception {
        TopicPrefix prefix = core.addFamily("unknown", false);
        String questionId = "0000000A-0000-0000-0000-000000000001";

        device.publish(prefix.topic(FamilyTopic.RESPOND),
                "{\"question_id\":\"" + questionId + "\",\"answer_text\":\"x\",\"request_id\":\"r-5\"}");

        JsonNode error = json(observer.nextText(prefix.topic(FamilyTopic.ERRORS), WAIT_MILLIS));
        assertThat(error.get("error").asText()).isEqualTo("unknown_question");
        assertThat(error.get("message").asText()).contains(questionId);
        assertThat(error.get("request_id").asText()).isEqualTo("r-5");
    }

    @Test
    void questionOfOtherFamilyIsUnknown() throws Exception {
        TopicPrefix familyA = core.addFamily("fama", false);
        TopicPrefix familyB = core.addFamily("famb", false);
        Question questionOfB = core.storeQuestion(familyB, "B's question");

        device.publish(familyA.topic(FamilyTopic.RESPOND),
                "{\"question_id\":\"" + questionOfB.id() + "\",\"answer_text\":\"x\"}");

        JsonNode error = json(observer.nextText(familyA.topic(FamilyTopic.ERRORS), WAIT_MILLIS));
        assertThat(error.get("error").asText()).isEqualTo("unknown_question");
        assertThat(core.answerCount(familyB)).isZero();
    }

    @Test
    void messagesOverRateLimitAreRejected() throws Exception {
        TopicPrefix prefix = core.addFamily("limited", true);

        for (int i = 0; i < 40; i++) {
            device.publishAsync(prefix.topic(FamilyTopic.ASK), "{\"question_text\":\"q " + i + "\"}");
        }

        JsonNode error = json(observer.nextText(prefix.topic(FamilyTopic.ERRORS), WAIT_MILLIS));
        assertThat(error.get("error").asText()).isEqualTo("rate_limited");
        assertThat(core.questionCount(prefix)).isLessThan(40);
    }

    @Test
    void sameRequestIdTwiceStoresOnce() throws Exception {
        TopicPrefix prefix = core.addFamily("dup", false);
        String ask = "{\"question_text\":\"Once?\",\"request_id\":\"same-1\"}";

        device.publish(prefix.topic(FamilyTopic.ASK), ask);
        device.publish(prefix.topic(FamilyTopic.ASK), ask);

        // Stored once, and the repeat is announced again so that a device that missed the first echo learns it.
        List<String> published = awaitMessages(prefix.topic(FamilyTopic.QUESTIONS));
        assertThat(published).hasSize(2);
        assertThat(published.get(1)).isEqualTo(published.get(0));
        assertThat(published.get(0)).contains("\"request_id\":\"same-1\"");
        assertThat(core.questionCount(prefix)).isEqualTo(1);
        assertThat(awaitMessages(prefix.topic(FamilyTopic.ERRORS))).isEmpty();
    }

    @Test
    void mqtt5RequestGetsReplyWithCorrelationData() throws Exception {
        TopicPrefix prefix = core.addFamily("reply", false);
        String replyTopic = prefix.value() + "/replies/kitchen";

        device.request(prefix.topic(FamilyTopic.ASK), "{\"question_text\":\"Reply?\"}", replyTopic,
                bytes("corr-1"));

        Mqtt5Publish reply = observer.next(replyTopic, WAIT_MILLIS);
        assertThat(reply).isNotNull();
        JsonNode body = json(new String(reply.getPayloadAsBytes(), StandardCharsets.UTF_8));
        assertThat(body.get("status").asText()).isEqualTo("ok");
        assertThat(body.get("question_id").isTextual()).isTrue();
        assertThat(reply.getCorrelationData().map(data -> StandardCharsets.UTF_8.decode(data).toString()))
                .contains("corr-1");
    }

    @Test
    void mqtt5ErrorReplyOnlyInsideOwnPrefix() throws Exception {
        TopicPrefix prefix = core.addFamily("replyerr", false);
        TopicPrefix other = core.addFamily("other", false);
        String ownReply = prefix.value() + "/replies/x";

        device.request(prefix.topic(FamilyTopic.ASK), "[]", ownReply, bytes("c-2"));
        device.request(prefix.topic(FamilyTopic.ASK), "[]", other.value() + "/replies/x", bytes("c-3"));
        askCanary(prefix);

        assertThat(json(observer.nextText(ownReply, WAIT_MILLIS)).get("error").asText())
                .isEqualTo("invalid_payload");
        assertThat(observer.drain(other.value() + "/replies/x")).isEmpty();
        assertThat(awaitMessages(prefix.topic(FamilyTopic.ERRORS))).hasSize(2);
    }

    @Test
    void storeUnavailableIsRetried() throws Exception {
        TopicPrefix prefix = core.addFamily("retry", false);
        core.failStore(3);

        device.publish(prefix.topic(FamilyTopic.ASK), "{\"question_text\":\"After the lock\"}");

        JsonNode question = json(observer.nextText(prefix.topic(FamilyTopic.QUESTIONS), WAIT_MILLIS));
        assertThat(question.get("question_text").asText()).isEqualTo("After the lock");
        assertThat(observer.drain(prefix.topic(FamilyTopic.ERRORS))).isEmpty();
        assertThat(bridge.isSubscribed()).isTrue();
    }

    @Test
    void burstFromSixFamiliesIsStoredOnceAndPublished() throws Exception {
        TopicPrefix main = core.addFamily("burst", false);
        List<TopicPrefix> others = Stream.generate(() -> core.addFamily("burst-other", false)).limit(5).toList();

        for (int i = 0; i < 500; i++) {
            device.publishAsync(main.topic(FamilyTopic.ASK), "{\"question_text\":\"burst " + i + "\"}");
        }
        for (TopicPrefix other : others) {
            for (int i = 0; i < 100; i++) {
                device.publishAsync(other.topic(FamilyTopic.ASK), "{\"question_text\":\"burst " + i + "\"}");
            }
        }

        assertThat(distinctTexts(main, 500)).hasSize(500);
        for (TopicPrefix other : others) {
            assertThat(distinctTexts(other, 100)).hasSize(100);
        }
        assertThat(core.questionCount(main)).isEqualTo(500);
    }

    @Test
    void asksOfOneFamilyKeepTheirOrder() throws Exception {
        TopicPrefix prefix = core.addFamily("order", false);
        int count = 200;

        for (int i = 0; i < count; i++) {
            device.publishAsync(prefix.topic(FamilyTopic.ASK), "{\"question_text\":\"order " + i + "\"}");
        }

        List<String> texts = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (texts.size() < count && System.currentTimeMillis() < deadline) {
            String text = observer.nextText(prefix.topic(FamilyTopic.QUESTIONS), 1_000);
            if (text != null) {
                texts.add(json(text).get("question_text").asText());
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add("order " + i);
        }
        assertThat(texts).containsExactlyElementsOf(expected);
    }

    @Test
    void probeReturnsRoundTrip() {
        TopicPrefix prefix = core.addFamily("probe", false);

        Duration roundTrip = bridge.roundTrip(prefix, Duration.ofSeconds(5));

        assertThat(roundTrip).isPositive();
        assertThat(core.questionCount(prefix)).isZero();
    }

    private static Set<String> distinctTexts(TopicPrefix prefix, int expected) throws Exception {
        Set<String> texts = new HashSet<>();
        long deadline = System.currentTimeMillis() + 30_000;
        while (texts.size() < expected && System.currentTimeMillis() < deadline) {
            String text = observer.nextText(prefix.topic(FamilyTopic.QUESTIONS), 1_000);
            if (text != null) {
                texts.add(json(text).get("question_text").asText());
            }
        }
        return texts;
    }

    /** Sends a canary ask and returns its published question, or null if it did not arrive in time. */
    private static String askCanary(TopicPrefix prefix) throws Exception {
        String text = "canary " + UUID.randomUUID();
        device.publish(prefix.topic(FamilyTopic.ASK), "{\"question_text\":\"" + text + "\",\"category\":\"general\"}");
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            String published = observer.nextText(prefix.topic(FamilyTopic.QUESTIONS), 500);
            if (published != null && published.contains(text)) {
                return published;
            }
        }
        return null;
    }

    /**
     * Waits for the first message on the topic, then a little longer for any more, and returns them all. The errors
     * of a batch and the events of the next one are published by different threads, so they may arrive in any order.
     */
    private static List<String> awaitMessages(String topic) throws InterruptedException {
        List<String> messages = new ArrayList<>();
        String first = observer.nextText(topic, WAIT_MILLIS);
        if (first != null) {
            messages.add(first);
        }
        Thread.sleep(300);
        messages.addAll(observer.drain(topic));
        return messages;
    }

    static void awaitSubscribed(MqttBridge bridge) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!bridge.isSubscribed() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(bridge.isSubscribed()).as("bridge subscribed").isTrue();
    }

    private static JsonNode json(String text) throws Exception {
        assertThat(text).as("message received").isNotNull();
        return MAPPER.readTree(text);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
