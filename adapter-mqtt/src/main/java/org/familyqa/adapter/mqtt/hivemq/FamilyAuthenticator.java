package org.familyqa.adapter.mqtt.hivemq;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.familyqa.adapter.mqtt.hivemq.AccountDirectory.Login;
import org.familyqa.domain.mqtt.BrokerAccount;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.extension.sdk.api.auth.SimpleAuthenticator;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthInput;
import com.hivemq.extension.sdk.api.auth.parameter.SimpleAuthOutput;
import com.hivemq.extension.sdk.api.auth.parameter.TopicPermission;
import com.hivemq.extension.sdk.api.client.parameter.ConnectionAttributeStore;
import com.hivemq.extension.sdk.api.packets.auth.DefaultAuthorizationBehaviour;
import com.hivemq.extension.sdk.api.packets.connect.ConnackReasonCode;
import com.hivemq.extension.sdk.api.packets.connect.ConnectPacket;
import com.hivemq.extension.sdk.api.services.builder.Builders;

/**
 * Accepts the server's account and enabled family accounts with the right password; rejects everyone else,
 * anonymous clients included, with CONNACK "bad user name or password". A family login whose client id is connected
 * under another account is rejected with "client identifier not valid".
 */
final class FamilyAuthenticator implements SimpleAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(FamilyAuthenticator.class);
    private static final String REJECTED = "bad user name or password";
    private static final long REJECTION_LOG_INTERVAL_NANOS = 1_000_000_000L;

    private final AccountDirectory accounts;
    private final ConnectedClients clients;
    private final AtomicLong lastRejectionLog = new AtomicLong(System.nanoTime() - REJECTION_LOG_INTERVAL_NANOS);
    private final AtomicLong unloggedRejections = new AtomicLong();

    FamilyAuthenticator(AccountDirectory accounts, ConnectedClients clients) {
        this.accounts = accounts;
        this.clients = clients;
    }

    @Override
    public void onConnect(SimpleAuthInput input, SimpleAuthOutput output) {
        ConnectPacket connect = input.getConnectPacket();
        String clientId = input.getClientInformation().getClientId();
        Optional<String> username = connect.getUserName();
        Optional<ByteBuffer> password = connect.getPassword();
        if (username.isEmpty() || password.isEmpty()) {
            logRejection("Rejected login of {} (client {}): no username or password", "(none)", clientId);
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, REJECTED);
            return;
        }
        Optional<Login> login;
        try {
            login = accounts.authenticate(username.get(), utf8(password.get()));
        } catch (RuntimeException e) {
            LOG.error("Cannot check the login of {} (client {}), rejecting it", username.get(), clientId, e);
            output.failAuthentication(ConnackReasonCode.SERVER_UNAVAILABLE, "account store unavailable");
            return;
        }
        if (login.isEmpty()) {
            logRejection("Rejected login of {} (client {})", username.get(), clientId);
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, REJECTED);
            return;
        }
        accept(input, output, login.get());
    }

    private void accept(SimpleAuthInput input, SimpleAuthOutput output, Login login) {
        String clientId = input.getClientInformation().getClientId();
        if (login.account() instanceof BrokerAccount.Family
                && clientId.startsWith(EmbeddedBrokerSettings.SERVER_CLIENT_ID_PREFIX)) {
            LOG.warn("Rejected login of {}: client id {} is reserved for the server", login.username(), clientId);
            output.failAuthentication(ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID, "client id reserved");
            return;
        }
        if (login.account() instanceof BrokerAccount.Family && clients.heldByAnotherUsername(login.username(), clientId)) {
            // A takeover would disconnect another family's device and resume its session.
            // NOTE: only connected ids are protected here, so another family's offline persistent session can still
            // be taken over; the server's own ids are reserved above.
            LOG.warn("Rejected login of {}: client id {} is connected under another account", login.username(),
                    clientId);
            output.failAuthentication(ConnackReasonCode.CLIENT_IDENTIFIER_NOT_VALID, "client id in use");
            return;
        }
        String connectionId = UUID.randomUUID().toString();
        ConnectionAttributeStore store = input.getConnectionInformation().getConnectionAttributeStore();
        ConnectionAccount.store(store, login.username(), login.account(), connectionId);
        clients.add(login.username(), clientId, connectionId);
        if (!accounts.isCurrent(login)) {
            // The account was disabled or got a new password while this login was checked.
            clients.remove(login.username(), clientId, connectionId);
            output.failAuthentication(ConnackReasonCode.BAD_USER_NAME_OR_PASSWORD, REJECTED);
            return;
        }
        // Every subscribe and publish goes through TopicAuthorizer; anything it leaves undecided is denied.
        output.getDefaultPermissions().clear();
        output.getDefaultPermissions().setDefaultBehaviour(DefaultAuthorizationBehaviour.DENY);
        if (login.account() instanceof BrokerAccount.Family family) {
            // The broker checks a CONNECT's will message against these permissions, not against TopicAuthorizer.
            for (FamilyTopic topic : List.of(FamilyTopic.ASK, FamilyTopic.RESPOND)) {
                output.getDefaultPermissions().add(Builders.topicPermission()
                        .topicFilter(family.prefix().topic(topic))
                        .type(TopicPermission.PermissionType.ALLOW)
                        .activity(TopicPermission.MqttActivity.PUBLISH)
                        .build());
            }
        }
        output.authenticateSuccessfully();
    }

    /**
     * Logs a rejected login at WARN at most once a second, with the number not logged since, so that a device
     * retrying with a wrong password, or someone guessing, cannot flood the log.
     */
    private void logRejection(String message, String username, String clientId) {
        long now = System.nanoTime();
        long last = lastRejectionLog.get();
        if (now - last < REJECTION_LOG_INTERVAL_NANOS || !lastRejectionLog.compareAndSet(last, now)) {
            unloggedRejections.incrementAndGet();
            return;
        }
        long unlogged = unloggedRejections.getAndSet(0);
        if (unlogged > 0) {
            LOG.warn(message + "; {} more rejected logins not logged in the last second", username, clientId,
                    unlogged);
        } else {
            LOG.warn(message, username, clientId);
        }
    }

    private static String utf8(ByteBuffer password) {
        ByteBuffer copy = password.asReadOnlyBuffer();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
