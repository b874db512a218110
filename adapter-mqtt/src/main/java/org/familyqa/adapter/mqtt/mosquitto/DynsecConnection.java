package org.familyqa.adapter.mqtt.mosquitto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.TrustManagerFactory;

import org.familyqa.ports.out.BrokerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

/**
 * The administrator's MQTT connection to Mosquitto's dynamic security plugin.
 *
 * <p>Commands go to {@value #COMMAND_TOPIC} as {@code {"commands":[...]}}, and the plugin publishes the responses to
 * one message together on {@value #RESPONSE_TOPIC}, to every administrator that subscribed. Each command carries a
 * {@code correlationData} string unique to this connection, and a response is matched to its command by it. The
 * plugin runs the commands of one message in order and does not stop or roll back at an error. Thread-safe.
 */
final class DynsecConnection implements AutoCloseable {

    static final String COMMAND_TOPIC = "$CONTROL/dynamic-security/v1";
    static final String RESPONSE_TOPIC = "$CONTROL/dynamic-security/v1/response";

    /** Commands per message; keeps a message far below a 16 KiB {@code max_packet_size} and a batch short. */
    static final int MAX_COMMANDS_PER_MESSAGE = 20;

    private static final Logger LOG = LoggerFactory.getLogger(DynsecConnection.class);

    private final MosquittoSettings settings;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final String correlationPrefix = "familyqa-" + UUID.randomUUID() + "-";
    private final AtomicLong nextCorrelation = new AtomicLong();
    private final Mqtt5AsyncClient client;
    private volatile CompletableFuture<Void> subscribed = new CompletableFuture<>();

    private DynsecConnection(MosquittoSettings settings) {
        this.settings = settings;
        this.client = clientBuilder(settings, "familyqa-dynsec-" + UUID.randomUUID())
                .simpleAuth()
                .username(settings.adminUsername())
                .password(settings.adminPassword().getBytes(StandardCharsets.UTF_8))
                .applySimpleAuth()
                .automaticReconnectWithDefaultConfig()
                .addConnectedListener(context -> subscribeToResponses())
                .addDisconnectedListener(context -> subscribed = new CompletableFuture<>())
                .buildAsync();
    }

    /**
     * Connects as the administrator and subscribes to the responses.
     *
     * @throws BrokerUnavailableException if the broker cannot be reached or rejects the administrator
     */
    static DynsecConnection open(MosquittoSettings settings) {
        DynsecConnection connection = new DynsecConnection(settings);
        try {
            connection.client.connect().get(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
            connection.subscribed.get(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            connection.close();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new BrokerUnavailableException("Connecting to Mosquitto at " + settings.host() + ":"
                    + settings.port() + " as dynamic security administrator '" + settings.adminUsername()
                    + "' failed: " + cause + ". Check the broker address and the administrator's credentials.", cause);
        } catch (InterruptedException e) {
            connection.close();
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while connecting to Mosquitto", e);
        }
        LOG.info("Connected to Mosquitto's dynamic security plugin at {}:{} (TLS {}) as '{}'",
                settings.host(), settings.port(), settings.tls(), settings.adminUsername());
        return connection;
    }

    /** Builds an MQTT 5 client for the broker in {@code settings}, with TLS when the settings ask for it. */
    static Mqtt5ClientBuilder clientBuilder(MosquittoSettings settings, String clientId) {
        Mqtt5ClientBuilder builder = Mqtt5Client.builder()
                .identifier(clientId)
                .serverHost(settings.host())
                .serverPort(settings.port());
        if (settings.tls()) {
            builder = builder.sslConfig(sslConfig(settings));
        }
        return builder;
    }

    /**
     * Sends the commands, split into messages of at most {@value #MAX_COMMANDS_PER_MESSAGE}, and returns one response
     * per command in the same order. A response with an {@code error} field is returned, not thrown: callers decide
     * which errors mean that the wanted state already holds.
     *
     * @throws BrokerUnavailableException if a message could not be sent or its responses did not arrive in time
     */
    List<DynsecResponse> execute(List<ObjectNode> commands) {
        List<DynsecResponse> responses = new ArrayList<>(commands.size());
        for (int start = 0; start < commands.size(); start += MAX_COMMANDS_PER_MESSAGE) {
            int end = Math.min(commands.size(), start + MAX_COMMANDS_PER_MESSAGE);
            List<ObjectNode> batch = commands.subList(start, end);
            responses.addAll(executeBatch(batch));
        }
        return responses;
    }

    @Override
    public void close() {
        pending.values().forEach(future -> future.cancel(false));
        try {
            client.disconnect().get(2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException ignored) {
            // Not connected, or the broker is gone: nothing left to close.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<DynsecResponse> executeBatch(List<ObjectNode> batch) {
        List<String> correlations = new ArrayList<>(batch.size());
        List<CompletableFuture<JsonNode>> futures = new ArrayList<>(batch.size());
        ArrayNode commandArray = json.createArrayNode();
        for (ObjectNode command : batch) {
            String correlation = correlationPrefix + nextCorrelation.incrementAndGet();
            CompletableFuture<JsonNode> future = new CompletableFuture<>();
            pending.put(correlation, future);
            correlations.add(correlation);
            futures.add(future);
            commandArray.add(command.deepCopy().put("correlationData", correlation));
        }
        String names = describe(batch);
        long timeoutMillis = settings.commandTimeout().toMillis() * batch.size();
        try {
            subscribed.get(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
            byte[] payload = json.writeValueAsBytes(json.createObjectNode().set("commands", commandArray));
            client.publishWith().topic(COMMAND_TOPIC).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new BrokerUnavailableException("Mosquitto did not respond to the dynamic security command(s) " + names
                    + " within " + timeoutMillis + " ms; is the broker running and the administrator connected?", e);
        } catch (ExecutionException | IOException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new BrokerUnavailableException("Sending the dynamic security command(s) " + names
                    + " to Mosquitto failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("Interrupted while waiting for Mosquitto to respond to " + names, e);
        } finally {
            correlations.forEach(pending::remove);
        }
        List<DynsecResponse> responses = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            responses.add(DynsecResponse.of(batch.get(i), futures.get(i).join()));
        }
        return responses;
    }

    private void subscribeToResponses() {
        CompletableFuture<Void> current = subscribed;
        client.subscribeWith()
                .topicFilter(RESPONSE_TOPIC)
                .qos(MqttQos.AT_LEAST_ONCE)
                .callback(this::onResponse)
                .send()
                .whenComplete((subAck, error) -> {
                    if (error != null) {
                        LOG.error("Subscribing to {} failed; dynamic security commands will time out", RESPONSE_TOPIC,
                                error);
                        current.completeExceptionally(error);
                    } else if (subAck.getReasonCodes().get(0).isError()) {
                        LOG.error("Mosquitto rejected the subscription to {} with {}; does '{}' hold the admin role?",
                                RESPONSE_TOPIC, subAck.getReasonCodes().get(0), settings.adminUsername());
                        current.completeExceptionally(new IllegalStateException(
                                "subscription rejected: " + subAck.getReasonCodes().get(0)));
                    } else {
                        current.complete(null);
                    }
                });
    }

    private void onResponse(Mqtt5Publish publish) {
        try {
            JsonNode responses = json.readTree(publish.getPayloadAsBytes()).path("responses");
            for (JsonNode response : responses) {
                CompletableFuture<JsonNode> future = pending.get(response.path("correlationData").asText(""));
                if (future != null) {
                    future.complete(response);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring an unreadable message on {}: {}", RESPONSE_TOPIC, e.toString());
        }
    }

    private static String describe(List<ObjectNode> batch) {
        List<String> names = new ArrayList<>();
        for (ObjectNode command : batch) {
            names.add(DynsecResponse.describe(command));
        }
        return String.join(", ", names);
    }

    private static MqttClientSslConfig sslConfig(MosquittoSettings settings) {
        if (settings.trustedCa().isEmpty()) {
            return MqttClientSslConfig.builder().build();
        }
        try (InputStream in = Files.newInputStream(settings.trustedCa().get())) {
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(null, null);
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trustStore.setCertificateEntry("ca-" + index++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            return MqttClientSslConfig.builder().trustManagerFactory(factory).build();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the trusted CA file " + settings.trustedCaFile()
                    + " as PEM certificates: " + e.getMessage(), e);
        }
    }
}
