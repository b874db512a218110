package org.familyqa.bootstrap;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.familyqa.bootstrap.testing.RunningServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A port that another program holds stops the start with a message naming the port and the setting that moves it. */
class StartFailureTest {

    @ParameterizedTest
    @ValueSource(strings = {"FAMILYQA_HTTP_PORT", "FAMILYQA_MQTT_PORT", "FAMILYQA_MQTT_TLS_PORT"})
    void takenPortStopsStart(String takenKey, @TempDir Path dataDir) throws Exception {
        try (ServerSocket holder = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = new HashMap<>();
            env.put("FAMILYQA_DATA_DIR", dataDir.toString());
            env.put("FAMILYQA_BIND_HOST", "127.0.0.1");
            env.put("FAMILYQA_HTTP_PORT", Integer.toString(RunningServer.freePort()));
            env.put("FAMILYQA_MQTT_PORT", Integer.toString(RunningServer.freePort()));
            env.put("FAMILYQA_MQTT_TLS_PORT", Integer.toString(RunningServer.freePort()));
            env.put(takenKey, Integer.toString(holder.getLocalPort()));
            ServerConfiguration configuration = ServerConfiguration.fromEnvironment(env);

            assertThatThrownBy(() -> FamilyQaServer.start(configuration).close())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("Port " + holder.getLocalPort())
                    .hasMessageContaining(takenKey);
        }
        try (var left = Files.list(dataDir)) {
            // Nothing was started, so nothing was written; a later start with a free port begins clean.
            org.assertj.core.api.Assertions.assertThat(left).isEmpty();
        }
    }
}
