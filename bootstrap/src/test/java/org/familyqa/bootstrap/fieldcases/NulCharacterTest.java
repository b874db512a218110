package org.familyqa.bootstrap.fieldcases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

import org.familyqa.bootstrap.testing.RunningServer.Setup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * U+0000 is valid in JSON but PostgreSQL text cannot store it. The server rejects it in every text field, over MQTT
 * and HTTP alike, before it reaches the database, and a raw NUL byte inside a string is malformed JSON.
 */
class NulCharacterTest {

    private static final Logger LOG = LoggerFactory.getLogger(NulCharacterTest.class);
    private static final ServersPerSetup SERVERS = new ServersPerSetup();

    @AfterAll
    static void stopServers() {
        SERVERS.close();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void nulInMqttFieldsIsRejectedNamingField(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        String questionId = api.askValid(family, "Dinner at 6?");

        try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
            JsonNode inQuestion = BadMessages.assertRejectedOnce(api, device, "ask",
                    "{\"question_text\":\"Dinner at 6?\\u0000\",\"category\":\"general\"}", questionId);
            JsonNode rawByte = BadMessages.assertRejectedOnce(api, device, "ask",
                    BadMessages.bytes("{\"question_text\":\"a", new byte[] {0}, "b\",\"category\":\"general\"}"),
                    questionId);
            JsonNode inAnswer = BadMessages.assertRejectedOnce(api, device, "respond",
                    "{\"question_id\":\"" + questionId + "\",\"answer_text\":\"yes\\u0000\"}", questionId);
            JsonNode inCategory = BadMessages.assertRejectedOnce(api, device, "ask",
                    "{\"question_text\":\"ok\",\"category\":\"gen\\u0000eral\"}", questionId);

            assertThat(inQuestion.get("field").asText()).isEqualTo("question_text");
            assertThat(rawByte.get("error").asText()).isEqualTo("invalid_json");
            assertThat(inAnswer.get("field").asText()).isEqualTo("answer_text");
            assertThat(inCategory.get("field").asText()).isEqualTo("category");
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void repeatedHttpNulLeavesPoolHealthy(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        String body = "{\"question_text\":\"Dinner at 6?\\u0000\",\"category\":\"general\"}";

        for (int i = 0; i < 50; i++) {
            JsonNode error = FamilyApi.assertJsonError(api.ask(family, body), 400);
            assertThat(error.get("field").asText()).isEqualTo("question_text");
        }
        long start = System.nanoTime();
        HttpResponse<String> normal = api.ask(family, "{\"question_text\":\"Dinner at 7?\"}");
        long millis = (System.nanoTime() - start) / 1_000_000;

        LOG.info("{}: normal ask after 50 rejected NUL asks took {} ms", setup, millis);
        assertThat(normal.statusCode()).isEqualTo(201);
        assertThat(millis).as("generous bound, not a performance target").isLessThan(5000);
        assertThat(api.questionCount(family)).isEqualTo(1);
        try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
            device.assertCanaryPasses();
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void httpNulInAnswerAndCategoryIsRejected(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        String questionId = api.askValid(family, "Dinner at 6?");

        JsonNode inCategory = FamilyApi.assertJsonError(api.ask(family,
                "{\"question_text\":\"ok\",\"category\":\"gen\\u0000eral\"}"), 400);
        JsonNode inAnswer = FamilyApi.assertJsonError(api.send("POST", "/families/" + family.id() + "/questions/"
                + questionId + "/answers", family.token(), FamilyApi.JSON_TYPE, "{\"answer_text\":\"yes\\u0000\"}"),
                400);

        assertThat(inCategory.get("field").asText()).isEqualTo("category");
        assertThat(inAnswer.get("field").asText()).isEqualTo("answer_text");
        assertThat(api.answerCount(family, questionId)).isZero();
        assertThat(api.questionCount(family)).isEqualTo(1);
    }
}
