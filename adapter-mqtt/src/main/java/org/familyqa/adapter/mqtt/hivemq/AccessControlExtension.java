package org.familyqa.adapter.mqtt.hivemq;

import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.extension.sdk.api.ExtensionMain;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStartOutput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopInput;
import com.hivemq.extension.sdk.api.parameter.ExtensionStopOutput;
import com.hivemq.extension.sdk.api.services.Services;

/**
 * The embedded extension that installs authentication, topic permissions and the per-client interceptors.
 *
 * <p>Everything is registered synchronously in {@link #extensionStart}: the broker opens its listeners only after
 * extensions have started, so no client connects before the checks are in place. If registration fails, the
 * extension reports that it did not start. The broker then rejects every client because unauthenticated connections
 * are denied, and {@link EmbeddedBroker} stops it.
 */
final class AccessControlExtension implements ExtensionMain {

    private static final Logger LOG = LoggerFactory.getLogger(AccessControlExtension.class);

    private final FamilyAuthenticator authenticator;
    private final TopicAuthorizer authorizer = new TopicAuthorizer();
    private final RejectionNotices notices = new RejectionNotices();
    private final PublishAccessInterceptors interceptors = new PublishAccessInterceptors(notices);
    private final ConnectedClients clients;
    private volatile boolean started;

    AccessControlExtension(AccountDirectory accounts, ConnectedClients clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.authenticator = new FamilyAuthenticator(Objects.requireNonNull(accounts, "accounts"), clients);
    }

    @Override
    public void extensionStart(ExtensionStartInput input, ExtensionStartOutput output) {
        try {
            Services.securityRegistry().setAuthenticatorProvider(providerInput -> authenticator);
            Services.securityRegistry().setAuthorizerProvider(providerInput -> authorizer);
            Services.initializerRegistry().setClientInitializer(interceptors);
            Services.eventRegistry().setClientLifecycleEventListener(providerInput -> clients);
            clients.useClientService(Services.clientService());
            notices.usePublishService(Services.publishService());
            started = true;
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Cannot install the broker's access control; every client will be rejected", e);
            output.preventExtensionStartup("access control could not be installed: " + e);
        }
    }

    @Override
    public void extensionStop(ExtensionStopInput input, ExtensionStopOutput output) {
        started = false;
    }

    /** Returns whether {@link #extensionStart} installed every check. */
    boolean hasStarted() {
        return started;
    }
}
