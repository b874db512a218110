package org.familyqa.ports.testing;

import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.ports.out.AdminTokenRepository;

/** {@link AdminTokenRepository} on an {@link InMemoryStore}. */
final class InMemoryAdminTokenRepository implements AdminTokenRepository {

    private final InMemoryStore store;

    InMemoryAdminTokenRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public Optional<PasswordHash> find() {
        synchronized (store.lock) {
            return store.adminTokenHash;
        }
    }

    @Override
    public boolean saveIfAbsent(PasswordHash hash) {
        Objects.requireNonNull(hash, "hash");
        synchronized (store.lock) {
            if (store.adminTokenHash.isPresent()) {
                return false;
            }
            store.adminTokenHash = Optional.of(hash);
            return true;
        }
    }

    @Override
    public void replace(PasswordHash hash) {
        Objects.requireNonNull(hash, "hash");
        synchronized (store.lock) {
            store.adminTokenHash = Optional.of(hash);
        }
    }
}
