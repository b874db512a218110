package org.familyqa.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.ports.out.FamilyEvent;
import org.familyqa.ports.out.NewAnswer;
import org.familyqa.ports.out.NewQuestion;
import org.familyqa.ports.out.OutboxEvent;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.out.StoredBatch;
import org.familyqa.ports.testing.TestData;

/**
 * A large claimed batch, with duplicates inside it and of earlier items, gets for each stored item the sequence of
 * that item's own event. The contract suite only checks that the sequences ascend, and the outbox insert is one
 * multi-row statement whose returned sequences are matched to the items by position.
 */
class ClaimedBatchTest {

    private static final PasswordHash HASH = new PasswordHash("sha256$c2FsdA==$dG9rZW4=");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final int SIZE = 40;

    @Test
    void postgresPairsSequencesWithItems() {
        assertPairing(TestDatabases.emptyPostgres());
    }

    @Test
    void h2PairsSequencesWithItems() {
        assertPairing(TestDatabases.emptyH2());
    }

    private static void assertPairing(PersistenceAdapter store) {
        Family family = TestData.family().build();
        store.families().add(family, HASH);
        store.questions().addAll(List.of(TestData.question(family.id()).requestId("ask-earlier").toNew()));

        List<NewQuestion> questions = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            // Items 30 to 39 repeat the request ids of items 0 to 9, and item 20 repeats the earlier question.
            String requestId = i == 20 ? "ask-earlier" : "ask-" + (i % 30);
            questions.add(TestData.question(family.id()).text("question " + i).requestId(requestId).toNew());
        }
        StoredBatch<Question> storedQuestions = store.questions().addAllClaimed(questions, "direct-1", LEASE);

        List<NewAnswer> answers = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            // Items 3, 10, 17, ... answer an unknown question. Items 35 to 39 repeat the request ids of items 0 to 4.
            TestData.AnswerBuilder answer = i % 7 == 3
                    ? TestData.answer(family.id(), new QuestionId(UUID.randomUUID()))
                    : TestData.answer(questions.get(i % 20).question());
            answers.add(answer.text("answer " + i).requestId("reply-" + (i % 35)).toNew());
        }
        StoredBatch<Answer> storedAnswers = store.answers().addAllClaimed(answers, "direct-1", LEASE);

        Map<UUID, Long> expected = new HashMap<>();
        expected.putAll(sequencesByItem(storedQuestions, q -> q.id().value()));
        expected.putAll(sequencesByItem(storedAnswers, a -> a.id().value()));
        assertThat(storedQuestions.results()).filteredOn(StoreResult.Stored.class::isInstance).hasSize(29);
        assertThat(storedAnswers.results()).filteredOn(StoreResult.Stored.class::isInstance).hasSize(30);

        store.outbox().release("direct-1", expected.values());
        Map<UUID, Long> actual = new HashMap<>();
        for (OutboxEvent event : store.outbox().claim("relay-1", 200, LEASE)) {
            UUID item = event.event() instanceof FamilyEvent.QuestionAsked asked ? asked.question().id().value()
                    : ((FamilyEvent.QuestionAnswered) event.event()).answer().id().value();
            actual.put(item, event.sequence());
        }
        actual.keySet().retainAll(expected.keySet());
        assertThat(actual).isEqualTo(expected);
    }

    private static <T> Map<UUID, Long> sequencesByItem(StoredBatch<T> batch,
                                                       Function<T, UUID> id) {
        Map<UUID, Long> sequences = new HashMap<>();
        for (int i = 0; i < batch.results().size(); i++) {
            if (batch.results().get(i) instanceof StoreResult.Stored<T> stored) {
                sequences.put(id.apply(stored.value()), batch.sequences().get(i).getAsLong());
            }
        }
        return sequences;
    }
}
