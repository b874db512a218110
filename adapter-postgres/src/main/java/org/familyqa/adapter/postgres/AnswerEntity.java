package org.familyqa.adapter.postgres;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "answer")
class AnswerEntity {

    @Id
    UUID id;

    @Column(name = "question_id", nullable = false)
    UUID questionId;

    @Column(name = "family_id", nullable = false)
    UUID familyId;

    @Column(name = "answer_text", nullable = false)
    String text;

    @Column(name = "answered_by")
    String answeredBy;

    @Column(name = "source", nullable = false, length = 8)
    String source;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
