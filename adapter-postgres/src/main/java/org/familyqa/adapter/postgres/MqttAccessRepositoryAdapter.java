package org.familyqa.adapter.postgres;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.ports.out.MqttAccessRepository;

/** MQTT access records through Hibernate. */
final class MqttAccessRepositoryAdapter implements MqttAccessRepository {

    private final Database database;

    MqttAccessRepositoryAdapter(Database database) {
        this.database = database;
    }

    @Override
    public void save(MqttAccess access) {
        Objects.requireNonNull(access, "access");
        MqttAccessEntity entity = EntityMapper.toEntity(access);
        database.inSession("saving the MQTT access of family " + access.familyId(), session -> {
            session.merge(entity);
            session.flush();
            return null;
        });
    }

    @Override
    public Optional<MqttAccess> findByFamily(FamilyId familyId) {
        return database.inSession("finding the MQTT access of family " + familyId, session ->
                Optional.ofNullable(session.find(MqttAccessEntity.class, familyId.value()))
                        .map(EntityMapper::toDomain));
    }

    @Override
    public Optional<MqttAccess> findByUsername(MqttUsername username) {
        return database.inSession("finding the MQTT access of " + username, session -> session
                .createSelectionQuery("from MqttAccessEntity m where m.username = :username", MqttAccessEntity.class)
                .setParameter("username", username.value())
                .uniqueResultOptional()
                .map(EntityMapper::toDomain));
    }

    @Override
    public List<MqttAccess> listAll() {
        return database.inSession("listing MQTT access records", session -> session
                .createSelectionQuery("from MqttAccessEntity m order by m.familyId", MqttAccessEntity.class)
                .getResultList().stream().map(EntityMapper::toDomain).toList());
    }
}
