package org.familyqa.ports.contract;

import org.familyqa.ports.out.AdminTokenRepository;
import org.familyqa.ports.out.AnswerRepository;
import org.familyqa.ports.out.FamilyRepository;
import org.familyqa.ports.out.MqttAccessRepository;
import org.familyqa.ports.out.Outbox;
import org.familyqa.ports.out.ProcessedRequests;
import org.familyqa.ports.out.QuestionRepository;

/**
 * The driven ports of one store, as an adapter under test provides them to the contract suites.
 *
 * <p>Every port returned here works on the same data, so that a question stored through {@link #questions()} is
 * visible in {@link #outbox()}. A contract suite asks for a new fixture before each test and expects it empty, and
 * calls {@link #close()} after the test.
 */
public interface StoreFixture extends AutoCloseable {

    FamilyRepository families();

    QuestionRepository questions();

    AnswerRepository answers();

    Outbox outbox();

    MqttAccessRepository mqttAccess();

    AdminTokenRepository adminToken();

    ProcessedRequests processedRequests();

    /** Releases what the fixture holds, such as a connection pool; does nothing by default. */
    @Override
    default void close() throws Exception {
    }
}
