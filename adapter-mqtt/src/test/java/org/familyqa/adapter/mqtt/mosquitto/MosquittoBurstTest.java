package org.familyqa.adapter.mqtt.mosquitto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyqa.adapter.mqtt.mosquitto.TestFamilies.await;
import static org.familyqa.adapter.mqtt.mosquitto.TestFamilies.family;
import static org.familyqa.adapter.mqtt.mosquitto.TestFamilies.utf8;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.familyqa.adapter.mqtt.testing.MosquittoProcess;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.domain.mqtt.MqttAccess;
import org.junit.jupiter.api.Test;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;

/**
 * A subscriber that acknowledges nothing while 3,000 QoS 1 messages arrive must still get all of them, because
 * Mosquitto's default {@code max_queued_messages} of 1000 would drop the rest while the publisher gets PUBACKs.
 */
class MosquittoBurstTest {

    private static final int BURST = 3_000;

    @Test
    void stalledSubscriberLosesNothingOfBurst() throws Exception {
        try (MosquittoProcess mosquitto = MosquittoProcess.startWithDynamicSecurity();
             MosquittoBrokerAccounts accounts = MosquittoBrokerAccounts.start(TestFamilies.settings(mosquitto))) {
            MqttAccess access = family("burst");
            accounts.enable(access, "pw-burst");
            String topic = access.prefix().topic(FamilyTopic.QUESTIONS);
            List<Mqtt5Publish> held = new ArrayList<>();
            Set<String> payloads = ConcurrentHashMap.newKeySet();
            Mqtt5AsyncClient device = TestFamilies.mqtt5(mosquitto, access.username().value(), "pw-burst")
                    .buildAsync();
            device.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> {
                synchronized (held) {
                    held.add(publish);
                }
                payloads.add(new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8));
            }, true);
            // The fixture's max_inflight_messages (20) makes the broker queue everything after 20 unacknowledged.
            device.connect().get(5, TimeUnit.SECONDS);
            device.subscribeWith().topicFilter(topic).qos(MqttQos.AT_LEAST_ONCE).send().get(5, TimeUnit.SECONDS);
            Mqtt5BlockingClient server = TestFamilies.connectServer(mosquitto);

            List<CompletableFuture<Mqtt5PublishResult>> sent = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                sent.add(server.toAsync().publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE)
                        .payload(utf8("message " + i)).send());
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            await(Duration.ofSeconds(60), "all " + BURST + " messages arrive", () -> {
                acknowledgeHeld(held);
                return payloads.size() >= BURST;
            });

            assertThat(payloads).hasSize(BURST);
            server.disconnect();
            device.disconnect().get(5, TimeUnit.SECONDS);
        }
    }

    private static void acknowledgeHeld(List<Mqtt5Publish> held) {
        synchronized (held) {
            held.forEach(Mqtt5Publish::acknowledge);
            held.clear();
        }
    }
}
