package org.familyqa.adapter.mqtt.hivemq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.familyqa.ports.out.BrokerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.events.client.ClientLifecycleEventListener;
import com.hivemq.extension.sdk.api.events.client.parameters.AuthenticationSuccessfulInput;
import com.hivemq.extension.sdk.api.events.client.parameters.ConnectionStartInput;
import com.hivemq.extension.sdk.api.events.client.parameters.DisconnectEventInput;
import com.hivemq.extension.sdk.api.packets.disconnect.DisconnectReasonCode;
import com.hivemq.extension.sdk.api.services.session.ClientService;

/**
 * The client ids connected under each username, so that disabling an account can cut its devices off.
 *
 * <p>A connection is recorded when its password is accepted and forgotten on its disconnect event. Entries carry a
 * per-connection id, so the disconnect of an old connection does not forget a newer one that took over its client id.
 * Thread-safe.
 */
final class ConnectedClients implements ClientLifecycleEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectedClients.class);
    private static final long DISCONNECT_TIMEOUT_SECONDS = 10;

    private final Map<String, Map<String, String>> connectionsByUsername = new ConcurrentHashMap<>();
    private volatile ClientService clientService;

    /** Sets the broker's client service; called when the extension starts. */
    void useClientService(ClientService service) {
        this.clientService = service;
    }

    void add(String username, String clientId, String connectionId) {
        connectionsByUsername.computeIfAbsent(username, name -> new ConcurrentHashMap<>()).put(clientId, connectionId);
    }

    /** Returns whether {@code clientId} is connected under a username other than {@code username}. */
    boolean heldByAnotherUsername(String username, String clientId) {
        return connectionsByUsername.entrySet().stream()
                .anyMatch(entry -> !entry.getKey().equals(username) && entry.getValue().containsKey(clientId));
    }

    void remove(String username, String clientId, String connectionId) {
        Map<String, String> connections = connectionsByUsername.get(username);
        if (connections != null) {
            connections.remove(clientId, connectionId);
        }
    }

    /**
     * Disconnects every client connected under {@code username} and waits until the broker has closed them.
     *
     * @throws BrokerUnavailableException if the broker did not confirm the disconnects in time
     */
    void disconnectAll(String username, String reason) {
        Map<String, String> connections = connectionsByUsername.getOrDefault(username, Map.of());
        ClientService service = clientService;
        if (connections.isEmpty() || service == null) {
            return;
        }
        List<CompletableFuture<Boolean>> disconnects = new ArrayList<>();
        for (String clientId : connections.keySet()) {
            disconnects.add(service.disconnectClient(clientId, false, DisconnectReasonCode.NOT_AUTHORIZED, reason));
        }
        try {
            CompletableFuture.allOf(disconnects.toArray(CompletableFuture[]::new))
                    .get(DISCONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while disconnecting the clients of " + username, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokerUnavailableException("the embedded broker did not disconnect the clients of " + username
                    + " within " + DISCONNECT_TIMEOUT_SECONDS + " s", e);
        }
        LOG.info("Disconnected {} client(s) of {}: {}", disconnects.size(), username, reason);
    }

    @Override
    public void onMqttConnectionStart(ConnectionStartInput input) {
        // Connections are recorded by the authenticator, which knows the username.
    }

    @Override
    public void onAuthenticationSuccessful(AuthenticationSuccessfulInput input) {
        // Recorded already by the authenticator, before the broker answered CONNACK.
    }

    @Override
    public void onDisconnect(DisconnectEventInput input) {
        ConnectionAttributeStore store = input.getConnectionInformation().getConnectionAttributeStore();
        String clientId = input.getClientInformation().getClientId();
        ConnectionAccount.username(store).ifPresent(username -> ConnectionAccount.connectionId(store)
                .ifPresent(connectionId -> remove(username, clientId, connectionId)));
    }
}
