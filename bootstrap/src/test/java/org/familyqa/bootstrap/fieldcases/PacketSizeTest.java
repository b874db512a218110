package org.familyqa.bootstrap.fieldcases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.familyqa.bootstrap.testing.RunningServer.Setup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Constrained devices drop messages larger than their packet buffer without a word, so the server's outgoing
 * packets must fit the figures the device guide states, and an over-long question must be rejected loudly.
 */
class PacketSizeTest {

    private static final Logger LOG = LoggerFactory.getLogger(PacketSizeTest.class);
    private static final String COOKIE = "\uD83C\uDF6A";
    private static final ServersPerSetup SERVERS = new ServersPerSetup();

    @AfterAll
    static void stopServers() {
        SERVERS.close();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void shortAsciiQuestionFitsStatedPacketSize(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        String text = "q" + "x".repeat(99);

        try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
            int mark = device.mark();
            device.publish("ask", "{\"question_text\":\"" + text + "\",\"category\":\"general\"}");
            DeviceClient.Received published = device.await(mark, "questions",
                    question -> text.equals(question.path("question_text").asText()),
                    DeviceClient.CANARY_TIMEOUT).orElseThrow();

            int size = published.mqtt3PacketSize();
            LOG.info("{}: PUBLISH packet for a 100-character ASCII question is {} bytes", setup, size);
            assertThat(size).isLessThanOrEqualTo(DeviceLimits.SHORT_QUESTION_PACKET_BYTES);
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void maxLengthQuestionFitsStatedPacketSize(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = familyWithLongestSlug(api);
        String text = COOKIE.repeat(DeviceLimits.MAX_QUESTION_CHARACTERS);
        ObjectNode ask = FamilyApi.JSON.createObjectNode()
                .put("question_text", text)
                .put("category", "c".repeat(50))
                .put("asked_by", COOKIE.repeat(100))
                .put("request_id", COOKIE.repeat(64));

        try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
            int mark = device.mark();
            device.publish("ask", ask.toString());
            DeviceClient.Received published = device.await(mark, "questions",
                    question -> text.equals(question.path("question_text").asText()),
                    DeviceClient.CANARY_TIMEOUT).orElseThrow();

            int size = published.mqtt3PacketSize();
            LOG.info("{}: PUBLISH packet for a maximum-length question with every optional field at its maximum"
                    + " is {} bytes (payload {} bytes)", setup, size, published.payload().length);
            assertThat(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .hasSize(DeviceLimits.MAX_QUESTION_BYTES);
            assertThat(size).isLessThanOrEqualTo(DeviceLimits.MAX_QUESTION_PACKET_BYTES);
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void overLongQuestionIsRejectedAndNotStored(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        String text = COOKIE.repeat(DeviceLimits.MAX_QUESTION_CHARACTERS + 1);

        try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
            int mark = device.mark();
            device.publish("ask", FamilyApi.JSON.createObjectNode().put("question_text", text)
                    .put("category", "general").toString());

            JsonNode error = device.assertOneError(mark);
            assertThat(error.get("field").asText()).isEqualTo("question_text");
            assertThat(error.get("error").asText()).isEqualTo("too_long");
            assertThat(error.get("message").asText()).contains("1000");
            assertThat(device.since(mark, "questions")).isEmpty();
            assertThat(api.questionCount(family)).isZero();
            device.assertCanaryPasses();
        }
    }

    private static TestFamily familyWithLongestSlug(FamilyApi api) {
        String slug = (UUID.randomUUID().toString().replace("-", "") + "s".repeat(64)).substring(0, 64);
        ObjectNode body = FamilyApi.JSON.createObjectNode().put("name", "Longest slug").put("topic_slug", slug);
        var created = api.send("POST", "/families", api.server().adminToken(), FamilyApi.JSON_TYPE, body.toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        TestFamily family = api.enable(FamilyApi.json(created));
        assertThat(family.prefix()).isEqualTo("family/" + slug);
        return family;
    }

}
