package org.familyqa.adapter.mqtt.mosquitto;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.familyqa.ports.out.BrokerUnavailableException;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;

/** Checks whether the server's account logs in with the configured password, without changing anything. */
final class ServerLogin {

    private ServerLogin() {
    }

    /**
     * Connects once as the server account and disconnects at once.
     *
     * @return whether the broker accepted the password
     * @throws BrokerUnavailableException if the broker did not respond to the connect in time
     */
    static boolean works(MosquittoSettings settings) {
        Mqtt5AsyncClient client = DynsecConnection.clientBuilder(settings, "familyqa-login-check-" + UUID.randomUUID())
                .simpleAuth()
                .username(settings.serverUsername())
                .password(settings.serverPassword().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth()
                .buildAsync();
        try {
            client.connect().get(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
            client.disconnect().get(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Mqtt5ConnAckException) {
                return false;
            }
            throw new BrokerUnavailableException("Checking the server account's login on Mosquitto failed: "
                    + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new BrokerUnavailableException("Mosquitto did not respond to the server account's login check within "
                    + settings.commandTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while checking the server account's login", e);
        }
    }
}
