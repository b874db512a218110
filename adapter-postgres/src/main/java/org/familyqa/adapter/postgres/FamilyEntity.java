package org.familyqa.adapter.postgres;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "family")
class FamilyEntity {

    @Id
    UUID id;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "topic_slug", nullable = false, length = 64)
    String topicSlug;

    @Column(name = "token_hash", nullable = false)
    String tokenHash;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
