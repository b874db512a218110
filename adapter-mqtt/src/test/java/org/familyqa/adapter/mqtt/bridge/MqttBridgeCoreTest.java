package org.familyqa.adapter.mqtt.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.familyqa.adapter.mqtt.testing.MosquittoProcess;
import org.familyqa.application.CoreServices;
import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyName;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.ports.in.FamilyUseCases;
import org.familyqa.ports.in.Result;
import org.familyqa.ports.out.BrokerAccounts;
import org.familyqa.ports.testing.InMemoryStore;
import org.junit.jupiter.api.Test;

/** The bridge with the core's real services and in-memory stores, on a real Mosquitto broker. */
class MqttBridgeCoreTest {

    @Test
    void askAndBadInputThroughRealCore() throws Exception {
        try (MosquittoProcess broker = MosquittoProcess.startAnonymous();
             MqttBridge bridge = new MqttBridge(BridgeSettings.of(broker.host(), broker.port(), "server", "unused",
                     "bridge-" + UUID.randomUUID()))) {
            InMemoryStore store = new InMemoryStore();
            CoreServices core = CoreServices.builder()
                    .families(store.families()).questions(store.questions()).answers(store.answers())
                    .outbox(store.outbox()).mqttAccess(store.mqttAccess()).adminTokens(store.adminToken())
                    .processedRequests(store.processedRequests()).brokerAccounts(new NoBrokerAccounts())
                    .brokerProbe(bridge).eventPublisher(bridge).outboxSignal(bridge)
                    .clock(Clock.systemUTC()).random(new SecureRandom()).relayOwner("bridge-test")
                    .build();
            bridge.start(core.deviceMessages(), core.outboxRelay());
            MqttBridgeTest.awaitSubscribed(bridge);
            Family family = created(core.families().createFamily(new FamilyName("Rivera"), Optional.empty()));
            core.mqttAccess().enable(family.id());
            TopicPrefix prefix = family.topicPrefix();

            try (TestClient observer = new TestClient(broker.host(), broker.port(), prefix.value() + "/#");
                 TestClient device = new TestClient(broker.host(), broker.port(), null)) {
                device.publish(prefix.topic(FamilyTopic.ASK), "[]");
                device.publish(prefix.topic(FamilyTopic.ASK),
                        "{\"question_text\":\"Real core?\",\"request_id\":\"r-1\"}");
                device.publish(prefix.topic(FamilyTopic.ASK),
                        "{\"question_text\":\"Real core?\",\"request_id\":\"r-1\"}");

                String error = observer.nextText(prefix.topic(FamilyTopic.ERRORS), 5_000);
                String question = observer.nextText(prefix.topic(FamilyTopic.QUESTIONS), 5_000);
                String repeated = observer.nextText(prefix.topic(FamilyTopic.QUESTIONS), 5_000);
                Thread.sleep(500);

                assertThat(error).contains("\"error\":\"invalid_payload\"");
                assertThat(question).contains("\"question_text\":\"Real core?\"").contains("\"request_id\":\"r-1\"");
                // The repeat is stored once but announced again, so a device that missed the first echo learns it.
                assertThat(repeated).isEqualTo(question);
                assertThat(store.questions().list(family.id(), Optional.empty(), Optional.empty(), 10)).hasSize(1);
                assertThat(observer.drain(prefix.topic(FamilyTopic.QUESTIONS))).isEmpty();
                assertThat(observer.drain(prefix.topic(FamilyTopic.ERRORS))).isEmpty();
            }
        }
    }

    private static Family created(Result<FamilyUseCases.CreatedFamily> result) {
        assertThat(result).isInstanceOf(Result.Ok.class);
        return ((Result.Ok<FamilyUseCases.CreatedFamily>) result).value().family();
    }

    /** Broker accounts are not needed on an anonymous broker. */
    private static final class NoBrokerAccounts implements BrokerAccounts {
        @Override
        public void enable(MqttAccess access, String password) {
        }

        @Override
        public void disable(MqttUsername username) {
        }

        @Override
        public Set<MqttUsername> reconcile(Collection<MqttAccess> stored) {
            return Set.of();
        }
    }
}
