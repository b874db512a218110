package org.familyqa.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.ports.out.DuplicateKeyException;
import org.familyqa.ports.out.MqttAccessRepository;
import org.familyqa.ports.testing.TestData;

/** The rules every {@link MqttAccessRepository} must keep. */
public abstract class MqttAccessRepositoryContract extends StoreContractSupport {

    @Test
    void savedAccessRoundTripsEveryField() {
        Family family = storedFamily();
        MqttAccess access = TestData.mqttAccess(family)
                .passwordHash("sha256$AAECAwQFBgcICQoLDA0ODw==$+/8=")
                .issuedAt(Instant.parse("2024-02-29T23:59:59.000001Z"))
                .build();

        store.mqttAccess().save(access);

        assertThat(store.mqttAccess().findByFamily(family.id())).contains(access);
        assertThat(store.mqttAccess().findByUsername(access.username())).contains(access);
    }

    @Test
    void unknownAccessIsNotFound() {
        Family family = storedFamily();

        assertThat(store.mqttAccess().findByFamily(family.id())).isEmpty();
        assertThat(store.mqttAccess().findByFamily(new FamilyId(UUID.randomUUID()))).isEmpty();
        assertThat(store.mqttAccess().findByUsername(MqttUsername.forPrefix(family.topicPrefix()))).isEmpty();
        assertThat(store.mqttAccess().listAll()).isEmpty();
    }

    @Test
    void saveReplacesTheFamilysRecord() {
        Family family = storedFamily();
        MqttAccess enabled = TestData.mqttAccess(family).build();
        store.mqttAccess().save(enabled);
        MqttAccess disabled = enabled.disabled();

        store.mqttAccess().save(disabled);
        MqttAccess renewed = disabled.withNewPassword(new PasswordHash("sha256$bmV3$bmV3"),
                enabled.issuedAt().plusSeconds(60));
        store.mqttAccess().save(renewed);

        assertThat(store.mqttAccess().findByFamily(family.id())).contains(renewed);
        assertThat(store.mqttAccess().listAll()).containsExactly(renewed);
    }

    @Test
    void disabledRecordIsStillFoundByUsername() {
        Family family = storedFamily();
        MqttAccess disabled = TestData.mqttAccess(family).enabled(false).build();

        store.mqttAccess().save(disabled);

        assertThat(store.mqttAccess().findByUsername(disabled.username())).contains(disabled);
    }

    @Test
    void listAllReturnsEnabledAndDisabledRecords() {
        MqttAccess enabled = TestData.mqttAccess(storedFamily()).build();
        MqttAccess disabled = TestData.mqttAccess(storedFamily()).enabled(false).build();

        store.mqttAccess().save(enabled);
        store.mqttAccess().save(disabled);

        assertThat(store.mqttAccess().listAll()).containsExactlyInAnyOrder(enabled, disabled);
    }

    @Test
    void takenUsernameThrowsDuplicateKey() {
        Family owner = storedFamily();
        Family other = storedFamily();
        MqttAccess first = TestData.mqttAccess(owner).build();
        store.mqttAccess().save(first);
        TopicPrefix takenPrefix = owner.topicPrefix();
        MqttAccess second = TestData.mqttAccess(other).prefix(takenPrefix).build();

        assertThatThrownBy(() -> store.mqttAccess().save(second))
                .isInstanceOfSatisfying(DuplicateKeyException.class,
                        e -> assertThat(e.field()).isEqualTo("username"));
        assertThat(store.mqttAccess().findByFamily(other.id())).isEmpty();
        assertThat(store.mqttAccess().findByUsername(first.username())).contains(first);
    }
}
