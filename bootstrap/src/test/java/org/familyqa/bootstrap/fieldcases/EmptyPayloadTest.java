package org.familyqa.bootstrap.fieldcases;

import static org.assertj.core.api.Assertions.assertThat;


import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.datatypes.MqttQos;

import org.familyqa.bootstrap.testing.RunningServer.Setup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A zero-length or blank payload is a legitimate MQTT message and must get an error, not crash the bridge. */
class EmptyPayloadTest {

    private static final ServersPerSetup SERVERS = new ServersPerSetup();

    @AfterAll
    static void stopServers() {
        SERVERS.close();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void emptyAndBlankPayloadsGetOneError(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        String questionId = api.askValid(family, "Is anyone home?");

        try (BridgeLog bridgeLog = new BridgeLog(); DeviceClient device = DeviceClient.connect(api.server(), family)) {
            for (String level : new String[] {"ask", "respond"}) {
                for (String payload : new String[] {"", "  \r\n", "null", "[]"}) {
                    JsonNode error = BadMessages.assertRejectedOnce(api, device, level, payload, questionId);
                    assertThat(error.get("error").asText()).as("code for '%s'", payload)
                            .isIn("invalid_json", "invalid_payload");
                    assertThat(error.get("message").asText()).as("message for '%s'", payload)
                            .containsAnyOf("empty", "white space", "JSON object");
                }
            }

            JsonNode askError = BadMessages.assertRejectedOnce(api, device, "ask", "{}", questionId);
            JsonNode respondError = BadMessages.assertRejectedOnce(api, device, "respond", "{}", questionId);

            assertThat(askError.get("field").asText()).isEqualTo("question_text");
            assertThat(respondError.get("field").asText()).isIn("question_id", "answer_text");
            assertThat(bridgeLog.connectionChanges()).as("bridge connects and disconnects").isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void retainedClearIsIgnoredOrOneError(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();

        try (BridgeLog bridgeLog = new BridgeLog(); DeviceClient device = DeviceClient.connect(api.server(), family)) {
            int mark = device.mark();
            device.client().publishWith().topic(family.topic("ask")).qos(MqttQos.AT_LEAST_ONCE).retain(true)
                    .payload(new byte[0]).send();
            DeviceClient.sleep(500);

            assertThat(device.since(mark, "errors")).hasSizeLessThanOrEqualTo(1);
            assertThat(device.since(mark, "questions")).isEmpty();
            assertThat(api.questionCount(family)).isZero();
            device.assertCanaryPasses();
            assertThat(bridgeLog.connectionChanges()).isZero();
        }
    }

}
