package org.familyqa.adapter.mqtt.hivemq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.ports.out.BrokerAccounts;
import org.familyqa.ports.out.MqttAccessRepository;
import org.familyqa.ports.out.PasswordHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedExtension;
import com.hivemq.embedded.EmbeddedHiveMQ;

/**
 * An embedded HiveMQ CE broker that admits only the server's account and enabled family accounts, and confines each
 * family to its own topics as {@link org.familyqa.domain.mqtt.TopicAccessPolicy} says.
 *
 * <p>Passwords are checked against {@link MqttAccessRepository} on every connect, so this broker keeps no account
 * store of its own; {@link #enable} and {@link #disable} cut off the username's connected clients and make the change
 * count at once, even before the caller saves the record. Only one embedded broker can run in a JVM, because HiveMQ
 * keeps its extension services in static fields.
 */
public final class EmbeddedBroker implements BrokerAccounts, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final AtomicBoolean RUNNING = new AtomicBoolean();
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final long STOP_TIMEOUT_SECONDS = 30;

    private final EmbeddedBrokerSettings settings;
    private final EmbeddedHiveMQ hivemq;
    private final AccountDirectory accounts;
    private final ConnectedClients clients;
    private final Optional<Path> trustedCertificatePem;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedBroker(EmbeddedBrokerSettings settings, EmbeddedHiveMQ hivemq, AccountDirectory accounts,
                           ConnectedClients clients, Optional<Path> trustedCertificatePem) {
        this.settings = settings;
        this.hivemq = hivemq;
        this.accounts = accounts;
        this.clients = clients;
        this.trustedCertificatePem = trustedCertificatePem;
    }

    /**
     * Starts the broker and returns once both listeners accept connections.
     *
     * @throws IllegalStateException if a port is taken, another embedded broker runs in this JVM, or the broker or
     *                               its access control did not start
     * @throws UncheckedIOException  if the data folder or the TLS certificate cannot be written
     */
    public static EmbeddedBroker start(EmbeddedBrokerSettings settings, MqttAccessRepository repository,
                                       PasswordHasher hasher) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(hasher, "hasher");
        if (!RUNNING.compareAndSet(false, true)) {
            throw new IllegalStateException("an embedded broker already runs in this JVM; close it first");
        }
        try {
            return startExclusive(settings, repository, hasher);
        } catch (RuntimeException | Error e) {
            RUNNING.set(false);
            throw e;
        }
    }

    private static EmbeddedBroker startExclusive(EmbeddedBrokerSettings settings, MqttAccessRepository repository,
                                                 PasswordHasher hasher) {
        long startNanos = System.nanoTime();
        requirePortFree(settings.bindHost(), settings.mqttPort(), "MQTT");
        requirePortFree(settings.bindHost(), settings.tlsPort(), "MQTT over TLS");
        TlsKeystore keystore = prepareFolders(settings);

        AccountDirectory accounts =
                new AccountDirectory(repository, hasher, settings.serverUsername(), settings.serverPassword());
        ConnectedClients clients = new ConnectedClients();
        AccessControlExtension extension = new AccessControlExtension(accounts, clients);
        EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(configFolder(settings))
                .withDataFolder(settings.dataFolder().resolve("data"))
                .withExtensionsFolder(settings.dataFolder().resolve("extensions"))
                .withEmbeddedExtension(EmbeddedExtension.builder()
                        .withId("familyqa-access-control")
                        .withName("FamilyQA access control")
                        .withVersion("1")
                        .withAuthor("FamilyQA")
                        .withPriority(Integer.MAX_VALUE)
                        .withStartPriority(Integer.MAX_VALUE)
                        .withExtensionMain(extension)
                        .build())
                .withoutLoggingBootstrap()
                .build();
        // build() switched the broker to admitting unauthenticated clients; switch it back before any listener opens.
        InternalConfigurations.AUTH_DENY_UNAUTHENTICATED_CONNECTIONS.set(true);

        EmbeddedBroker broker = new EmbeddedBroker(settings, hivemq, accounts, clients, keystore.trustedCertificatePem());
        try {
            hivemq.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            broker.stopAfterFailedStart();
            throw new IllegalStateException("interrupted while starting the embedded broker", e);
        } catch (ExecutionException | TimeoutException e) {
            broker.stopAfterFailedStart();
            throw new IllegalStateException("the embedded broker did not start on " + settings.bindHost() + " ports "
                    + settings.mqttPort() + " and " + settings.tlsPort(), e);
        }
        if (!extension.hasStarted()) {
            broker.stopAfterFailedStart();
            throw new IllegalStateException("the embedded broker's access control did not start, so the broker was "
                    + "stopped rather than run without it");
        }
        LOG.info("Embedded MQTT broker listening on {}:{} (MQTT) and {}:{} (MQTT over TLS), started in {} ms",
                settings.bindHost(), settings.mqttPort(), settings.bindHost(), settings.tlsPort(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
        return broker;
    }

    /** Returns the PEM file of the generated self-signed certificate; empty when the settings named a keystore. */
    public Optional<Path> trustedCertificatePem() {
        return trustedCertificatePem;
    }

    /** Returns the settings the broker runs with. */
    public EmbeddedBrokerSettings settings() {
        return settings;
    }

    /** Accepts the new password at once and disconnects the username's connected clients. */
    @Override
    public void enable(MqttAccess access, String password) {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(password, "password");
        accounts.enable(access, password);
        clients.disconnectAll(access.username().value(), "credentials were changed");
    }

    /** Rejects further logins of the username at once and disconnects its connected clients. */
    @Override
    public void disable(MqttUsername username) {
        Objects.requireNonNull(username, "username");
        accounts.disable(username);
        clients.disconnectAll(username.value(), "MQTT access was disabled");
    }

    /** Returns an empty set: this broker reads the stored records on every login, so it never lacks an account. */
    @Override
    public Set<MqttUsername> reconcile(Collection<MqttAccess> stored) {
        Objects.requireNonNull(stored, "stored");
        return Set.of();
    }

    /** Stops the broker; takes a few seconds. Calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            hivemq.stop().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            hivemq.close();
            LOG.info("Embedded MQTT broker on {}:{} stopped", settings.bindHost(), settings.mqttPort());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("Interrupted while stopping the embedded MQTT broker", e);
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("The embedded MQTT broker did not stop cleanly", e);
        } finally {
            RUNNING.set(false);
        }
    }

    private void stopAfterFailedStart() {
        closed.set(true);
        try {
            hivemq.close();
        } catch (ExecutionException | RuntimeException e) {
            LOG.error("Cannot stop the embedded MQTT broker after its failed start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TlsKeystore prepareFolders(EmbeddedBrokerSettings settings) {
        try {
            Files.createDirectories(settings.dataFolder().resolve("data"));
            Files.createDirectories(settings.dataFolder().resolve("extensions"));
            TlsKeystore keystore = settings.keystorePath().isPresent()
                    ? new TlsKeystore(settings.keystorePath().get(), settings.keystorePassword().orElseThrow(),
                            Optional.empty())
                    : SelfSignedCertificate.loadOrCreate(settings.dataFolder().resolve("tls"), settings.bindHost());
            BrokerConfigFile.write(configFolder(settings), settings, keystore);
            return keystore;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the embedded broker's folder " + settings.dataFolder(), e);
        }
    }

    private static Path configFolder(EmbeddedBrokerSettings settings) {
        return settings.dataFolder().resolve("config");
    }

    private static void requirePortFree(String host, int port, String listener) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the embedded broker: the " + listener + " port " + port
                    + " on " + host + " is taken or not available (" + e.getMessage() + "); choose another port", e);
        }
    }
}
