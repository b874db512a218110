package org.familyqa.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

/**
 * End-to-end load on the server's ask path: devices publish asks on {@code family/<slug>/ask} (QoS 1) and receive the
 * stored questions on {@code family/<slug>/questions} (QoS 1), matched by the {@code request_id} the server echoes.
 *
 * <p>{@code setup} creates families through the HTTP API, enables MQTT for each and writes their credentials to a
 * file. {@code run} connects one device per family (it publishes and subscribes on the same connection) and loads
 * them in one of two modes:
 * <ul>
 *     <li>{@code max}: closed loop with at most {@code --window} asks outstanding (sent, question not yet received);
 *     the figure is questions received per second;</li>
 *     <li>{@code fixed}: open loop at {@code --rate} asks per second; latency from the publish call to the receipt,
 *     and from the planned send time, which also counts the driver's own lateness.</li>
 * </ul>
 * The first {@code --warmup-seconds} are not counted. Each run prints one {@code RESULT key=value ...} line.
 */
public final class AskLoad {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CAPACITY = 2_000_000;
    private static final byte[] REQUEST_ID_KEY = "\"request_id\":\"b".getBytes(StandardCharsets.US_ASCII);

    private AskLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("""
                    usage:
                      setup --http http://127.0.0.1:PORT --admin-token TOKEN --families N --out FILE
                      run --mqtt-port PORT --credentials FILE --mode max|fixed [--window 200] [--rate 1000]
                          [--seconds 6] [--warmup-seconds 2] [--size 200] [--label server] [--mqtt-host 127.0.0.1]
                    """);
            System.exit(2);
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "setup" -> setup(options);
            case "run" -> run(options);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private static void setup(Map<String, String> options) throws IOException, InterruptedException {
        String http = required(options, "http");
        String adminToken = required(options, "admin-token");
        int families = Integer.parseInt(options.getOrDefault("families", "10"));
        HttpClient client = HttpClient.newHttpClient();
        StringBuilder lines = new StringBuilder();
        String runTag = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        long[] enableMicros = new long[families];
        for (int i = 0; i < families; i++) {
            JsonNode family = post(client, http + "/api/families", adminToken,
                    "{\"name\":\"Bench " + i + "\",\"topic_slug\":\"bench-" + runTag + "-" + i + "\"}");
            String id = family.get("family_id").asText();
            long before = System.nanoTime();
            JsonNode mqtt = post(client, http + "/api/families/" + id + "/mqtt/enable", family.get("token").asText(),
                    "{}");
            enableMicros[i] = (System.nanoTime() - before) / 1000;
            lines.append(mqtt.get("username").asText()).append(' ').append(mqtt.get("password").asText()).append(' ')
                    .append(mqtt.get("topic_prefix").asText()).append('\n');
        }
        Files.writeString(Path.of(required(options, "out")), lines.toString());
        Arrays.sort(enableMicros);
        System.out.println("SETUP families=" + families + " enable_p50_us=" + enableMicros[families / 2]
                + " enable_max_us=" + enableMicros[families - 1]);
    }

    private static JsonNode post(HttpClient client, String url, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + url + " returned " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static void run(Map<String, String> options) throws Exception {
        String host = options.getOrDefault("mqtt-host", "127.0.0.1");
        int port = Integer.parseInt(required(options, "mqtt-port"));
        boolean max = required(options, "mode").equals("max");
        int window = Integer.parseInt(options.getOrDefault("window", "200"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "6"));
        int warmupSeconds = Integer.parseInt(options.getOrDefault("warmup-seconds", "2"));
        int size = Integer.parseInt(options.getOrDefault("size", "200"));
        String label = options.getOrDefault("label", "server");

        List<String[]> devices = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(required(options, "credentials")))) {
            if (!line.isBlank()) {
                devices.add(line.trim().split(" "));
            }
        }
        AtomicLongArray sentAt = new AtomicLongArray(CAPACITY);
        long[] plannedAt = new long[CAPACITY];
        long[] window0 = new long[2];
        Latencies fromSend = new Latencies();
        Latencies fromPlan = new Latencies();
        AtomicLong receivedInWindow = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        Semaphore outstanding = new Semaphore(window);

        List<Mqtt5AsyncClient> clients = new ArrayList<>();
        List<String> askTopics = new ArrayList<>();
        String pid = Long.toString(ProcessHandle.current().pid());
        for (int i = 0; i < devices.size(); i++) {
            String[] device = devices.get(i);
            Mqtt5AsyncClient client = MqttClient.builder().useMqttVersion5()
                    .identifier("bench-" + pid + "-" + i).serverHost(host).serverPort(port)
                    .simpleAuth().username(device[0]).password(device[1].getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth().buildAsync();
            client.connectWith().cleanStart(true).send().get(10, TimeUnit.SECONDS);
            client.subscribeWith().topicFilter(device[2] + "/questions").qos(MqttQos.AT_LEAST_ONCE)
                    .callback(publish -> {
                        long now = System.nanoTime();
                        int seq = sequenceOf(publish);
                        if (seq < 0) {
                            return;
                        }
                        long sent = sentAt.getAndSet(seq, 0);
                        if (sent == 0) {
                            duplicates.incrementAndGet();
                            return;
                        }
                        if (max) {
                            outstanding.release();
                        }
                        if (now >= window0[0] && now < window0[1]) {
                            receivedInWindow.incrementAndGet();
                            fromSend.add(now - sent);
                            if (!max) {
                                fromPlan.add(now - plannedAt[seq]);
                            }
                        }
                    })
                    .send().get(10, TimeUnit.SECONDS);
            clients.add(client);
            askTopics.add(device[2] + "/ask");
        }

        String runTag = pid + "-" + Long.toString(System.currentTimeMillis(), 36);
        long start = System.nanoTime();
        window0[0] = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        window0[1] = window0[0] + TimeUnit.SECONDS.toNanos(seconds);
        long end = window0[1];
        int seq = 1;
        long interval = 1_000_000_000L / rate;
        while (seq < CAPACITY) {
            long planned;
            if (max) {
                if (!outstanding.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                    if (System.nanoTime() >= end) {
                        break;
                    }
                    continue;
                }
                planned = System.nanoTime();
            } else {
                planned = start + (seq - 1) * interval;
                long wait;
                while ((wait = planned - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            if (planned >= end) {
                break;
            }
            int device = seq % clients.size();
            plannedAt[seq] = planned;
            sentAt.set(seq, System.nanoTime());
            clients.get(device).publishWith().topic(askTopics.get(device)).qos(MqttQos.AT_LEAST_ONCE)
                    .payload(payload(seq, size, runTag)).send();
            seq++;
        }
        // Questions still in flight at the end of the window are not counted; let them drain before disconnecting.
        Thread.sleep(500);
        for (Mqtt5AsyncClient client : clients) {
            client.disconnect().get(5, TimeUnit.SECONDS);
        }

        long received = receivedInWindow.get();
        StringBuilder result = new StringBuilder("RESULT test=familyqa-e2e label=").append(label)
                .append(" mode=").append(max ? "max" : "fixed")
                .append(" devices=").append(clients.size())
                .append(max ? " window=" + window : " rate=" + rate)
                .append(" seconds=").append(seconds)
                .append(" sent=").append(seq - 1)
                .append(" received_in_window=").append(received)
                .append(" duplicates=").append(duplicates.get())
                .append(" rate_out=").append(Math.round(received / (double) seconds));
        fromSend.appendTo(result, "");
        if (!max) {
            fromPlan.appendTo(result, "sched_");
        }
        System.out.println(result);
    }

    /** Reads the sequence number from {@code "request_id":"b<n>-<run>"} in a stored question, or -1. */
    private static int sequenceOf(Mqtt5Publish publish) {
        byte[] payload = publish.getPayloadAsBytes();
        outer:
        for (int i = 0; i + REQUEST_ID_KEY.length < payload.length; i++) {
            for (int j = 0; j < REQUEST_ID_KEY.length; j++) {
                if (payload[i + j] != REQUEST_ID_KEY[j]) {
                    continue outer;
                }
            }
            int value = 0;
            for (int k = i + REQUEST_ID_KEY.length; k < payload.length && payload[k] >= '0' && payload[k] <= '9'; k++) {
                value = value * 10 + (payload[k] - '0');
            }
            return value;
        }
        return -1;
    }

    /**
     * A JSON ask of {@code size} bytes whose request id carries the sequence number and this run's tag: the server
     * stores a repeated request id only once, so ids must not repeat across runs.
     */
    private static byte[] payload(int seq, int size, String runTag) {
        String head = "{\"question_text\":\"Who left the light on in the garden shed last night? ";
        String tail = "\",\"category\":\"general\",\"asked_by\":\"bench\",\"request_id\":\"b" + seq + "-" + runTag + "\"}";
        int padding = Math.max(1, size - head.length() - tail.length());
        return (head + "x".repeat(padding) + tail).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected an option, not " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("--" + key + " is required");
        }
        return value;
    }

    /** Collected latencies in nanoseconds; receipts come on several client threads. */
    private static final class Latencies {
        private long[] values = new long[1 << 16];
        private int count;

        synchronized void add(long nanos) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = nanos;
        }

        synchronized void appendTo(StringBuilder result, String prefix) {
            long[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            for (int percentile : new int[] {50, 90, 99}) {
                long value = sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1,
                        (int) Math.ceil(sorted.length * percentile / 100.0) - 1)];
                result.append(' ').append(prefix).append('p').append(percentile).append("_us=").append(value / 1000);
            }
        }
    }
}
