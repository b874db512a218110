package org.familyqa.adapter.mqtt.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

class MosquittoProcessTest {

    @Test
    void anonymousBrokerDeliversMessages() throws Exception {
        try (MosquittoProcess mosquitto = MosquittoProcess.startAnonymous()) {
            Mqtt5BlockingClient subscriber = client(mosquitto.port()).buildBlocking();
            subscriber.connect();
            Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL);
            subscriber.subscribeWith().topicFilter("family/abc/#").qos(MqttQos.AT_LEAST_ONCE).send();
            Mqtt5BlockingClient publisher = client(mosquitto.port()).buildBlocking();
            publisher.connect();

            publisher.publishWith().topic("family/abc/ask").qos(MqttQos.AT_LEAST_ONCE)
                    .payload("hello".getBytes(StandardCharsets.UTF_8)).send();

            Mqtt5Publish received = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
            assertThat(received.getTopic().toString()).isEqualTo("family/abc/ask");
            assertThat(mosquitto.port()).isNotEqualTo(1883);
            publisher.disconnect();
            subscriber.disconnect();
        }
    }

    @Test
    void dynamicSecurityAdmitsOnlyAdministrator() {
        try (MosquittoProcess mosquitto = MosquittoProcess.startWithDynamicSecurity()) {
            Mqtt5BlockingClient admin = client(mosquitto.port()).simpleAuth()
                    .username(mosquitto.adminUsername())
                    .password(mosquitto.adminPassword().getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth().buildBlocking();
            admin.connect();
            admin.disconnect();

            assertThatThrownBy(() -> client(mosquitto.port()).buildBlocking().connect())
                    .hasMessageContaining("NOT_AUTHORIZED");
        }
    }

    @Test
    void dynsecCommandCreatesClientThatPersistsAcrossRestart() throws Exception {
        try (MosquittoProcess mosquitto = MosquittoProcess.startWithDynamicSecurity()) {
            mosquitto.dynsec("createClient", "fixture-user", "-p", "fixture-password");

            mosquitto.restart();

            assertThat(Files.readString(mosquitto.dynamicSecurityFile())).contains("fixture-user");
            Mqtt5BlockingClient user = client(mosquitto.port()).simpleAuth().username("fixture-user")
                    .password("fixture-password".getBytes(StandardCharsets.UTF_8)).applySimpleAuth().buildBlocking();
            user.connect();
            user.disconnect();
            assertThatThrownBy(() -> mosquitto.dynsec("createClient", "fixture-user", "-p", "other"))
                    .hasMessageContaining("already exists");
        }
    }

    @Test
    void tlsListenerAcceptsClientTrustingCa() {
        try (MosquittoProcess mosquitto = MosquittoProcess.builder().anonymous().tls().start()) {
            MqttClientSslConfig ssl = MqttClientSslConfig.builder()
                    .trustManagerFactory(mosquitto.trustManagerFactory()).build();
            Mqtt5BlockingClient client = client(mosquitto.tlsPort()).sslConfig(ssl).buildBlocking();

            client.connect();

            assertThat(client.getState().isConnected()).isTrue();
            client.disconnect();
        }
    }

    private static Mqtt5ClientBuilder client(int port) {
        return Mqtt5Client.builder().serverHost(MosquittoProcess.HOST).serverPort(port);
    }
}
