package org.familyqa.architecture.samples.clean.adapter.postgres;

import java.sql.Timestamp;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.familyqa.architecture.samples.clean.domain.SampleQuestion;
import org.familyqa.architecture.samples.clean.ports.SampleQuestionStore;

/** An adapter that may use JPA and JDBC types, because it is the persistence adapter. */
public final class SamplePostgresStore implements SampleQuestionStore {

    private final EntityManager entityManager;

    public SamplePostgresStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void save(SampleQuestion question) {
        entityManager.persist(Timestamp.from(question.createdAt()));
    }

    @Override
    public Optional<SampleQuestion> find(String text) {
        return Optional.empty();
    }
}
