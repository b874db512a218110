package org.familyqa.adapter.mqtt.hivemq;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.mqtt.MqttUsername;

/**
 * Settings of the embedded HiveMQ CE broker.
 *
 * @param bindHost         the address both listeners bind to, such as {@value #DEFAULT_BIND_HOST}; also written into
 *                         the generated certificate's subject alternative names
 * @param mqttPort         the plain MQTT port, 1 to 65535; port 0 is rejected because the broker cannot report the
 *                         port it picked
 * @param tlsPort          the MQTT over TLS port, 1 to 65535, different from {@code mqttPort}
 * @param dataFolder       the broker's own folder: its configuration, data, TLS keystore and certificate live below
 * @param keystorePath     a PKCS12 or JKS keystore with the TLS key and certificate chain; when empty, a self-signed
 *                         certificate is generated at first start and kept in {@code dataFolder}
 * @param keystorePassword the password of {@code keystorePath} and of its key; present exactly when the path is
 * @param serverUsername   the username of the server's own account, which must not look like a family username
 * @param serverPassword   the password of the server's own account; the broker keeps only its hash
 */
public record EmbeddedBrokerSettings(String bindHost, int mqttPort, int tlsPort, Path dataFolder,
                                     Optional<Path> keystorePath, Optional<String> keystorePassword,
                                     String serverUsername, String serverPassword) {

    public static final String DEFAULT_BIND_HOST = "127.0.0.1";
    public static final int DEFAULT_MQTT_PORT = 1883;
    public static final int DEFAULT_TLS_PORT = 8883;

    /**
     * Start of the client ids reserved for the server's own connections. A family login with such an id is rejected,
     * so that no device can take over the bridge's persistent session, even while the bridge is offline.
     */
    public static final String SERVER_CLIENT_ID_PREFIX = "familyqa-";

    /** The maximum MQTT packet size in bytes; larger packets never reach a subscriber. */
    public static final int MAX_PACKET_SIZE = 16_384;

    public EmbeddedBrokerSettings {
        requireText(bindHost, "bindHost");
        requirePort(mqttPort, "mqttPort");
        requirePort(tlsPort, "tlsPort");
        if (mqttPort == tlsPort) {
            throw new IllegalArgumentException("mqttPort and tlsPort must differ, both are " + mqttPort);
        }
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(keystorePath, "keystorePath");
        Objects.requireNonNull(keystorePassword, "keystorePassword");
        if (keystorePath.isPresent() != keystorePassword.isPresent()) {
            throw new IllegalArgumentException("keystorePath and keystorePassword must be given together");
        }
        requireText(serverUsername, "serverUsername");
        if (MqttUsername.isFamilyUsername(serverUsername)) {
            throw new IllegalArgumentException("serverUsername must not start with '" + MqttUsername.FAMILY_PREFIX
                    + "' followed by a slug, because such names belong to families: " + serverUsername);
        }
        requireText(serverPassword, "serverPassword");
    }

    /** Returns settings with a generated self-signed certificate. */
    public static EmbeddedBrokerSettings withGeneratedCertificate(String bindHost, int mqttPort, int tlsPort,
                                                                  Path dataFolder, String serverUsername,
                                                                  String serverPassword) {
        return new EmbeddedBrokerSettings(bindHost, mqttPort, tlsPort, dataFolder, Optional.empty(),
                Optional.empty(), serverUsername, serverPassword);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePort(int port, String name) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be between 1 and 65535, was " + port);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedBrokerSettings[bindHost=" + bindHost + ", mqttPort=" + mqttPort + ", tlsPort=" + tlsPort
                + ", dataFolder=" + dataFolder + ", keystorePath=" + keystorePath + ", serverUsername="
                + serverUsername + ", passwords hidden]";
    }
}
