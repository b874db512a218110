package org.familyqa.adapter.mqtt.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.familyqa.adapter.mqtt.testing.MosquittoProcess;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.domain.question.Question;
import org.junit.jupiter.api.Test;

/**
 * The bridge across a broker restart that loses every session, as Mosquitto does with persistence off. The relay is
 * paused until the observer has subscribed again, because events published before that would reach nobody.
 */
class MqttBridgeReconnectTest {

    @Test
    void brokerRestartResubscribesAndPublishesBacklog() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.startAnonymous()) {
            FakeCore core = new FakeCore();
            TopicPrefix prefix = core.addFamily("restart", false);
            try (MqttBridge bridge = new MqttBridge(BridgeSettings.of(broker.host(), broker.port(), "server",
                    "unused", "bridge-" + UUID.randomUUID()))) {
                core.connect(bridge, bridge);
                bridge.start(core, core);
                MqttBridgeTest.awaitSubscribed(bridge);

                core.pauseRelay(true);
                broker.stop();
                awaitDisconnected(bridge);
                Question storedMeanwhile = core.storeQuestion(prefix, "Stored while the broker was down");
                broker.restart();
                MqttBridgeTest.awaitSubscribed(bridge);

                try (TestClient observer = new TestClient(broker.host(), broker.port(), "family/#");
                     TestClient device = new TestClient(broker.host(), broker.port(), null)) {
                    core.pauseRelay(false);
                    String backlog = observer.nextText(prefix.topic(FamilyTopic.QUESTIONS), 10_000);
                    device.publish(prefix.topic(FamilyTopic.ASK), "{\"question_text\":\"canary after restart\"}");
                    String canary = observer.nextText(prefix.topic(FamilyTopic.QUESTIONS), 10_000);

                    assertThat(backlog).contains(storedMeanwhile.id().toString());
                    assertThat(canary).contains("canary after restart");
                }
            }
        }
    }

    private static void awaitDisconnected(MqttBridge bridge) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (bridge.isConnected() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(bridge.isConnected()).as("bridge connected").isFalse();
        assertThat(bridge.isSubscribed()).as("bridge subscribed").isFalse();
    }
}
