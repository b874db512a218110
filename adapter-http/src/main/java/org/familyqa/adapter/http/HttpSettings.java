package org.familyqa.adapter.http;

import java.util.Objects;

/**
 * Settings of the HTTP adapter.
 *
 * @param bindHost     the address to listen on, such as {@code 127.0.0.1}
 * @param port         the TCP port, or 0 to let the system pick a free one ({@link HttpApi#port()} returns it)
 * @param maxBodyBytes the largest request body read, in bytes; larger bodies get 413
 * @param broker       where devices reach the MQTT broker, returned when a family enables MQTT
 */
public record HttpSettings(String bindHost, int port, int maxBodyBytes, BrokerAddress broker) {

    /** Default maximum request body: 64 KiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    public HttpSettings {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(broker, "broker");
        if (bindHost.isBlank()) {
            throw new IllegalArgumentException("bindHost must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1, not " + maxBodyBytes);
        }
    }

    /** Returns settings with the default maximum body size. */
    public static HttpSettings of(String bindHost, int port, BrokerAddress broker) {
        return new HttpSettings(bindHost, port, DEFAULT_MAX_BODY_BYTES, broker);
    }

    /**
     * The MQTT broker's address as devices use it.
     *
     * @param host    the host name or address devices connect to
     * @param port    the plain MQTT port
     * @param tlsPort the MQTT over TLS port, or 0 if the broker has no TLS listener
     */
    public record BrokerAddress(String host, int port, int tlsPort) {

        public BrokerAddress {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("broker host must not be blank");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("broker port must be 1 to 65535, not " + port);
            }
            if (tlsPort < 0 || tlsPort > 65535) {
                throw new IllegalArgumentException("broker TLS port must be 0 (none) to 65535, not " + tlsPort);
            }
        }
    }
}
