package org.familyqa.adapter.mqtt.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.familyqa.adapter.mqtt.mosquitto.TestFamilies.await;
import static org.familyqa.adapter.mqtt.mosquitto.TestFamilies.connect3;
import static org.familyqa.adapter.mqtt.mosquitto.TestFamilies.connect5;
import static org.familyqa.adapter.mqtt.mosquitto.TestFamilies.family;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.familyqa.adapter.mqtt.testing.MosquittoProcess;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.ports.out.BrokerUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;

class MosquittoBrokerAccountsTest {

    private static final Duration CUT_OFF = Duration.ofSeconds(5);

    private static MosquittoProcess mosquitto;
    private static MosquittoBrokerAccounts accounts;

    @BeforeAll
    static void startBroker() {
        mosquitto = MosquittoProcess.startWithDynamicSecurity();
        accounts = MosquittoBrokerAccounts.start(TestFamilies.settings(mosquitto));
    }

    @AfterAll
    static void stopBroker() {
        if (accounts != null) {
            accounts.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void enabledFamilyConnectsWithBothProtocols() {
        MqttAccess access = family("both");

        accounts.enable(access, "pw-both");

        Mqtt5BlockingClient mqtt5 = connect5(mosquitto, access.username().value(), "pw-both");
        Mqtt3BlockingClient mqtt3 = connect3(mosquitto, access.username().value(), "pw-both");
        assertThat(mqtt5.getState().isConnected()).isTrue();
        assertThat(mqtt3.getState().isConnected()).isTrue();
        mqtt5.disconnect();
        mqtt3.disconnect();
    }

    @Test
    void wrongPasswordIsRejected() {
        MqttAccess access = family("wrong");
        accounts.enable(access, "right-password");

        assertThatThrownBy(() -> connect5(mosquitto, access.username().value(), "wrong-password"))
                .isInstanceOf(Mqtt5ConnAckException.class)
                .satisfies(e -> assertThat(((Mqtt5ConnAckException) e).getMqttMessage().getReasonCode())
                        .isIn(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED, Mqtt5ConnAckReasonCode.BAD_USER_NAME_OR_PASSWORD));
        assertThatThrownBy(() -> connect3(mosquitto, access.username().value(), "wrong-password"))
                .isInstanceOf(Mqtt3ConnAckException.class);
    }

    @Test
    void unknownUsernameIsRejected() {
        assertThatThrownBy(() -> connect5(mosquitto, "fam-nobody-here", "any"))
                .isInstanceOf(Mqtt5ConnAckException.class);
    }

    @Test
    void disableCutsOffConnectedClient() {
        MqttAccess access = family("disable");
        accounts.enable(access, "pw-disable");
        Mqtt5BlockingClient device = connect5(mosquitto, access.username().value(), "pw-disable");

        accounts.disable(access.username());

        await(CUT_OFF, "the disabled device is disconnected", () -> !device.getState().isConnected());
        assertThatThrownBy(() -> connect5(mosquitto, access.username().value(), "pw-disable"))
                .isInstanceOf(Mqtt5ConnAckException.class);
        assertThatThrownBy(() -> connect3(mosquitto, access.username().value(), "pw-disable"))
                .isInstanceOf(Mqtt3ConnAckException.class);
    }

    @Test
    void disableOfUnknownAccountSucceeds() {
        accounts.disable(new MqttUsername("fam-never-created"));

        assertThatThrownBy(() -> connect5(mosquitto, "fam-never-created", "x"))
                .isInstanceOf(Mqtt5ConnAckException.class);
    }

    @Test
    void resetCutsOffAndRejectsOldPassword() {
        MqttAccess access = family("reset");
        accounts.enable(access, "old-password");
        Mqtt5BlockingClient device = connect5(mosquitto, access.username().value(), "old-password");

        accounts.enable(access, "new-password");

        await(CUT_OFF, "the device with the old password is disconnected", () -> !device.getState().isConnected());
        assertThatThrownBy(() -> connect5(mosquitto, access.username().value(), "old-password"))
                .isInstanceOf(Mqtt5ConnAckException.class);
        connect5(mosquitto, access.username().value(), "new-password").disconnect();
    }

    @Test
    void enableAfterDisableWorksAgain() {
        MqttAccess access = family("again");
        accounts.enable(access, "first");
        accounts.disable(access.username());

        accounts.enable(access, "second");

        connect5(mosquitto, access.username().value(), "second").disconnect();
        assertThatThrownBy(() -> connect5(mosquitto, access.username().value(), "first"))
                .isInstanceOf(Mqtt5ConnAckException.class);
    }

    @Test
    void enableTwiceWithSamePasswordWorks() {
        MqttAccess access = family("twice");

        accounts.enable(access, "same");
        accounts.enable(access, "same");

        connect5(mosquitto, access.username().value(), "same").disconnect();
    }

    @Test
    void serverAccountIsCreatedAtStart() {
        Mqtt5BlockingClient server = TestFamilies.connectServer(mosquitto);

        assertThat(server.getState().isConnected()).isTrue();
        server.disconnect();
    }

    @Test
    void secondStartKeepsServerConnected() {
        Mqtt5BlockingClient server = TestFamilies.connectServer(mosquitto);

        MosquittoBrokerAccounts.start(TestFamilies.settings(mosquitto)).close();

        assertThat(server.getState().isConnected()).isTrue();
        server.disconnect();
    }

    @Test
    void passwordsAreNotStoredInPlainText() throws Exception {
        MqttAccess access = family("plain");

        accounts.enable(access, "visible-if-stored-plainly");

        assertThat(Files.readString(mosquitto.dynamicSecurityFile())).contains(access.username().value())
                .doesNotContain("visible-if-stored-plainly");
    }

    @Test
    void rejectedCommandNamesCommandAndError() {
        DynsecConnection connection = DynsecConnection.open(TestFamilies.settings(mosquitto));
        try {
            DynsecResponse response = connection.execute(List.of(DynsecCommands.getClient("fam-not-there"))).get(0);

            assertThatThrownBy(response::requireSuccess)
                    .isInstanceOf(BrokerUnavailableException.class)
                    .hasMessageContaining("getClient fam-not-there")
                    .hasMessageContaining("Client not found");
        } finally {
            connection.close();
        }
    }

    @Test
    void wrongAdminPasswordFailsStart() {
        MosquittoSettings good = TestFamilies.settings(mosquitto);
        MosquittoSettings wrong = new MosquittoSettings(good.host(), good.port(), false, null, good.adminUsername(),
                "not-the-admin-password", good.serverUsername(), good.serverPassword(), good.shareGroup(),
                good.commandTimeout());

        assertThatThrownBy(() -> MosquittoBrokerAccounts.start(wrong))
                .isInstanceOf(BrokerUnavailableException.class)
                .hasMessageContaining("administrator")
                .hasMessageNotContaining("not-the-admin-password");
    }
}
