package org.familyqa.adapter.mqtt.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.familyqa.adapter.mqtt.testing.MosquittoProcess;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.junit.jupiter.api.Test;

class MqttBridgeTlsTest {

    @Test
    void connectsOverTlsTrustingCaPem() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.builder().anonymous().tls().start()) {
            FakeCore core = new FakeCore();
            TopicPrefix prefix = core.addFamily("tls", false);
            BridgeSettings settings = BridgeSettings.of(broker.host(), broker.tlsPort(), "server", "unused",
                    "bridge-" + UUID.randomUUID()).withTlsTrust(broker.caFile());
            try (MqttBridge bridge = new MqttBridge(settings)) {
                core.connect(bridge, bridge);
                bridge.start(core, core);
                MqttBridgeTest.awaitSubscribed(bridge);

                assertThat(bridge.roundTrip(prefix, Duration.ofSeconds(5))).isPositive();
            }
        }
    }
}
