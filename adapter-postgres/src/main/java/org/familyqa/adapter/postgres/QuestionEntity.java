package org.familyqa.adapter.postgres;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "question")
class QuestionEntity {

    @Id
    UUID id;

    @Column(name = "family_id", nullable = false)
    UUID familyId;

    @Column(name = "question_text", nullable = false)
    String text;

    @Column(name = "category", nullable = false, length = 50)
    String category;

    @Column(name = "asked_by")
    String askedBy;

    @Column(name = "source", nullable = false, length = 8)
    String source;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
