package org.familyqa.bootstrap.fieldcases;

import java.time.Duration;

import org.familyqa.bootstrap.testing.RunningServer;
import org.familyqa.bootstrap.testing.RunningServer.Setup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * After the broker restarts with no persisted sessions, the server reconnects and subscribes again, so devices are
 * heard within 30 s. The embedded broker lives inside the server, so there the whole server restarts.
 */
class BrokerRestartTest {

    private static final Duration RECOVERY = Duration.ofSeconds(30);
    private static final ServersPerSetup SERVERS = new ServersPerSetup();

    @AfterAll
    static void stopServers() {
        SERVERS.close();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void canariesPassAfterBrokerRestart(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        RunningServer server = api.server();
        TestFamily familyA = api.createFamily();
        TestFamily familyB = api.createFamily();

        if (setup == Setup.EMBEDDED) {
            server.restart();
        } else {
            server.mosquitto().orElseThrow().restart();
        }

        assertCanaryPassesWithin(server, familyA, RECOVERY);
        assertCanaryPassesWithin(server, familyB, RECOVERY);
    }

    private static void assertCanaryPassesWithin(RunningServer server, TestFamily family, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (DeviceClient device = DeviceClient.connect(server, family)) {
                device.assertCanaryPasses();
                return;
            } catch (RuntimeException | AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("canary of " + family.prefix() + " failed for " + timeout.toSeconds()
                            + " s after the broker restart", e);
                }
                DeviceClient.sleep(500);
            }
        }
    }
}
