package org.familyqa.bootstrap.fieldcases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks shared by the cases that send one bad device message: one error, nothing stored, the canary passes. */
final class BadMessages {

    private BadMessages() {
    }

    /**
     * Publishes a payload on {@code <prefix>/<level>} and checks that exactly one error comes back, that no question
     * or answer is stored or published, and that the canary passes afterwards.
     *
     * @param questionId a question whose answers must not change, or null
     * @return the error message
     */
    static JsonNode assertRejectedOnce(FamilyApi api, DeviceClient device, String level, byte[] payload,
                                       String questionId) {
        TestFamily family = device.family();
        int questionsBefore = api.questionCount(family);
        int answersBefore = questionId == null ? 0 : api.answerCount(family, questionId);
        int mark = device.mark();

        device.publish(level, payload);

        JsonNode error = device.assertOneError(mark);
        // The question asked over HTTP before the device subscribed may still arrive late; only new ones count.
        assertThat(device.since(mark, "questions").stream()
                .filter(received -> questionId == null || !text(received).contains(questionId)).toList())
                .as("questions published").isEmpty();
        assertThat(device.since(mark, "answers")).as("answers published").isEmpty();
        assertThat(api.questionCount(family)).as("questions stored").isEqualTo(questionsBefore);
        if (questionId != null) {
            assertThat(api.answerCount(family, questionId)).as("answers stored").isEqualTo(answersBefore);
        }
        assertThat(error.get("topic").asText()).isEqualTo(family.topic(level));
        device.assertCanaryPasses();
        return error;
    }

    static JsonNode assertRejectedOnce(FamilyApi api, DeviceClient device, String level, String payload,
                                       String questionId) {
        return assertRejectedOnce(api, device, level, payload.getBytes(StandardCharsets.UTF_8), questionId);
    }

    private static String text(DeviceClient.Received received) {
        return new String(received.payload(), StandardCharsets.UTF_8);
    }

    /** Concatenates text and raw bytes into one payload. */
    static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] chunk = part instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) part;
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }
}
