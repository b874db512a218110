package org.familyqa.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.question.Question;
import org.familyqa.ports.out.DuplicateKeyException;
import org.familyqa.ports.out.NewQuestion;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.out.StoreUnavailableException;
import org.familyqa.ports.testing.TestData;

/** The adapter on PostgreSQL behind a proxy that the test cuts, as when the database goes away mid-run. */
class ResilienceTest {

    private static final PasswordHash HASH = new PasswordHash("sha256$c2FsdA==$dG9rZW4=");

    private CuttableProxy proxy;
    private PersistenceAdapter adapter;

    @BeforeEach
    void startBehindProxy() throws Exception {
        String database = TestDatabases.createPostgresDatabase();
        proxy = new CuttableProxy(TestDatabases.POSTGRES_PORT);
        PersistenceSettings settings = TestDatabases.postgresSettings("127.0.0.1", proxy.port(), database)
                .withPool(4, Duration.ofMillis(500), Duration.ofSeconds(10));
        adapter = PersistenceAdapter.start(settings);
    }

    @AfterEach
    void stop() throws Exception {
        adapter.close();
        proxy.close();
    }

    @Test
    void lostDatabaseFailsCallsUntilItReturns() throws Exception {
        Family family = TestData.family().build();
        adapter.families().add(family, HASH);
        Question before = stored(TestData.question(family.id()).build());

        proxy.cut();

        assertThatThrownBy(() -> adapter.questions().addAll(List.of(TestData.question(family.id()).toNew())))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> adapter.families().findById(family.id()))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> adapter.outbox().claim("relay-1", 10, Duration.ofMinutes(1)))
                .isInstanceOf(StoreUnavailableException.class);

        proxy.restore();

        Question after = eventually(() -> stored(TestData.question(family.id()).build()));
        assertThat(adapter.questions().list(family.id(), Optional.empty(), Optional.empty(), 10))
                .containsExactlyInAnyOrder(before, after);
        assertThat(adapter.outbox().countUnpublished()).isEqualTo(2);
        assertThat(adapter.activeConnections()).isZero();
    }

    @Test
    void failingCallsDuringOutageLeakNoConnections() throws Exception {
        Family family = TestData.family().build();
        adapter.families().add(family, HASH);
        proxy.cut();

        int failures = 0;
        for (int i = 0; i < 20; i++) {
            try {
                if (i % 2 == 0) {
                    adapter.questions().addAll(List.of(TestData.question(family.id()).toNew()));
                } else {
                    adapter.families().findById(family.id());
                }
            } catch (StoreUnavailableException e) {
                failures++;
            }
        }

        assertThat(failures).isEqualTo(20);
        assertThat(adapter.activeConnections()).isZero();
        proxy.restore();
        assertThat(eventually(() -> adapter.families().findById(family.id()))).contains(family);
        assertThat(adapter.activeConnections()).isZero();
    }

    @Test
    void thousandFailedRequestsLeakNoConnections() {
        Family family = TestData.family().build();
        adapter.families().add(family, HASH);
        FamilyId unknownFamily = new FamilyId(UUID.randomUUID());

        int failures = 0;
        for (int i = 0; i < 1000; i++) {
            try {
                switch (i % 3) {
                    case 0 -> adapter.families().add(TestData.family().slug(family.topicPrefix().slug()).build(), HASH);
                    case 1 -> adapter.questions().addAll(List.of(TestData.question(unknownFamily).toNew()));
                    default -> adapter.mqttAccess().save(TestData.mqttAccess(TestData.family().build()).build());
                }
            } catch (DuplicateKeyException | IllegalArgumentException e) {
                failures++;
            }
        }

        assertThat(failures).isEqualTo(1000);
        assertThat(adapter.activeConnections()).isZero();
        assertThat(adapter.families().list(Optional.empty(), 10)).containsExactly(family);
    }

    /** Calls {@code call} until it stops throwing StoreUnavailableException, for up to 10 s. */
    private static <T> T eventually(Supplier<T> call) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return call.get();
            } catch (StoreUnavailableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private Question stored(Question question) {
        StoreResult<Question> result = adapter.questions().addAll(List.of(
                new NewQuestion(question, Optional.empty()))).get(0);
        return ((StoreResult.Stored<Question>) result).value();
    }
}
