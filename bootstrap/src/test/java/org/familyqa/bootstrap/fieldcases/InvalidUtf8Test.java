package org.familyqa.bootstrap.fieldcases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.familyqa.bootstrap.testing.RunningServer.Setup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bytes that are not UTF-8 are rejected, never stored as U+FFFD; valid multilingual text round-trips unchanged. */
class InvalidUtf8Test {

    private static final ServersPerSetup SERVERS = new ServersPerSetup();
    private static final String MULTILINGUAL = "Who ate the last \uD83C\uDF6A? Qui a mangé? 谁吃了? مرحبا";

    @AfterAll
    static void stopServers() {
        SERVERS.close();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void malformedUtf8IsRejectedNamingQuestionText(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        List<byte[]> payloads = List.of(
                BadMessages.bytes("{\"question_text\":\"caf", new byte[] {(byte) 0xE9}, "?\",\"category\":\"general\"}"),
                BadMessages.bytes("{\"question_text\":\"hi ", new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x8D},
                        "\",\"category\":\"general\"}"),
                BadMessages.bytes("{\"question_text\":\"x", new byte[] {(byte) 0xC0, (byte) 0xAF},
                        "\",\"category\":\"general\"}"),
                BadMessages.bytes("{\"question_text\":\"half \\ud83c\",\"category\":\"general\"}"));

        try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
            for (byte[] payload : payloads) {
                JsonNode error = BadMessages.assertRejectedOnce(api, device, "ask", payload, null);

                assertThat(error.get("message").asText()).as("message for %s", HexFormat.of().formatHex(payload))
                        .contains("UTF-8");
                assertThat(error.get("field").asText()).as("field for %s", HexFormat.of().formatHex(payload))
                        .isEqualTo("question_text");
            }
        }
        assertThat(api.questions(family)).allSatisfy(question ->
                assertThat(question.get("question_text").asText()).doesNotContain("\uFFFD"));
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void multilingualTextRoundTripsByteIdentical(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        String expected = sha256(MULTILINGUAL);

        try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
            int mark = device.mark();
            device.publish("ask", FamilyApi.JSON.createObjectNode().put("question_text", MULTILINGUAL)
                    .put("category", "general").toString());
            JsonNode question = device.awaitQuestion(mark, MULTILINGUAL, DeviceClient.CANARY_TIMEOUT);
            String questionId = question.get("question_id").asText();
            device.publish("respond", FamilyApi.JSON.createObjectNode().put("question_id", questionId)
                    .put("answer_text", MULTILINGUAL).toString());
            JsonNode answer = device.await(mark, "answers", any -> true, DeviceClient.CANARY_TIMEOUT).orElseThrow()
                    .json();
            JsonNode stored = api.question(family, questionId);

            assertThat(sha256(question.get("question_text").asText())).isEqualTo(expected);
            assertThat(sha256(answer.get("answer_text").asText())).isEqualTo(expected);
            assertThat(sha256(stored.get("question_text").asText())).isEqualTo(expected);
            assertThat(sha256(stored.get("answers").get(0).get("answer_text").asText())).isEqualTo(expected);
            assertThat(device.since(mark, "questions").get(0).text()).as("raw UTF-8, no \\u escapes")
                    .contains(MULTILINGUAL);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
