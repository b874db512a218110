package org.familyqa.bootstrap.fieldcases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import com.hivemq.client.mqtt.datatypes.MqttQos;

import org.familyqa.bootstrap.testing.RunningServer;
import org.familyqa.bootstrap.testing.RunningServer.Setup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bursts of asks and a locked questions table must not block the bridge: every ask is stored once and published,
 * and the bridge never reconnects.
 */
class BurstAndLockTest {

    private static final Logger LOG = LoggerFactory.getLogger(BurstAndLockTest.class);
    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final ServersPerSetup SERVERS = new ServersPerSetup();

    @AfterAll
    static void stopServers() {
        SERVERS.close();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void burstFromSixFamiliesIsStoredOnce(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        List<DeviceClient> devices = new ArrayList<>();
        try (BridgeLog bridgeLog = new BridgeLog()) {
            for (int i = 0; i < 6; i++) {
                devices.add(DeviceClient.connect(api.server(), api.createFamily()));
            }
            long start = System.nanoTime();
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sent.addAll(fire(devices.get(i), "burst", i == 0 ? 500 : 100));
            }
            sent.forEach(CompletableFuture::join);

            for (int i = 0; i < 6; i++) {
                assertAllPublishedAndStoredOnce(api, devices.get(i), "burst", i == 0 ? 500 : 100);
            }
            LOG.info("{}: 1,000 asks from 6 families stored and published in {} ms", setup,
                    (System.nanoTime() - start) / 1_000_000);
            devices.get(0).assertCanaryPasses();
            assertThat(bridgeLog.connectionChanges()).isZero();
        } finally {
            devices.forEach(DeviceClient::close);
        }
    }

    @Test
    void lockedQuestionTableDelaysButLosesNothing() throws Exception {
        FamilyApi api = SERVERS.api(Setup.MOSQUITTO_POSTGRES);
        RunningServer server = api.server();
        try (BridgeLog bridgeLog = new BridgeLog();
             DeviceClient device = DeviceClient.connect(server, api.createFamily());
             Connection lock = DriverManager.getConnection(server.databaseUrl().orElseThrow(),
                     RunningServer.POSTGRES_USER, RunningServer.POSTGRES_PASSWORD)) {
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("LOCK TABLE question IN ACCESS EXCLUSIVE MODE");
            }
            fire(device, "locked", 50).forEach(CompletableFuture::join);
            DeviceClient.sleep(10_000);
            boolean readyWhileLocked = server.server().isBridgeReady();
            lock.commit();

            assertAllPublishedAndStoredOnce(api, device, "locked", 50);
            assertThat(readyWhileLocked).isTrue();
            device.assertCanaryPasses();
            assertThat(bridgeLog.connectionChanges()).isZero();
        }
    }

    private static List<CompletableFuture<?>> fire(DeviceClient device, String label, int count) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            String payload = "{\"question_text\":\"" + label + " " + n + "\",\"category\":\"general\"}";
            sent.add(device.client().toAsync().publishWith().topic(device.family().topic("ask"))
                    .qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .send());
        }
        return sent;
    }

    private static void assertAllPublishedAndStoredOnce(FamilyApi api, DeviceClient device, String label,
                                                        int count) {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        Set<String> published = new HashSet<>();
        while (published.size() < count && System.nanoTime() < deadline) {
            published.clear();
            for (DeviceClient.Received message : device.since(0, "questions")) {
                String text = message.json().get("question_text").asText();
                if (text.startsWith(label + " ")) {
                    published.add(text);
                }
            }
            DeviceClient.sleep(100);
        }
        List<String> stored = api.questions(device.family()).stream()
                .map(question -> question.get("question_text").asText())
                .filter(text -> text.startsWith(label + " ")).toList();

        assertThat(published).as("distinct %s asks published", label).hasSize(count);
        assertThat(stored).as("%s asks stored", label).hasSize(count).doesNotHaveDuplicates();
        assertThat(device.since(0, "errors")).as("errors").isEmpty();
    }

}
