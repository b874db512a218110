package org.familyqa.bootstrap.fieldcases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.hivemq.client.mqtt.datatypes.MqttQos;

import org.familyqa.bootstrap.testing.RunningServer.Setup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Payloads over the broker's 16 KiB packet limit are refused by the broker and never reach the server; payloads
 * under it but over the question limit get an error; HTTP bodies over the limit get a fast 413.
 */
class OversizedPayloadTest {

    private static final Logger LOG = LoggerFactory.getLogger(OversizedPayloadTest.class);
    private static final ServersPerSetup SERVERS = new ServersPerSetup();
    private static final int[] OVERSIZED = {64 * 1024, 1024 * 1024};

    @AfterAll
    static void stopServers() {
        SERVERS.close();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void mqtt3OversizedPacketDisconnectsSender(Setup setup) throws IOException {
        FamilyApi api = SERVERS.api(setup);
        TestFamily familyA = api.createFamily();
        TestFamily familyB = api.createFamily();

        try (DeviceClient deviceB = DeviceClient.connect(api.server(), familyB)) {
            for (int size : OVERSIZED) {
                for (int qos = 0; qos <= 1; qos++) {
                    boolean refused;
                    try (RawMqtt3 raw = RawMqtt3.connect(api.server().mqttHost(), api.server().mqttPort(),
                            familyA.username(), familyA.password())) {
                        refused = publishOrRefused(raw, familyA.topic("ask"), askOfSize(size), qos);
                    }

                    assertThat(refused).as("%d bytes at QoS %d refused", size, qos).isTrue();
                    deviceB.assertCanaryPasses();
                }
            }
        }
        assertThat(api.questionCount(familyA)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void mqtt5ClientRefusesOversizedPacket(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily familyA = api.createFamily();
        TestFamily familyB = api.createFamily();

        try (DeviceClient deviceA = DeviceClient.connect(api.server(), familyA);
             DeviceClient deviceB = DeviceClient.connect(api.server(), familyB)) {
            for (int size : OVERSIZED) {
                for (MqttQos qos : new MqttQos[] {MqttQos.AT_MOST_ONCE, MqttQos.AT_LEAST_ONCE}) {
                    assertThatThrownBy(() -> deviceA.client().publishWith().topic(familyA.topic("ask")).qos(qos)
                            .payload(askOfSize(size)).send())
                            .hasMessageContaining("maximum packet size");
                    deviceB.assertCanaryPasses();
                }
            }
        }
        // The client library may close its own connection after refusing to encode a packet, so A reconnects.
        try (DeviceClient deviceA = DeviceClient.connect(api.server(), familyA)) {
            deviceA.assertCanaryPasses();
        }
        assertThat(api.questionCount(familyA)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void payloadUnderBrokerLimitGetsTooLong(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();

        try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
            JsonNode error = BadMessages.assertRejectedOnce(api, device, "ask", askOfSize(12 * 1024), null);

            assertThat(error.get("field").asText()).isEqualTo("question_text");
            assertThat(error.get("message").asText()).contains("1000");
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void oversizedHttpBodyGets413Fast(Setup setup) throws Exception {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        byte[] body = askOfSize(1024 * 1024);
        HttpClient http = HttpClient.newHttpClient();
        URI uri = URI.create(api.server().apiUrl() + "/families/" + family.id() + "/questions");

        for (boolean chunked : new boolean[] {false, true}) {
            HttpRequest.BodyPublisher publisher = chunked
                    ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                    : HttpRequest.BodyPublishers.ofByteArray(body);
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + family.token()).header("Content-Type", FamilyApi.JSON_TYPE)
                    .POST(publisher).build(), HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;

            LOG.info("{}: 1 MiB HTTP body {} answered {} in {} ms", setup,
                    chunked ? "without Content-Length" : "with Content-Length", response.statusCode(), millis);
            FamilyApi.assertJsonError(response, 413);
            assertThat(millis).as("generous bound, not a performance target").isLessThan(5000);
        }
        assertThat(api.questionCount(family)).isZero();
    }

    private static boolean publishOrRefused(RawMqtt3 raw, String topic, byte[] payload, int qos) {
        try {
            raw.publish(topic, payload, qos);
        } catch (IOException e) {
            return true;
        }
        return raw.closedByBroker();
    }

    /** Returns a valid ask whose payload is the given number of bytes. */
    private static byte[] askOfSize(int bytes) {
        String prefix = "{\"question_text\":\"";
        String suffix = "\",\"category\":\"general\"}";
        return (prefix + "a".repeat(bytes - prefix.length() - suffix.length()) + suffix)
                .getBytes(StandardCharsets.UTF_8);
    }
}
