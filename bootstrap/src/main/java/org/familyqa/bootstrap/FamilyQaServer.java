package org.familyqa.bootstrap;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.familyqa.adapter.http.HttpApi;
import org.familyqa.adapter.http.HttpSettings;
import org.familyqa.adapter.http.HttpUseCases;
import org.familyqa.adapter.mqtt.bridge.BridgeSettings;
import org.familyqa.adapter.mqtt.bridge.MqttBridge;
import org.familyqa.adapter.mqtt.hivemq.EmbeddedBroker;
import org.familyqa.adapter.mqtt.hivemq.EmbeddedBrokerSettings;
import org.familyqa.adapter.mqtt.mosquitto.MosquittoBrokerAccounts;
import org.familyqa.adapter.mqtt.mosquitto.MosquittoSettings;
import org.familyqa.adapter.postgres.PersistenceAdapter;
import org.familyqa.adapter.postgres.PersistenceSettings;
import org.familyqa.application.CoreServices;
import org.familyqa.application.SaltedSha256PasswordHasher;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.domain.mqtt.Secrets;
import org.familyqa.ports.out.BrokerAccounts;
import org.familyqa.ports.out.MqttAccessRepository;
import org.familyqa.ports.out.PasswordHasher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server: database, broker access, core, MQTT bridge and HTTP API, started in dependency order and
 * closed in reverse.
 */
public final class FamilyQaServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FamilyQaServer.class);
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final ServerConfiguration configuration;
    private PersistenceAdapter persistence;
    private MqttBridge bridge;
    private HttpApi http;
    private Optional<Path> brokerCertificate = Optional.empty();
    private Optional<String> generatedAdminToken = Optional.empty();

    private FamilyQaServer(ServerConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * Starts every part of the server. On failure, the parts already started are closed again.
     *
     * @throws ConfigurationException if a port is taken or a setting is unusable
     */
    public static FamilyQaServer start(ServerConfiguration configuration) {
        FamilyQaServer server = new FamilyQaServer(configuration);
        try {
            server.startParts();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void startParts() {
        checkPorts();
        SecureRandom random = new SecureRandom();
        PasswordHasher hasher = new SaltedSha256PasswordHasher(random);

        // The database migrates on another thread while the broker starts on this one.
        CompletableFuture<PersistenceAdapter> opening = CompletableFuture.supplyAsync(
                () -> PersistenceAdapter.start(persistenceSettings()), FamilyQaServer::runOnStartThread);
        String serverPassword = configuration.broker().serverPassword().orElseGet(() -> new Secrets(random).newSecret());
        BrokerAccounts brokerAccounts;
        try {
            brokerAccounts = startBrokerAccess(hasher, serverPassword,
                    new DeferredMqttAccessRepository(opening.thenApply(PersistenceAdapter::mqttAccess)));
        } catch (RuntimeException e) {
            opening.thenAccept(PersistenceAdapter::close);
            throw e;
        }
        persistence = awaitPersistence(opening);
        // Closed last: the broker's resource was pushed first, but it reads the database only while clients log in.
        resources.addLast(persistence);

        bridge = new MqttBridge(bridgeSettings(serverPassword));
        resources.push(bridge);
        CoreServices core = CoreServices.builder()
                .families(persistence.families())
                .questions(persistence.questions())
                .answers(persistence.answers())
                .outbox(persistence.outbox())
                .mqttAccess(persistence.mqttAccess())
                .adminTokens(persistence.adminToken())
                .processedRequests(persistence.processedRequests())
                .brokerAccounts(brokerAccounts)
                .brokerProbe(bridge)
                .eventPublisher(bridge)
                .outboxSignal(bridge)
                .clock(Clock.systemUTC())
                .random(random)
                .passwordHasher(hasher)
                .rateLimit(configuration.rateLimit())
                .relayOwner(configuration.instanceId())
                .build();

        generatedAdminToken = core.authentication().initializeAdminToken(configuration.adminToken());
        reconcileBroker(core);
        bridge.start(core.deviceMessages(), core.outboxRelay());
        schedulePurge(core);

        http = HttpApi.start(httpSettings(), new HttpUseCases(core.families(), core.authentication(),
                core.questions(), core.mqttAccess()));
        resources.push(http);
    }

    private void checkPorts() {
        ServerConfiguration.Http httpSettings = configuration.http();
        PortCheck.requireFree(httpSettings.host(), httpSettings.port(), "FAMILYQA_HTTP_PORT");
        ServerConfiguration.Broker broker = configuration.broker();
        if (broker.kind() == ServerConfiguration.BrokerKind.EMBEDDED) {
            PortCheck.requireFree(broker.host(), broker.port(), "FAMILYQA_MQTT_PORT");
            PortCheck.requireFree(broker.host(), broker.tlsPort(), "FAMILYQA_MQTT_TLS_PORT");
        }
    }

    private PersistenceSettings persistenceSettings() {
        ServerConfiguration.Database database = configuration.database();
        PersistenceSettings base = database.url()
                .map(url -> PersistenceSettings.postgres(url, database.user(), database.password()))
                .orElseGet(() -> PersistenceSettings.h2File(configuration.dataDir().resolve("db")));
        return base.withPool(database.poolSize(), database.connectionTimeout(), Duration.ofSeconds(60));
    }

    private static void runOnStartThread(Runnable task) {
        Thread thread = new Thread(task, "familyqa-database-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static PersistenceAdapter awaitPersistence(CompletableFuture<PersistenceAdapter> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private BrokerAccounts startBrokerAccess(PasswordHasher hasher, String serverPassword,
                                             MqttAccessRepository accessRepository) {
        ServerConfiguration.Broker broker = configuration.broker();
        if (broker.kind() == ServerConfiguration.BrokerKind.EMBEDDED) {
            EmbeddedBrokerSettings settings = new EmbeddedBrokerSettings(broker.host(), broker.port(),
                    broker.tlsPort(), configuration.dataDir().resolve("broker"), broker.keystore(),
                    broker.keystorePassword(), broker.serverUser(), serverPassword);
            EmbeddedBroker embedded = EmbeddedBroker.start(settings, accessRepository, hasher);
            resources.push(embedded);
            brokerCertificate = embedded.trustedCertificatePem();
            return embedded;
        }
        MosquittoSettings settings = new MosquittoSettings(broker.host(), broker.useTls() ? broker.tlsPort()
                : broker.port(), broker.useTls(), broker.caFile().orElse(null), broker.adminUser(),
                broker.adminPassword().orElseThrow(), broker.serverUser(), serverPassword, broker.shareGroup(),
                broker.commandTimeout());
        MosquittoBrokerAccounts mosquitto = MosquittoBrokerAccounts.start(settings);
        resources.push(mosquitto);
        return mosquitto;
    }

    private BridgeSettings bridgeSettings(String serverPassword) {
        ServerConfiguration.Broker broker = configuration.broker();
        boolean external = broker.kind() == ServerConfiguration.BrokerKind.MOSQUITTO;
        // The embedded broker runs in this process, so the bridge reaches it over loopback whatever address it binds.
        String host = external ? broker.host() : connectableHost(broker.host());
        BridgeSettings settings = new BridgeSettings(host, broker.port(), Optional.empty(), broker.serverUser(),
                serverPassword, EmbeddedBrokerSettings.SERVER_CLIENT_ID_PREFIX + configuration.instanceId(),
                broker.shareGroup(),
                BridgeSettings.DEFAULT_WORKERS, BridgeSettings.DEFAULT_MAX_BATCH,
                BridgeSettings.DEFAULT_QUEUE_CAPACITY, BridgeSettings.DEFAULT_SESSION_EXPIRY,
                BridgeSettings.DEFAULT_KEEP_ALIVE);
        if (external && broker.useTls()) {
            settings = new BridgeSettings(host, broker.tlsPort(), broker.caFile(), broker.serverUser(),
                    serverPassword, settings.clientId(), settings.shareGroup(), settings.workers(),
                    settings.maxBatch(), settings.queueCapacity(), settings.sessionExpiry(), settings.keepAlive());
        }
        return settings;
    }

    private HttpSettings httpSettings() {
        ServerConfiguration.Broker broker = configuration.broker();
        return HttpSettings.of(configuration.http().host(), configuration.http().port(),
                new HttpSettings.BrokerAddress(broker.publicHost(), broker.port(), broker.tlsPort()));
    }

    private void reconcileBroker(CoreServices core) {
        Set<MqttUsername> missing = core.mqttAccess().reconcileBroker();
        for (MqttUsername username : missing) {
            LOG.warn("Broker account {} is enabled in the database but missing on the broker; the family must reset"
                    + " its MQTT credentials before its devices can connect", username);
        }
    }

    private void schedulePurge(CoreServices core) {
        ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "familyqa-request-id-purge");
            thread.setDaemon(true);
            return thread;
        });
        resources.push(purger::shutdownNow);
        purger.scheduleWithFixedDelay(() -> {
            try {
                int purged = core.purgeExpiredRequestIds();
                LOG.debug("Forgot {} expired request ids", purged);
            } catch (RuntimeException e) {
                LOG.warn("Purging expired request ids failed; retrying in {}", PURGE_INTERVAL, e);
            }
        }, 1, PURGE_INTERVAL.toMinutes(), TimeUnit.MINUTES);
    }

    private static String connectableHost(String bindHost) {
        return "0.0.0.0".equals(bindHost) || "::".equals(bindHost) ? "127.0.0.1" : bindHost;
    }

    /** Returns the port the HTTP API listens on. */
    public int httpPort() {
        return http.port();
    }

    /** Returns the admin token generated at first start, if this start generated one. */
    public Optional<String> generatedAdminToken() {
        return generatedAdminToken;
    }

    /** Returns the PEM certificate that TLS clients of the embedded broker trust, if the broker is embedded. */
    public Optional<Path> brokerCertificate() {
        return brokerCertificate.filter(Files::exists);
    }

    /** Returns whether the bridge is connected to the broker and subscribed to the device topics. */
    public boolean isBridgeReady() {
        return bridge != null && bridge.isConnected() && bridge.isSubscribed();
    }

    /** Returns the configuration the server runs with. */
    public ServerConfiguration configuration() {
        return configuration;
    }

    /**
     * Stops taking work and closes every part: HTTP first, then the bridge (which finishes the messages in flight),
     * the broker and the database pool.
     */
    @Override
    public void close() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
