package org.familyqa.adapter.mqtt.hivemq;

import java.util.Optional;

import org.familyqa.domain.mqtt.BrokerAccount;
import org.familyqa.domain.mqtt.TopicPrefix;

import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;

/**
 * The account of a connection, kept in the broker's per-connection attribute store between authentication, the
 * permission checks and the disconnect event.
 */
final class ConnectionAccount {

    private static final String ACCOUNT_KEY = "familyqa.account";
    private static final String USERNAME_KEY = "familyqa.username";
    private static final String CONNECTION_KEY = "familyqa.connection";
    private static final String SERVER = "server";

    private ConnectionAccount() {
    }

    static void store(ConnectionAttributeStore store, String username, BrokerAccount account, String connectionId) {
        store.putAsString(ACCOUNT_KEY, account instanceof BrokerAccount.Family family ? family.prefix().slug() : SERVER);
        store.putAsString(USERNAME_KEY, username);
        store.putAsString(CONNECTION_KEY, connectionId);
    }

    /** Reads the account; empty for a connection that did not authenticate through this extension. */
    static Optional<BrokerAccount> account(ConnectionAttributeStore store) {
        return store.getAsString(ACCOUNT_KEY).map(value -> value.equals(SERVER)
                ? new BrokerAccount.Server()
                : new BrokerAccount.Family(new TopicPrefix(value)));
    }

    static Optional<String> username(ConnectionAttributeStore store) {
        return store.getAsString(USERNAME_KEY);
    }

    /** Reads the id that tells this connection apart from a later one with the same client id. */
    static Optional<String> connectionId(ConnectionAttributeStore store) {
        return store.getAsString(CONNECTION_KEY);
    }
}
