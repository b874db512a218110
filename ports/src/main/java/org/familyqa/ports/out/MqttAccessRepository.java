package org.familyqa.ports.out;

import java.util.List;
import java.util.Optional;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;

/**
 * Stored MQTT access of families: one record per family that ever enabled MQTT.
 *
 * @since 0.1.0
 */
public interface MqttAccessRepository {

    /**
     * Inserts or replaces the family's access record.
     *
     * @throws DuplicateKeyException     with field {@code username} if another family has the username
     * @throws StoreUnavailableException if the store failed
     */
    void save(MqttAccess access);

    /** Finds a family's access record. */
    Optional<MqttAccess> findByFamily(FamilyId familyId);

    /** Finds the access record with a broker username, enabled or not. */
    Optional<MqttAccess> findByUsername(MqttUsername username);

    /** Lists every access record, enabled or not, for reconciling the broker's accounts at start. */
    List<MqttAccess> listAll();
}
