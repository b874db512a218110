package org.familyqa.adapter.mqtt.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.ports.out.DuplicateKeyException;
import org.familyqa.ports.out.MqttAccessRepository;

/**
 * An in-memory {@link MqttAccessRepository} for broker tests that stores access records of families that exist
 * nowhere else. The ports test jar's in-memory store accepts a record only for a family it already contains.
 */
public final class MapMqttAccessRepository implements MqttAccessRepository {

    private final Map<FamilyId, MqttAccess> byFamily = new ConcurrentHashMap<>();

    @Override
    public synchronized void save(MqttAccess access) {
        boolean usernameTaken = byFamily.values().stream()
                .anyMatch(other -> other.username().equals(access.username())
                        && !other.familyId().equals(access.familyId()));
        if (usernameTaken) {
            throw new DuplicateKeyException("username", "username " + access.username() + " is taken", null);
        }
        byFamily.put(access.familyId(), access);
    }

    @Override
    public Optional<MqttAccess> findByFamily(FamilyId familyId) {
        return Optional.ofNullable(byFamily.get(familyId));
    }

    @Override
    public Optional<MqttAccess> findByUsername(MqttUsername username) {
        return byFamily.values().stream().filter(access -> access.username().equals(username)).findFirst();
    }

    @Override
    public List<MqttAccess> listAll() {
        return List.copyOf(byFamily.values());
    }
}
