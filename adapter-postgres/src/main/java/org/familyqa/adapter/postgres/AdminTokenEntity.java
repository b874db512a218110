package org.familyqa.adapter.postgres;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row of {@code admin_token}, whose id is always {@link #SINGLE_ROW_ID}. */
@Entity
@Table(name = "admin_token")
class AdminTokenEntity {

    static final int SINGLE_ROW_ID = 1;

    @Id
    Integer id;

    @Column(name = "token_hash", nullable = false)
    String tokenHash;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
