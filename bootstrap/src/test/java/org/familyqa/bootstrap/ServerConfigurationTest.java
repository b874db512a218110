package org.familyqa.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading settings from environment variables: the defaults, and errors that name the key and the value. */
class ServerConfigurationTest {

    @Test
    void emptyEnvironmentGivesDefaults() {
        ServerConfiguration configuration = ServerConfiguration.fromEnvironment(Map.of());

        assertThat(configuration.http().port()).isEqualTo(8080);
        assertThat(configuration.http().host()).isEqualTo("127.0.0.1");
        assertThat(configuration.broker().kind()).isEqualTo(ServerConfiguration.BrokerKind.EMBEDDED);
        assertThat(configuration.broker().port()).isEqualTo(1883);
        assertThat(configuration.broker().tlsPort()).isEqualTo(8883);
        assertThat(configuration.broker().commandTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(configuration.database().url()).isEmpty();
        assertThat(configuration.adminToken()).isEmpty();
    }

    @Test
    void durationsTakeAllUnits() {
        ServerConfiguration configuration = ServerConfiguration.fromEnvironment(Map.of(
                "FAMILYQA_MQTT_COMMAND_TIMEOUT", "1500ms", "FAMILYQA_DB_CONNECTION_TIMEOUT", "2m"));

        assertThat(configuration.broker().commandTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(configuration.database().connectionTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @ParameterizedTest
    @CsvSource({
            "FAMILYQA_HTTP_PORT, 70000, from 1 to 65535",
            "FAMILYQA_HTTP_PORT, 0, from 1 to 65535",
            "FAMILYQA_MQTT_PORT, eighty, from 1 to 65535",
            "FAMILYQA_MQTT_TLS_PORT, -1, from 1 to 65535",
            "FAMILYQA_BROKER, rabbitmq, 'embedded, mosquitto'",
            "FAMILYQA_MQTT_COMMAND_TIMEOUT, 10, ms, s or m",
            "FAMILYQA_DB_CONNECTION_TIMEOUT, 5 hours, ms, s or m",
            "FAMILYQA_DB_POOL_SIZE, 0, from 1 to 200",
            "FAMILYQA_RATE_LIMIT_PER_SECOND, -3, above 0",
            "FAMILYQA_MQTT_TLS, maybe, true or false",
    })
    void badValueNamesKeyAndValue(String key, String value, String allowed) {
        assertThatThrownBy(() -> ServerConfiguration.fromEnvironment(Map.of(key, value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(key + "=" + value)
                .hasMessageContaining(allowed);
    }

    @Test
    void mosquittoNeedsTheServerPassword() {
        assertThatThrownBy(() -> ServerConfiguration.fromEnvironment(Map.of("FAMILYQA_BROKER", "mosquitto",
                "FAMILYQA_MQTT_ADMIN_PASSWORD", "admin-secret")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("FAMILYQA_MQTT_SERVER_PASSWORD")
                .hasMessageContaining("FAMILYQA_BROKER=mosquitto")
                .hasMessageNotContaining("admin-secret");
    }

    @Test
    void mosquittoNeedsTheAdminPassword() {
        assertThatThrownBy(() -> ServerConfiguration.fromEnvironment(Map.of("FAMILYQA_BROKER", "Mosquitto",
                "FAMILYQA_MQTT_SERVER_PASSWORD", "server-secret")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("FAMILYQA_MQTT_ADMIN_PASSWORD")
                .hasMessageNotContaining("server-secret");
    }

    @Test
    void secretsStayOutOfText() {
        ServerConfiguration configuration = ServerConfiguration.fromEnvironment(Map.of("FAMILYQA_BROKER", "mosquitto",
                "FAMILYQA_MQTT_SERVER_PASSWORD", "server-secret", "FAMILYQA_MQTT_ADMIN_PASSWORD", "admin-secret",
                "FAMILYQA_DB_PASSWORD", "db-secret", "FAMILYQA_ADMIN_TOKEN", "token-secret"));

        assertThat(configuration.broker().toString() + configuration.database())
                .doesNotContain("server-secret", "admin-secret", "db-secret");
    }
}
