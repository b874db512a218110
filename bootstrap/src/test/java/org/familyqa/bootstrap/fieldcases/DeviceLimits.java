package org.familyqa.bootstrap.fieldcases;

import java.nio.charset.StandardCharsets;

/**
 * Message-size figures that the device guide states, in one place so that a test fails when the server outgrows
 * them. Sizes are MQTT 3.1.1 PUBLISH packets at QoS 1, the largest form a device receives on a subscription.
 */
final class DeviceLimits {

    /**
     * Packet for a 100-character ASCII question on a default (36-character) slug; measured 398 bytes. It is over
     * PubSubClient's default buffer, so the guide tells devices to call {@code setBufferSize} with
     * {@link #MAX_QUESTION_PACKET_BYTES}.
     */
    static final int SHORT_QUESTION_PACKET_BYTES = 512;

    /** Maximum question length in characters (Unicode code points). */
    static final int MAX_QUESTION_CHARACTERS = 1000;

    /** Maximum question length in UTF-8 bytes: every character 4 bytes. */
    static final int MAX_QUESTION_BYTES = 4 * MAX_QUESTION_CHARACTERS;

    /**
     * Largest PUBLISH packet the server sends on a family's questions topic: a maximum-length question of 4-byte
     * characters, a 100-character asker of 4-byte characters, a 50-character category, a 64-character request id
     * and a 64-character topic slug; measured 5021 bytes.
     */
    static final int MAX_QUESTION_PACKET_BYTES = 5 * 1024;

    /** Broker limit on any packet, in bytes; larger packets are rejected by the broker itself. */
    static final int BROKER_MAX_PACKET_BYTES = 16 * 1024;

    private DeviceLimits() {
    }

    /**
     * Returns the size of an MQTT 3.1.1 PUBLISH packet: one fixed-header byte, the remaining-length bytes, the
     * length-prefixed topic, a packet id above QoS 0, and the payload.
     */
    static int publishPacketSize(String topic, int payloadBytes, boolean withPacketId) {
        int remaining = 2 + topic.getBytes(StandardCharsets.UTF_8).length + (withPacketId ? 2 : 0) + payloadBytes;
        // The remaining length is a variable-length integer with 7 bits per byte.
        int lengthBytes = 1;
        for (int value = remaining; value >= 128; value /= 128) {
            lengthBytes++;
        }
        return 1 + lengthBytes + remaining;
    }
}
