package org.familyqa.bootstrap.fieldcases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.familyqa.bootstrap.testing.RunningServer.Setup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Ids are JSON strings: a number in their place, or a number where text belongs, is rejected naming the field and
 * never converted; unknown fields are ignored.
 */
class LooseTypingTest {

    private static final ServersPerSetup SERVERS = new ServersPerSetup();

    @AfterAll
    static void stopServers() {
        SERVERS.close();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void extraFieldsAreIgnored(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        String questionId = api.askValid(family, "Extra fields?");

        try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
            int mark = device.mark();
            device.publish("respond", "{\"question_id\":\"" + questionId
                    + "\",\"answer_text\":\"yes\",\"extra_field\":true,\"device\":{\"rssi\":-61}}");
            JsonNode answer = device.await(mark, "answers", any -> true, DeviceClient.CANARY_TIMEOUT).orElseThrow()
                    .json();

            assertThat(answer.get("question_id").isTextual()).isTrue();
            assertThat(answer.get("answer_id").isTextual()).isTrue();
            assertThat(answer.get("family_id").isTextual()).isTrue();
            assertThat(api.answerCount(family, questionId)).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void wrongTypesAreRejectedNamingField(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        String questionId = api.askValid(family, "Typed?");
        String[][] cases = {
                {"respond", "{\"question_id\":42,\"answer_text\":\"yes\"}", "question_id"},
                {"respond", "{\"question_id\":42.0,\"answer_text\":\"yes\"}", "question_id"},
                {"respond", "{\"question_id\":4.2e1,\"answer_text\":\"yes\"}", "question_id"},
                {"respond", "{\"question_id\":null,\"answer_text\":\"yes\"}", "question_id"},
                {"respond", "{\"answer_text\":\"yes\"}", "question_id"},
                {"respond", "{\"question_id\":\"" + questionId + "\",\"answer_text\":null}", "answer_text"},
                {"respond", "{\"question_id\":\"" + questionId + "\",\"answer_text\":\"\"}", "answer_text"},
                {"respond", "{\"question_id\":\"" + questionId + "\",\"answer_text\":123}", "answer_text"},
                {"respond", "{\"question_id\":\"" + questionId + "\",\"answer_text\":[\"a\"]}", "answer_text"},
                {"ask", "{\"question_text\":12345,\"category\":\"general\"}", "question_text"},
        };

        try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
            for (String[] badCase : cases) {
                JsonNode error = BadMessages.assertRejectedOnce(api, device, badCase[0], badCase[1], questionId);

                assertThat(error.get("field").asText()).as("field for %s", badCase[1]).isEqualTo(badCase[2]);
                assertThat(error.get("message").asText()).as("message for %s", badCase[1])
                        .doesNotContain("42.0").doesNotContain("12345.0");
            }
        }
        assertThat(api.questions(family)).noneSatisfy(question ->
                assertThat(question.get("question_text").asText()).startsWith("12345"));
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void nullCategoryDefaultsOrIsRejected(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();

        try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
            int mark = device.mark();
            device.publish("ask", "{\"question_text\":\"null category\",\"category\":null}");
            device.assertCanaryPasses();

            if (device.since(mark, "errors").isEmpty()) {
                JsonNode question = device.awaitQuestion(mark, "null category", DeviceClient.CANARY_TIMEOUT);
                assertThat(question.get("category").asText()).isEqualTo("general");
            } else {
                assertThat(device.since(mark, "errors").get(0).json().get("field").asText()).isEqualTo("category");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void unknownIdIsRepeatedExactly(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        String questionId = api.askValid(family, "Known?");
        String unknownUuid = "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b";

        try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
            JsonNode numericLooking = BadMessages.assertRejectedOnce(api, device, "respond",
                    "{\"question_id\":\"9007199254740993\",\"answer_text\":\"x\"}", questionId);
            JsonNode unknown = BadMessages.assertRejectedOnce(api, device, "respond",
                    "{\"question_id\":\"" + unknownUuid + "\",\"answer_text\":\"x\"}", questionId);

            assertThat(numericLooking.get("field").asText()).isEqualTo("question_id");
            assertThat(numericLooking.get("message").asText()).contains("9007199254740993")
                    .doesNotContain("9007199254740992").doesNotContain("E15");
            assertThat(unknown.get("error").asText()).isEqualTo("unknown_question");
            assertThat(unknown.get("message").asText()).contains(unknownUuid);
        }
    }
}
