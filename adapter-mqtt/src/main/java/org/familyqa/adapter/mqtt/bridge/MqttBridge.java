package org.familyqa.adapter.mqtt.bridge;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.ports.in.DeviceMessageUseCase;
import org.familyqa.ports.in.OutboxRelayUseCase;
import org.familyqa.ports.out.BrokerProbe;
import org.familyqa.ports.out.BrokerUnavailableException;
import org.familyqa.ports.out.EventPublisher;
import org.familyqa.ports.out.FamilyEvent;
import org.familyqa.ports.out.OutboxSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's MQTT bridge: reads devices' {@code ask} and {@code respond} messages through a shared subscription,
 * publishes the outbox's events, and probes the broker.
 *
 * <p>Build it, hand it to the core as its {@link EventPublisher} and {@link OutboxSignal}, then {@link #start} it with
 * the use cases. The client reconnects on its own and keeps a persistent session ({@code cleanStart=false} with the
 * configured expiry), so QoS 1 messages that arrive while it reconnects are queued by the broker. Retained copies of
 * device messages are skipped with a warning: the subscription requests none ({@code retainHandling=DO_NOT_SEND}),
 * and with {@code retainAsPublished=false} a live publish arrives with the retain flag cleared, so a copy flagged
 * retained is an old message that would otherwise be stored again after every restart. Skipping it sends no error
 * either, for the same reason.
 *
 * <p>The probe publishes on {@code <prefix>/probe} and subscribes to that exact topic (not shared) while it waits, so
 * the server's account needs publish and subscribe rights there. Thread-safe.
 */
public final class MqttBridge implements EventPublisher, BrokerProbe, OutboxSignal, AutoCloseable {

    /** The topic level under a family's prefix that probe messages use. */
    public static final String PROBE_LEVEL = "probe";

    private static final Logger LOG = LoggerFactory.getLogger(MqttBridge.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    private final BridgeSettings settings;
    private final Mqtt5AsyncClient client;
    private final Outbound outbound;
    private final MessageJson json = new MessageJson();
    private final ScheduledExecutorService scheduler;
    private final Subscriptions subscriptions;
    private final ConcurrentMap<String, CompletableFuture<Long>> pendingProbes = new ConcurrentHashMap<>();
    private final AtomicBoolean connected = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean closing;
    private volatile InboundWorkers workers;
    private volatile OutboxRelayLoop relayLoop;

    public MqttBridge(BridgeSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mqtt-bridge-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        this.client = buildClient(settings);
        this.outbound = new Outbound(client);
        this.subscriptions = new Subscriptions(client, settings.shareGroup(), scheduler);
    }

    /**
     * Starts the workers and the outbox relay and connects. Returns at once: when the broker is unreachable the
     * client keeps trying, and {@link #isConnected()} returns whether it is connected.
     *
     * @throws IllegalStateException if called twice
     */
    public void start(DeviceMessageUseCase deviceMessages, OutboxRelayUseCase outboxRelay) {
        Objects.requireNonNull(deviceMessages, "deviceMessages");
        Objects.requireNonNull(outboxRelay, "outboxRelay");
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("The MQTT bridge was already started");
        }
        Replies replies = new Replies(outbound, json);
        workers = new InboundWorkers(settings.workers(), settings.maxBatch(), 2 * settings.queueCapacity(),
                deviceMessages, replies);
        relayLoop = new OutboxRelayLoop(outboxRelay, this::isConnected);
        workers.start();
        relayLoop.start();

        // Registered before connecting, so messages the broker kept in the session are not missed.
        client.publishes(MqttGlobalPublishFilter.ALL, this::onPublish, true);
        LOG.info("Connecting the MQTT bridge to {}:{}{} as {} (client id {})", settings.host(), settings.port(),
                settings.tlsTrust().isPresent() ? " over TLS" : "", settings.username(), settings.clientId());
        client.connectWith()
                .cleanStart(false)
                .sessionExpiryInterval(settings.sessionExpiry().getSeconds())
                .keepAlive((int) settings.keepAlive().getSeconds())
                .restrictions().receiveMaximum(settings.queueCapacity()).applyRestrictions()
                .send()
                .whenComplete((connAck, failure) -> {
                    if (failure != null) {
                        LOG.warn("First connect to {}:{} failed: {}; retrying", settings.host(), settings.port(),
                                failure.toString());
                    }
                });
    }

    /** Returns whether the client is connected to the broker. */
    public boolean isConnected() {
        return connected.get();
    }

    /** Returns whether the broker granted the device-topic subscriptions on the current connection. */
    public boolean isSubscribed() {
        return connected.get() && subscriptions.isSubscribed();
    }

    @Override
    public CompletableFuture<Void> publish(FamilyEvent event) {
        Objects.requireNonNull(event, "event");
        if (!connected.get()) {
            return CompletableFuture.failedFuture(new BrokerUnavailableException(
                    "The MQTT bridge is not connected to " + settings.host() + ":" + settings.port()));
        }
        FamilyTopic subtopic = event instanceof FamilyEvent.QuestionAsked ? FamilyTopic.QUESTIONS : FamilyTopic.ANSWERS;
        return outbound.publish(event.prefix().topic(subtopic), json.event(event), Optional.empty())
                .orTimeout(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(MqttBridge::asBrokerUnavailable);
    }

    @Override
    public void eventsCommitted() {
        OutboxRelayLoop loop = relayLoop;
        if (loop != null) {
            loop.signal();
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Probes run one at a time, so a second caller waits for the first.
     */
    @Override
    public synchronized Duration roundTrip(TopicPrefix prefix, Duration timeout) {
        return new Probe(client, outbound, json, pendingProbes, connected::get).roundTrip(prefix, timeout);
    }

    /** Disconnects and stops the threads. The broker delivers messages that were not yet acknowledged again. */
    @Override
    public void close() {
        LOG.info("Stopping the MQTT bridge (client id {})", settings.clientId());
        closing = true;
        OutboxRelayLoop loop = relayLoop;
        if (loop != null) {
            loop.stop();
        }
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Disconnecting from {}:{} failed: {}", settings.host(), settings.port(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        InboundWorkers current = workers;
        if (current != null) {
            current.stop();
        }
        scheduler.shutdownNow();
    }

    /** Runs on the client's callback thread, so it only queues the message and never waits. */
    private void onPublish(Mqtt5Publish publish) {
        try {
            String topic = publish.getTopic().toString();
            if (topic.endsWith("/" + PROBE_LEVEL)) {
                Probe.arrived(publish, pendingProbes);
                publish.acknowledge();
            } else if (publish.isRetain()) {
                LOG.warn("Skipped a retained message on {}: only live messages are stored", topic);
                publish.acknowledge();
            } else {
                workers.offer(publish);
            }
        } catch (RuntimeException e) {
            LOG.warn("Dropping a message on {} after an unexpected failure", publish.getTopic(), e);
            publish.acknowledge();
        }
    }

    private void onConnected() {
        connected.set(true);
        LOG.info("MQTT bridge connected to {}:{}", settings.host(), settings.port());
        subscriptions.connected();
        eventsCommitted();
    }

    private void onDisconnected(MqttClientDisconnectedContext context) {
        subscriptions.disconnected();
        if (closing) {
            connected.set(false);
            LOG.info("MQTT bridge disconnected from {}:{}", settings.host(), settings.port());
        } else if (connected.getAndSet(false)) {
            LOG.warn("MQTT bridge disconnected from {}:{} ({}); reconnecting", settings.host(), settings.port(),
                    context.getCause().toString());
        } else {
            LOG.debug("Reconnect attempt {} to {}:{} failed: {}", context.getReconnector().getAttempts(),
                    settings.host(), settings.port(), context.getCause().toString());
        }
    }

    private Mqtt5AsyncClient buildClient(BridgeSettings config) {
        Mqtt5ClientBuilder builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(config.clientId())
                .serverHost(config.host())
                .serverPort(config.port())
                .automaticReconnect()
                .initialDelay(200, TimeUnit.MILLISECONDS)
                .maxDelay(5, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .simpleAuth()
                .username(config.username())
                .password(config.password().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth()
                .addConnectedListener(context -> onConnected())
                .addDisconnectedListener(this::onDisconnected);
        if (config.tlsTrust().isPresent()) {
            builder = builder.sslConfig().trustManagerFactory(TrustFiles.load(config.tlsTrust().get())).applySslConfig();
        }
        return builder.buildAsync();
    }

    private static CompletableFuture<Void> asBrokerUnavailable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause instanceof BrokerUnavailableException) {
            return CompletableFuture.failedFuture(cause);
        }
        if (cause instanceof TimeoutException) {
            return CompletableFuture.failedFuture(new BrokerUnavailableException(
                    "The broker did not acknowledge the event within " + PUBLISH_TIMEOUT.toSeconds() + " s", cause));
        }
        return CompletableFuture.failedFuture(new BrokerUnavailableException(String.valueOf(cause), cause));
    }
}
