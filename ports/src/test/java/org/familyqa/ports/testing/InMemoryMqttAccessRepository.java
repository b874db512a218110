package org.familyqa.ports.testing;

import java.util.List;
import java.util.Optional;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.ports.out.DuplicateKeyException;
import org.familyqa.ports.out.MqttAccessRepository;

/** {@link MqttAccessRepository} on an {@link InMemoryStore}. */
final class InMemoryMqttAccessRepository implements MqttAccessRepository {

    private final InMemoryStore store;

    InMemoryMqttAccessRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void save(MqttAccess access) {
        synchronized (store.lock) {
            store.prefixOf(access.familyId());
            boolean usernameTaken = store.mqttAccess.values().stream()
                    .anyMatch(other -> other.username().equals(access.username())
                            && !other.familyId().equals(access.familyId()));
            if (usernameTaken) {
                throw new DuplicateKeyException("username",
                        "MQTT username " + access.username() + " belongs to another family", null);
            }
            store.mqttAccess.put(access.familyId(), access);
        }
    }

    @Override
    public Optional<MqttAccess> findByFamily(FamilyId familyId) {
        synchronized (store.lock) {
            return Optional.ofNullable(store.mqttAccess.get(familyId));
        }
    }

    @Override
    public Optional<MqttAccess> findByUsername(MqttUsername username) {
        synchronized (store.lock) {
            return store.mqttAccess.values().stream()
                    .filter(access -> access.username().equals(username))
                    .findFirst();
        }
    }

    @Override
    public List<MqttAccess> listAll() {
        synchronized (store.lock) {
            return List.copyOf(store.mqttAccess.values());
        }
    }
}
