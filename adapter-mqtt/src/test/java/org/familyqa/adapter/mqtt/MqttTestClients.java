package org.familyqa.adapter.mqtt;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.TrustManagerFactory;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;

/** Builders of unconnected HiveMQ test clients with short timeouts and no automatic reconnect. */
public final class MqttTestClients {

    private static final int CONNECT_TIMEOUT_SECONDS = 5;

    private MqttTestClients() {
    }

    public static Mqtt5BlockingClient mqtt5(String host, int port) {
        return Mqtt5Client.builder()
                .identifier(newClientId())
                .transportConfig(transport(host, port, null))
                .buildBlocking();
    }

    public static Mqtt5BlockingClient mqtt5(String host, int port, String clientId) {
        return Mqtt5Client.builder()
                .identifier(clientId)
                .transportConfig(transport(host, port, null))
                .buildBlocking();
    }

    public static Mqtt5BlockingClient mqtt5Tls(String host, int port, Path trustedPem) {
        return Mqtt5Client.builder()
                .identifier(newClientId())
                .transportConfig(transport(host, port, sslTrusting(trustedPem)))
                .buildBlocking();
    }

    public static Mqtt3BlockingClient mqtt3(String host, int port) {
        return Mqtt3Client.builder()
                .identifier(newClientId())
                .transportConfig(transport(host, port, null))
                .buildBlocking();
    }

    public static String newClientId() {
        return "test-" + UUID.randomUUID();
    }

    private static MqttClientTransportConfig transport(String host, int port, MqttClientSslConfig ssl) {
        return MqttClientTransportConfig.builder()
                .serverHost(host)
                .serverPort(port)
                .sslConfig(ssl)
                .socketConnectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .mqttConnectTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .build();
    }

    private static MqttClientSslConfig sslTrusting(Path trustedPem) {
        try (InputStream in = Files.newInputStream(trustedPem)) {
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(null, null);
            int index = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trustStore.setCertificateEntry("trusted-" + index++, certificate);
            }
            TrustManagerFactory trustManagers =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trustStore);
            return MqttClientSslConfig.builder().trustManagerFactory(trustManagers).build();
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the trusted certificate " + trustedPem, e);
        }
    }
}
