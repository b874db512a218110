package org.familyqa.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.ports.out.DuplicateKeyException;
import org.familyqa.ports.out.FamilyRepository;
import org.familyqa.ports.testing.TestData;

/** The rules every {@link FamilyRepository} must keep. */
public abstract class FamilyRepositoryContract extends StoreContractSupport {

    private static final PasswordHash HASH = new PasswordHash("sha256$c2FsdA==$aGFzaA==");

    @Test
    void addedFamilyRoundTripsEveryField() {
        Family family = TestData.family()
                .name("Ana's \"Family\" \\ 🍪 Zoë")
                .createdAt(Instant.parse("2024-02-29T23:59:59.123456Z"))
                .build();

        store.families().add(family, HASH);

        assertThat(store.families().findById(family.id())).contains(family);
        assertThat(store.families().findByTopicPrefix(family.topicPrefix())).contains(family);
        assertThat(store.families().findTokenHash(family.id())).contains(HASH);
    }

    @Test
    void unknownFamilyIsNotFound() {
        storedFamily();
        FamilyId unknown = new FamilyId(UUID.randomUUID());

        assertThat(store.families().findById(unknown)).isEmpty();
        assertThat(store.families().findTokenHash(unknown)).isEmpty();
        assertThat(store.families().findByTopicPrefix(new TopicPrefix(TestData.randomSlug()))).isEmpty();
    }

    @Test
    void maximumLengthNameRoundTrips() {
        Family family = TestData.family().name("🍪".repeat(100)).build();

        store.families().add(family, HASH);

        assertThat(store.families().findById(family.id()).orElseThrow().name()).isEqualTo(family.name());
    }

    @Test
    void takenTopicPrefixThrowsDuplicateKey() {
        Family first = storedFamily();
        Family second = TestData.family().slug(first.topicPrefix().slug()).build();

        assertThatThrownBy(() -> store.families().add(second, HASH))
                .isInstanceOfSatisfying(DuplicateKeyException.class,
                        e -> assertThat(e.field()).isEqualTo("topic_slug"));
        assertThat(store.families().findById(second.id())).isEmpty();
        assertThat(store.families().findByTopicPrefix(first.topicPrefix())).contains(first);
    }

    @Test
    void takenIdThrowsDuplicateKey() {
        Family first = storedFamily();
        Family second = TestData.family().id(first.id().value()).build();

        assertThatThrownBy(() -> store.families().add(second, HASH))
                .isInstanceOfSatisfying(DuplicateKeyException.class,
                        e -> assertThat(e.field()).isEqualTo("family_id"));
        assertThat(store.families().findById(first.id())).contains(first);
        assertThat(store.families().findByTopicPrefix(second.topicPrefix())).isEmpty();
    }

    @Test
    void racingAddsOfOnePrefixStoreOneFamily() throws InterruptedException {
        String slug = TestData.randomSlug();

        List<String> outcomes = race(20, () -> {
            try {
                store.families().add(TestData.family().slug(slug).build(), HASH);
                return "stored";
            } catch (DuplicateKeyException e) {
                return e.field();
            }
        });

        assertThat(outcomes).filteredOn("stored"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("topic_slug"::equals).hasSize(19);
        assertThat(store.families().list(Optional.empty(), 100)).hasSize(1);
    }

    @Test
    void listPagesInUnsignedIdOrder() {
        List<String> ids = List.of("ffffffff-0000-7000-8000-000000000001", "00000000-0000-7000-8000-000000000002",
                "80000000-0000-7000-8000-000000000003", "7fffffff-0000-7000-8000-000000000004",
                "80000000-0000-7000-ffff-000000000005");
        List<Family> added = new ArrayList<>();
        for (String id : ids) {
            Family family = TestData.family().id(UUID.fromString(id)).build();
            store.families().add(family, HASH);
            added.add(family);
        }
        added.sort(Comparator.comparing(family -> family.id().toString()));

        List<Family> first = store.families().list(Optional.empty(), 2);
        List<Family> second = store.families().list(Optional.of(first.get(1).id()), 2);
        List<Family> third = store.families().list(Optional.of(second.get(1).id()), 2);
        List<Family> beyond = store.families().list(Optional.of(third.get(0).id()), 2);

        assertThat(first).containsExactly(added.get(0), added.get(1));
        assertThat(second).containsExactly(added.get(2), added.get(3));
        assertThat(third).containsExactly(added.get(4));
        assertThat(beyond).isEmpty();
    }
}
