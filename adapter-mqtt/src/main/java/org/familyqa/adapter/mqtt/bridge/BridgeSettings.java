package org.familyqa.adapter.mqtt.bridge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Connection and tuning settings of the server's MQTT bridge, built once in {@code bootstrap}.
 *
 * @param host           the broker's host name or address
 * @param port           the broker's MQTT port, 1 to 65535
 * @param tlsTrust       for TLS, a PEM file of the CA certificates to trust, or a PKCS12 trust store whose name ends
 *                       in {@code .p12} or {@code .pfx}; empty for plain MQTT
 * @param username       the server's broker account
 * @param password       its password; never logged, and hidden by {@link #toString()}
 * @param clientId       the MQTT client id, unique per server instance so that each keeps its own session
 * @param shareGroup     the shared-subscription group that the server instances split the work in
 * @param workers        threads that store device messages, 1 to 64
 * @param maxBatch       the maximum number of messages handed to the core in one call, 1 to 1000
 * @param queueCapacity  device messages held between the MQTT client and the workers; also the receive maximum
 *                       announced to the broker, so it never sends more unacknowledged QoS 1 messages than fit
 * @param sessionExpiry  how long the broker keeps the session and its queued messages while the bridge is away;
 *                       zero for a clean session on every connect
 * @param keepAlive      the MQTT keep-alive interval
 */
public record BridgeSettings(String host, int port, Optional<Path> tlsTrust, String username, String password,
                             String clientId, String shareGroup, int workers, int maxBatch, int queueCapacity,
                             Duration sessionExpiry, Duration keepAlive) {

    public static final String DEFAULT_SHARE_GROUP = "familyqa";
    public static final int DEFAULT_WORKERS = 4;
    public static final int DEFAULT_MAX_BATCH = 200;
    public static final int DEFAULT_QUEUE_CAPACITY = 2000;
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofHours(1);
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);

    public BridgeSettings {
        requireText(host, "host");
        requireRange(port, 1, 65535, "port");
        Objects.requireNonNull(tlsTrust, "tlsTrust");
        requireText(username, "username");
        Objects.requireNonNull(password, "password");
        requireText(clientId, "clientId");
        if (shareGroup == null || !shareGroup.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("shareGroup must be 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-', "
                    + "not '" + shareGroup + "'");
        }
        requireRange(workers, 1, 64, "workers");
        requireRange(maxBatch, 1, 1000, "maxBatch");
        requireRange(queueCapacity, 1, 65535, "queueCapacity");
        requireSeconds(sessionExpiry, 0, 0xFFFF_FFFFL, "sessionExpiry");
        requireSeconds(keepAlive, 1, 65535, "keepAlive");
    }

    /** Returns settings with the defaults for everything but the broker address and the account. */
    public static BridgeSettings of(String host, int port, String username, String password, String clientId) {
        return new BridgeSettings(host, port, Optional.empty(), username, password, clientId, DEFAULT_SHARE_GROUP,
                DEFAULT_WORKERS, DEFAULT_MAX_BATCH, DEFAULT_QUEUE_CAPACITY, DEFAULT_SESSION_EXPIRY,
                DEFAULT_KEEP_ALIVE);
    }

    /** Returns a copy that connects over TLS and trusts the given PEM or PKCS12 file. */
    public BridgeSettings withTlsTrust(Path trustFile) {
        return new BridgeSettings(host, port, Optional.of(trustFile), username, password, clientId, shareGroup,
                workers, maxBatch, queueCapacity, sessionExpiry, keepAlive);
    }

    /** Returns a copy with other worker, batch and queue sizes. */
    public BridgeSettings withWorkers(int workerCount, int batchLimit, int capacity) {
        return new BridgeSettings(host, port, tlsTrust, username, password, clientId, shareGroup,
                workerCount, batchLimit, capacity, sessionExpiry, keepAlive);
    }

    /** Returns a copy with another session expiry. */
    public BridgeSettings withSessionExpiry(Duration expiry) {
        return new BridgeSettings(host, port, tlsTrust, username, password, clientId, shareGroup,
                workers, maxBatch, queueCapacity, expiry, keepAlive);
    }

    @Override
    public String toString() {
        return "BridgeSettings[host=" + host + ", port=" + port + ", tlsTrust=" + tlsTrust + ", username=" + username
                + ", password=***, clientId=" + clientId + ", shareGroup=" + shareGroup + ", workers=" + workers
                + ", maxBatch=" + maxBatch + ", queueCapacity=" + queueCapacity + ", sessionExpiry=" + sessionExpiry
                + ", keepAlive=" + keepAlive + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    private static void requireRange(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    private static void requireSeconds(Duration value, long min, long max, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.getSeconds() < min || value.getSeconds() > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + " seconds, not "
                    + value);
        }
    }
}
