package org.familyqa.adapter.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.familyqa.application.CoreServices;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.domain.ratelimit.RateLimit;
import org.familyqa.ports.out.BrokerAccounts;
import org.familyqa.ports.testing.InMemoryStore;

/**
 * The core's real use cases over the in-memory store, with test doubles for the broker: a {@link BrokerAccounts}
 * that records its calls, a probe with a fixed round trip, and a publisher that acknowledges at once.
 */
final class CoreFixture {

    final InMemoryStore store = new InMemoryStore();
    final RecordingBrokerAccounts brokerAccounts = new RecordingBrokerAccounts();
    final String adminToken = "admin-" + UUID.randomUUID();
    final CoreServices core;

    /** Creates the fixture with a rate limit high enough that tests sending many requests quickly never reach it. */
    CoreFixture() {
        this(new RateLimit(1_000, 1_000));
    }

    CoreFixture(RateLimit rateLimit) {
        core = CoreServices.builder()
                .families(store.families())
                .questions(store.questions())
                .answers(store.answers())
                .outbox(store.outbox())
                .mqttAccess(store.mqttAccess())
                .adminTokens(store.adminToken())
                .processedRequests(store.processedRequests())
                .brokerAccounts(brokerAccounts)
                .brokerProbe((prefix, timeout) -> Duration.ofMillis(2))
                .eventPublisher(event -> CompletableFuture.completedFuture(null))
                .clock(Clock.systemUTC())
                .random(new SecureRandom())
                .relayOwner("http-test")
                .rateLimit(rateLimit)
                .build();
        core.authentication().initializeAdminToken(Optional.of(adminToken));
    }

    HttpUseCases useCases() {
        return new HttpUseCases(core.families(), core.authentication(), core.questions(), core.mqttAccess());
    }

    /** Records which accounts were enabled and disabled, as a broker would apply them. */
    static final class RecordingBrokerAccounts implements BrokerAccounts {

        final List<String> calls = new ArrayList<>();

        @Override
        public synchronized void enable(MqttAccess access, String password) {
            calls.add("enable " + access.username());
        }

        @Override
        public synchronized void disable(MqttUsername username) {
            calls.add("disable " + username);
        }

        @Override
        public synchronized Set<MqttUsername> reconcile(Collection<MqttAccess> stored) {
            return Set.of();
        }

        synchronized List<String> calls() {
            return List.copyOf(calls);
        }
    }
}
