package org.familyqa.ports.testing;

import java.util.List;
import java.util.Optional;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.ports.out.DuplicateKeyException;
import org.familyqa.ports.out.FamilyRepository;

/** {@link FamilyRepository} on an {@link InMemoryStore}. */
final class InMemoryFamilyRepository implements FamilyRepository {

    private final InMemoryStore store;

    InMemoryFamilyRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void add(Family family, PasswordHash tokenHash) {
        synchronized (store.lock) {
            if (store.families.containsKey(family.id())) {
                throw new DuplicateKeyException("family_id", "family id " + family.id() + " is taken", null);
            }
            if (store.familiesByPrefix.containsKey(family.topicPrefix())) {
                throw new DuplicateKeyException("topic_slug",
                        "topic prefix " + family.topicPrefix() + " belongs to another family", null);
            }
            store.families.put(family.id(), family);
            store.tokenHashes.put(family.id(), tokenHash);
            store.familiesByPrefix.put(family.topicPrefix(), family.id());
        }
    }

    @Override
    public Optional<Family> findById(FamilyId id) {
        synchronized (store.lock) {
            return Optional.ofNullable(store.families.get(id));
        }
    }

    @Override
    public Optional<Family> findByTopicPrefix(TopicPrefix prefix) {
        synchronized (store.lock) {
            return Optional.ofNullable(store.familiesByPrefix.get(prefix)).map(store.families::get);
        }
    }

    @Override
    public Optional<PasswordHash> findTokenHash(FamilyId id) {
        synchronized (store.lock) {
            return Optional.ofNullable(store.tokenHashes.get(id));
        }
    }

    @Override
    public List<Family> list(Optional<FamilyId> after, int limit) {
        Limits.check("limit", limit, 1, 1000);
        synchronized (store.lock) {
            return store.families.values().stream()
                    .filter(family -> after.isEmpty()
                            || InMemoryStore.UUID_ORDER.compare(family.id().value(), after.get().value()) > 0)
                    .sorted((a, b) -> InMemoryStore.UUID_ORDER.compare(a.id().value(), b.id().value()))
                    .limit(limit)
                    .toList();
        }
    }
}
