package org.familyqa.bootstrap.fieldcases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.familyqa.bootstrap.testing.RunningServer.Setup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No payload may throw out of the subscription callback and leave the bridge connected but deaf: each bad payload
 * gets one error and the canary passes after it, with no reconnect.
 */
class HandlerExceptionTest {

    private static final ServersPerSetup SERVERS = new ServersPerSetup();

    @AfterAll
    static void stopServers() {
        SERVERS.close();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void everyBadPayloadKeepsBridgeListening(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        String questionId = api.askValid(family, "Still listening?");
        // 8,000 nested arrays is the deepest nesting under the broker's 16 KiB packet limit; larger payloads never
        // reach the server.
        String[][] cases = {
                {"ask", "[]"}, {"ask", "\"just a string\""}, {"ask", "123"}, {"ask", "true"},
                {"ask", "{\"question_text\":{\"nested\":\"object\"},\"category\":\"general\"}"},
                {"ask", "{\"question_text\":\"ok\",\"category\":[\"general\"]}"},
                {"ask", "[".repeat(8_000) + "]".repeat(8_000)},
                {"respond", "{\"question_id\":\"not-a-valid-id\",\"answer_text\":\"x\"}"},
                {"ask", "{\"question_text\":\"Dinner at 6?\\u0000\",\"category\":\"general\"}"},
        };

        try (BridgeLog bridgeLog = new BridgeLog(); DeviceClient device = DeviceClient.connect(api.server(), family)) {
            for (String[] badCase : cases) {
                BadMessages.assertRejectedOnce(api, device, badCase[0], badCase[1], questionId);
            }

            assertThat(bridgeLog.connectionChanges()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void answerToOtherFamilysQuestionIsUnknown(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily familyA = api.createFamily();
        TestFamily familyB = api.createFamily();
        String questionOfB = api.askValid(familyB, "Only for B?");

        try (DeviceClient device = DeviceClient.connect(api.server(), familyA)) {
            JsonNode error = BadMessages.assertRejectedOnce(api, device, "respond",
                    "{\"question_id\":\"" + questionOfB + "\",\"answer_text\":\"x\"}", null);

            assertThat(error.get("error").asText()).isEqualTo("unknown_question");
            assertThat(error.get("message").asText()).doesNotContainIgnoringCase("another family")
                    .doesNotContainIgnoringCase("belongs");
        }
        assertThat(api.answerCount(familyB, questionOfB)).isZero();
    }
}
