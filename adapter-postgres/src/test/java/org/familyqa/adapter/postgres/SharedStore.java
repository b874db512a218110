package org.familyqa.adapter.postgres;

import org.familyqa.ports.contract.StoreFixture;
import org.familyqa.ports.out.AdminTokenRepository;
import org.familyqa.ports.out.AnswerRepository;
import org.familyqa.ports.out.FamilyRepository;
import org.familyqa.ports.out.MqttAccessRepository;
import org.familyqa.ports.out.Outbox;
import org.familyqa.ports.out.ProcessedRequests;
import org.familyqa.ports.out.QuestionRepository;

/** A contract-suite fixture over one of the shared, emptied adapters of {@link TestDatabases}. */
record SharedStore(PersistenceAdapter adapter) implements StoreFixture {

    static SharedStore postgres() {
        return new SharedStore(TestDatabases.emptyPostgres());
    }

    static SharedStore h2() {
        return new SharedStore(TestDatabases.emptyH2());
    }

    @Override
    public FamilyRepository families() {
        return adapter.families();
    }

    @Override
    public QuestionRepository questions() {
        return adapter.questions();
    }

    @Override
    public AnswerRepository answers() {
        return adapter.answers();
    }

    @Override
    public Outbox outbox() {
        return adapter.outbox();
    }

    @Override
    public MqttAccessRepository mqttAccess() {
        return adapter.mqttAccess();
    }

    @Override
    public AdminTokenRepository adminToken() {
        return adapter.adminToken();
    }

    @Override
    public ProcessedRequests processedRequests() {
        return adapter.processedRequests();
    }

    /** Keeps the shared adapter open for the next test; the JVM's exit closes it. */
    @Override
    public void close() {
    }
}
