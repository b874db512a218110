package org.familyqa.adapter.mqtt.mosquitto;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.familyqa.adapter.mqtt.mosquitto.DynsecCommands.Acl;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.ports.out.BrokerAccounts;
import org.familyqa.ports.out.BrokerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Family accounts kept in Mosquitto 2's dynamic security plugin, changed through its {@code $CONTROL} topic.
 *
 * <p>Each family gets a client and a role, both named like its username ({@code fam-<slug>}). The plugin rewrites its
 * whole JSON file on every change and blocks all broker traffic meanwhile (tens of milliseconds with thousands of
 * families), so call these methods from account management, never per message. Roles are never deleted, because
 * deleting a role that a client still holds crashed Mosquitto 2.0.11. Passwords are sent to the broker only and never
 * logged. Thread-safe.
 */
public final class MosquittoBrokerAccounts implements BrokerAccounts, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MosquittoBrokerAccounts.class);

    private final MosquittoSettings settings;
    private final DynsecConnection connection;

    private MosquittoBrokerAccounts(MosquittoSettings settings, DynsecConnection connection) {
        this.settings = settings;
        this.connection = connection;
    }

    /**
     * Connects as the dynamic security administrator, denies by default every access that no role grants, and creates
     * the server's account and role if they are missing.
     *
     * @throws BrokerUnavailableException if the broker is unreachable or rejects a command
     */
    public static MosquittoBrokerAccounts start(MosquittoSettings settings) {
        Objects.requireNonNull(settings, "settings");
        DynsecConnection connection = DynsecConnection.open(settings);
        MosquittoBrokerAccounts accounts = new MosquittoBrokerAccounts(settings, connection);
        try {
            accounts.prepareBroker();
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        return accounts;
    }

    @Override
    public void enable(MqttAccess access, String password) {
        Objects.requireNonNull(access, "access");
        requirePassword(password);
        String username = access.username().value();
        String role = AccountRoles.familyRole(access.username());

        DynsecResponse existing = connection.execute(List.of(DynsecCommands.getClient(username))).get(0)
                .requireSuccess(Set.of(DynsecResponse.CLIENT_NOT_FOUND));
        if (existing.failed() && createFamily(access, password)) {
            LOG.info("Created the Mosquitto account {}", username);
            return;
        }

        List<ObjectNode> commands = new ArrayList<>();
        if (!holdsRole(clientOf(existing), role)) {
            commands.add(DynsecCommands.createRole(role, AccountRoles.familyAcls(access.prefix())));
            commands.add(DynsecCommands.addClientRole(username, role));
        }
        commands.add(DynsecCommands.setClientPassword(username, password));
        commands.add(DynsecCommands.enableClient(username));
        for (DynsecResponse response : connection.execute(commands)) {
            response.requireSuccess(Set.of(DynsecResponse.ROLE_EXISTS));
        }
        LOG.info("Enabled the Mosquitto account {} with a new password", username);
    }

    @Override
    public void disable(MqttUsername username) {
        Objects.requireNonNull(username, "username");
        connection.execute(List.of(DynsecCommands.disableClient(username.value()))).get(0)
                .requireSuccess(Set.of(DynsecResponse.CLIENT_NOT_FOUND));
        LOG.info("Disabled the Mosquitto account {}", username);
    }

    @Override
    public Set<MqttUsername> reconcile(Collection<MqttAccess> stored) {
        Objects.requireNonNull(stored, "stored");
        Map<String, MqttAccess> storedByUsername = new HashMap<>();
        stored.forEach(access -> storedByUsername.put(access.username().value(), access));
        Map<String, Boolean> brokerEnabled = listFamilyClients();

        List<ObjectNode> disables = new ArrayList<>();
        brokerEnabled.forEach((username, enabled) -> {
            MqttAccess access = storedByUsername.get(username);
            if (enabled && (access == null || !access.enabled())) {
                disables.add(DynsecCommands.disableClient(username));
            }
        });
        for (DynsecResponse response : connection.execute(disables)) {
            response.requireSuccess(Set.of(DynsecResponse.CLIENT_NOT_FOUND));
        }

        Set<MqttUsername> missing = new LinkedHashSet<>();
        for (MqttAccess access : stored) {
            if (access.enabled() && !brokerEnabled.getOrDefault(access.username().value(), false)) {
                missing.add(access.username());
            }
        }
        LOG.info("Reconciled Mosquitto accounts: {} on the broker, {} disabled there, {} stored as enabled but unable "
                + "to log in", brokerEnabled.size(), disables.size(), missing.size());
        return missing;
    }

    /** Disconnects the administrator; the broker keeps every account. */
    @Override
    public void close() {
        connection.close();
    }

    private void prepareBroker() {
        String server = settings.serverUsername();
        String role = AccountRoles.serverRole(server);
        List<ObjectNode> commands = new ArrayList<>();
        commands.add(DynsecCommands.denyByDefault());
        commands.add(DynsecCommands.createRole(role, List.of()));
        for (Acl acl : AccountRoles.serverAcls(settings.shareGroup())) {
            commands.add(DynsecCommands.addRoleAcl(role, acl));
        }
        commands.add(DynsecCommands.createClient(server, settings.serverPassword(), role));
        commands.add(DynsecCommands.getClient(server));
        List<DynsecResponse> responses = connection.execute(commands);
        for (DynsecResponse response : responses) {
            response.requireSuccess(Set.of(DynsecResponse.ROLE_EXISTS, DynsecResponse.ACL_EXISTS,
                    DynsecResponse.CLIENT_EXISTS));
        }

        DynsecResponse serverClient = responses.get(responses.size() - 1);
        List<ObjectNode> repairs = new ArrayList<>();
        if (!holdsRole(clientOf(serverClient), role)) {
            repairs.add(DynsecCommands.addClientRole(server, role));
        }
        if (clientOf(serverClient).path("disabled").asBoolean(false)) {
            repairs.add(DynsecCommands.enableClient(server));
        }
        if (!ServerLogin.works(settings)) {
            // Setting the password disconnects every server instance, so it happens only when the configured one fails.
            LOG.warn("The server account '{}' rejects the configured password; setting it on the broker", server);
            repairs.add(DynsecCommands.setClientPassword(server, settings.serverPassword()));
        }
        for (DynsecResponse response : connection.execute(repairs)) {
            response.requireSuccess();
        }
        LOG.info("Mosquitto is ready: default access denied, server account '{}' with share group '{}'", server,
                settings.shareGroup());
    }

    /** Creates the family's role and client; returns false if another caller created the client meanwhile. */
    private boolean createFamily(MqttAccess access, String password) {
        String username = access.username().value();
        String role = AccountRoles.familyRole(access.username());
        List<DynsecResponse> responses = connection.execute(List.of(
                DynsecCommands.createRole(role, AccountRoles.familyAcls(access.prefix())),
                DynsecCommands.createClient(username, password, role)));
        responses.get(0).requireSuccess(Set.of(DynsecResponse.ROLE_EXISTS));
        responses.get(1).requireSuccess(Set.of(DynsecResponse.CLIENT_EXISTS));
        return !responses.get(1).failed();
    }

    /** Returns every {@code fam-} client on the broker and whether it is enabled. */
    private Map<String, Boolean> listFamilyClients() {
        JsonNode clients = connection.execute(List.of(DynsecCommands.listClients())).get(0).requireSuccess()
                .data().path("clients");
        Map<String, Boolean> enabledByUsername = new HashMap<>();
        for (JsonNode client : clients) {
            String username = client.path("username").asText("");
            if (MqttUsername.isFamilyUsername(username)) {
                enabledByUsername.put(username, !client.path("disabled").asBoolean(false));
            }
        }
        return enabledByUsername;
    }

    private static JsonNode clientOf(DynsecResponse getClient) {
        return getClient.data().path("client");
    }

    private static boolean holdsRole(JsonNode client, String role) {
        for (JsonNode held : client.path("roles")) {
            if (role.equals(held.path("rolename").asText())) {
                return true;
            }
        }
        return false;
    }

    private static void requirePassword(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password must not be empty");
        }
    }
}
