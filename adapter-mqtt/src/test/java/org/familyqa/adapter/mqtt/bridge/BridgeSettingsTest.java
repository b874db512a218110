package org.familyqa.adapter.mqtt.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BridgeSettingsTest {

    @Test
    void toStringHidesPassword() {
        BridgeSettings settings = BridgeSettings.of("127.0.0.1", 1883, "server", "s3cret-value", "server-1");

        assertThat(settings.toString()).doesNotContain("s3cret-value").contains("password=***");
    }

    @Test
    void rejectsPortOutOfRangeNamingIt() {
        assertThatThrownBy(() -> BridgeSettings.of("127.0.0.1", 0, "server", "pw", "server-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port").hasMessageContaining("0");
    }

    @Test
    void rejectsShareGroupWithWildcard() {
        BridgeSettings settings = BridgeSettings.of("127.0.0.1", 1883, "server", "pw", "server-1");

        assertThatThrownBy(() -> new BridgeSettings(settings.host(), settings.port(), settings.tlsTrust(),
                settings.username(), settings.password(), settings.clientId(), "a/+", settings.workers(),
                settings.maxBatch(), settings.queueCapacity(), settings.sessionExpiry(), settings.keepAlive()))
                .hasMessageContaining("shareGroup");
    }
}
