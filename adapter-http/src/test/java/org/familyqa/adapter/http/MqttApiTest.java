package org.familyqa.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

class MqttApiTest extends ApiTestSupport {

    @Test
    void enableReturnsCredentialsOnceAndStatusHidesPassword() {
        TestFamily family = createFamily("Mqtt");

        ApiClient.Reply enabled = client.post(family.path("/mqtt/enable"), family.token(), null);
        ApiClient.Reply status = client.get(family.path("/mqtt/status"), family.token());

        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        JsonNode credentials = enabled.json();
        assertThat(credentials.get("username").asText()).startsWith("fam-");
        assertThat(credentials.get("password").asText()).isNotBlank();
        assertThat(credentials.get("topic_prefix").asText()).isEqualTo("family/" + family.id());
        assertThat(credentials.get("topics").size()).isEqualTo(5);
        assertThat(credentials.get("broker").get("host").asText()).isEqualTo("127.0.0.1");
        assertThat(credentials.get("broker").get("port").asInt()).isEqualTo(1883);
        assertThat(credentials.get("broker").get("tls_port").asInt()).isEqualTo(8883);
        assertThat(status.json().get("enabled").asBoolean()).isTrue();
        assertThat(status.json().has("password")).isFalse();
        assertThat(status.text()).doesNotContain(credentials.get("password").asText());
    }

    @Test
    void resetIssuesNewPasswordAndDisableStopsIt() {
        TestFamily family = createFamily("Reset");
        String first = client.post(family.path("/mqtt/enable"), family.token(), null).json().get("password").asText();

        ApiClient.Reply reset = client.post(family.path("/mqtt/credentials/reset"), family.token(), null);
        ApiClient.Reply disabled = client.post(family.path("/mqtt/disable"), family.token(), null);
        ApiClient.Reply resetWhileDisabled = client.post(family.path("/mqtt/credentials/reset"), family.token(), null);

        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.json().get("password").asText()).isNotEqualTo(first);
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        String username = reset.json().get("username").asText();
        assertThat(core.brokerAccounts.calls()).containsSubsequence("enable " + username, "enable " + username,
                "disable " + username);
        assertThat(resetWhileDisabled.status()).isEqualTo(409);
        assertCleanError(resetWhileDisabled);
    }

    @Test
    void testConnectionReportsRoundTrip() {
        TestFamily family = createFamily("Probe");
        client.post(family.path("/mqtt/enable"), family.token(), null);

        ApiClient.Reply reply = client.post(family.path("/mqtt/test"), family.token(), null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("ok");
        assertThat(reply.json().get("round_trip_ms").isNumber()).isTrue();
    }
}
