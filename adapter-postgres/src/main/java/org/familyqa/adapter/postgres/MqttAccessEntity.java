package org.familyqa.adapter.postgres;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "mqtt_access")
class MqttAccessEntity {

    @Id
    @Column(name = "family_id")
    UUID familyId;

    @Column(name = "enabled", nullable = false)
    boolean enabled;

    @Column(name = "username", nullable = false, length = 68)
    String username;

    @Column(name = "password_hash", nullable = false)
    String passwordHash;

    @Column(name = "topic_slug", nullable = false, length = 64)
    String topicSlug;

    @Column(name = "issued_at", nullable = false)
    Instant issuedAt;
}
