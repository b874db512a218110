package org.familyqa.adapter.mqtt.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.familyqa.adapter.mqtt.mosquitto.TestFamilies.await;
import static org.familyqa.adapter.mqtt.mosquitto.TestFamilies.connect5;
import static org.familyqa.adapter.mqtt.mosquitto.TestFamilies.family;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.familyqa.adapter.mqtt.testing.MosquittoProcess;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.ports.out.BrokerUnavailableException;
import org.junit.jupiter.api.Test;

import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;

/** Tests that need a broker of their own, because they stop it or change the server account. */
class MosquittoBrokerAccountsLifecycleTest {

    @Test
    void stoppedBrokerFailsWithClearMessage() {
        try (MosquittoProcess mosquitto = MosquittoProcess.startWithDynamicSecurity();
             MosquittoBrokerAccounts accounts = MosquittoBrokerAccounts.start(shortTimeout(mosquitto))) {
            mosquitto.stop();

            assertThatThrownBy(() -> accounts.enable(family("timeout"), "pw"))
                    .isInstanceOf(BrokerUnavailableException.class)
                    .hasMessageContaining("getClient fam-timeout")
                    // The client either notices the closed connection at once or waits for the response in vain.
                    .satisfiesAnyOf(
                            failure -> assertThat(failure).hasMessageContaining("did not respond"),
                            failure -> assertThat(failure).hasMessageContaining("failed"));
        }
    }

    @Test
    void commandsWorkAgainAfterBrokerRestart() {
        try (MosquittoProcess mosquitto = MosquittoProcess.startWithDynamicSecurity();
             MosquittoBrokerAccounts accounts = MosquittoBrokerAccounts.start(TestFamilies.settings(mosquitto))) {
            MqttAccess before = family("before");
            accounts.enable(before, "pw-before");

            mosquitto.restart();
            MqttAccess after = family("after");
            enableWithRetry(accounts, after, "pw-after");

            connect5(mosquitto, before.username().value(), "pw-before").disconnect();
            connect5(mosquitto, after.username().value(), "pw-after").disconnect();
        }
    }

    @Test
    void startRepairsChangedServerPassword() {
        try (MosquittoProcess mosquitto = MosquittoProcess.startWithDynamicSecurity()) {
            MosquittoSettings first = TestFamilies.settings(mosquitto);
            MosquittoBrokerAccounts.start(first).close();
            MosquittoSettings changed = new MosquittoSettings(first.host(), first.port(), false, null,
                    first.adminUsername(), first.adminPassword(), first.serverUsername(), "rotated-server-password",
                    first.shareGroup(), first.commandTimeout());

            MosquittoBrokerAccounts.start(changed).close();

            connect5(mosquitto, first.serverUsername(), "rotated-server-password").disconnect();
            assertThatThrownBy(() -> connect5(mosquitto, first.serverUsername(), first.serverPassword()))
                    .isInstanceOf(Mqtt5ConnAckException.class);
        }
    }

    @Test
    void adapterWorksOverTls() {
        try (MosquittoProcess mosquitto = MosquittoProcess.builder().dynamicSecurity().tls().start();
             MosquittoBrokerAccounts accounts = MosquittoBrokerAccounts.start(TestFamilies.tlsSettings(mosquitto))) {
            MqttAccess access = family("tls");

            accounts.enable(access, "pw-tls");

            connect5(mosquitto, access.username().value(), "pw-tls").disconnect();
        }
    }

    @Test
    void reconcileReportsMissingAndDisablesUnknown() {
        try (MosquittoProcess mosquitto = MosquittoProcess.startWithDynamicSecurity();
             MosquittoBrokerAccounts accounts = MosquittoBrokerAccounts.start(TestFamilies.settings(mosquitto))) {
            MqttAccess present = family("present");
            MqttAccess missing = family("missing");
            MqttAccess unknown = family("unknown");
            MqttAccess storedDisabled = family("stored-off");
            accounts.enable(present, "pw");
            accounts.enable(unknown, "pw");
            accounts.enable(storedDisabled, "pw");

            Set<MqttUsername> result = accounts.reconcile(List.of(present, missing, storedDisabled.disabled()));

            assertThat(result).containsExactly(missing.username());
            assertThat(result).doesNotContain(present.username(), unknown.username(), storedDisabled.username());
            connect5(mosquitto, present.username().value(), "pw").disconnect();
            assertThatThrownBy(() -> connect5(mosquitto, unknown.username().value(), "pw"))
                    .isInstanceOf(Mqtt5ConnAckException.class);
            assertThatThrownBy(() -> connect5(mosquitto, storedDisabled.username().value(), "pw"))
                    .isInstanceOf(Mqtt5ConnAckException.class);
        }
    }

    @Test
    void reconcileReportsAccountDisabledOnBroker() {
        try (MosquittoProcess mosquitto = MosquittoProcess.startWithDynamicSecurity();
             MosquittoBrokerAccounts accounts = MosquittoBrokerAccounts.start(TestFamilies.settings(mosquitto))) {
            MqttAccess access = family("broker-off");
            accounts.enable(access, "pw");
            accounts.disable(access.username());

            Set<MqttUsername> result = accounts.reconcile(List.of(access));

            assertThat(result).containsExactly(access.username());
        }
    }

    private static MosquittoSettings shortTimeout(MosquittoProcess mosquitto) {
        MosquittoSettings settings = TestFamilies.settings(mosquitto);
        return new MosquittoSettings(settings.host(), settings.port(), false, null, settings.adminUsername(),
                settings.adminPassword(), settings.serverUsername(), settings.serverPassword(), settings.shareGroup(),
                Duration.ofMillis(500));
    }

    /** Enables once the administrator has reconnected; the client reconnects with a back-off of up to seconds. */
    private static void enableWithRetry(MosquittoBrokerAccounts accounts, MqttAccess access, String password) {
        boolean[] done = {false};
        await(Duration.ofSeconds(30), "the administrator reconnects and the command succeeds", () -> {
            try {
                accounts.enable(access, password);
                done[0] = true;
            } catch (BrokerUnavailableException notYet) {
                done[0] = false;
            }
            return done[0];
        });
        assertThat(done[0]).isTrue();
    }
}
