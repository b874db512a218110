package org.familyqa.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.Question;
import org.familyqa.ports.out.ProcessedRequests;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.testing.TestData;

/**
 * The rules every {@link ProcessedRequests} must keep. The requests are stored at the current time, so a cutoff
 * an hour ahead forgets them and one an hour back keeps them, whether the store notes the item's creation time or
 * its own clock.
 */
public abstract class ProcessedRequestsContract extends StoreContractSupport {

    @Test
    void purgeKeepsRequestIdsSeenAfterCutoff() {
        Family family = storedFamily();
        Question first = storedQuestion(TestData.question(family.id()).requestId("r-1"));

        int purged = store.processedRequests().purgeBefore(Instant.now().minusSeconds(3600));
        List<StoreResult<Question>> again = store.questions()
                .addAll(List.of(TestData.question(family.id()).requestId("r-1").toNew()));

        assertThat(purged).isZero();
        assertThat(again).containsExactly(new StoreResult.Duplicate<>(first));
    }

    @Test
    void purgedQuestionRequestIdCanBeUsedAgain() {
        Family family = storedFamily();
        storedQuestion(TestData.question(family.id()).requestId("r-1"));
        storedQuestion(TestData.question(family.id()).requestId("r-2"));
        storedQuestion(TestData.question(family.id()));

        int purged = store.processedRequests().purgeBefore(Instant.now().plusSeconds(3600));
        var reused = TestData.question(family.id()).requestId("r-1").toNew();
        List<StoreResult<Question>> again = store.questions().addAll(List.of(reused));

        assertThat(purged).isEqualTo(2);
        assertThat(again).containsExactly(new StoreResult.Stored<>(reused.question()));
    }

    @Test
    void purgedAnswerRequestIdCanBeUsedAgain() {
        Family family = storedFamily();
        Question question = storedQuestion(TestData.question(family.id()));
        store.answers().addAll(List.of(TestData.answer(question).requestId("r-1").toNew()));

        int purged = store.processedRequests().purgeBefore(Instant.now().plusSeconds(3600));
        var reused = TestData.answer(question).requestId("r-1").toNew();
        List<StoreResult<Answer>> again = store.answers().addAll(List.of(reused));

        assertThat(purged).isEqualTo(1);
        assertThat(again).containsExactly(new StoreResult.Stored<>(reused.answer()));
    }

    @Test
    void purgeOfEmptyStoreForgetsNothing() {
        assertThat(store.processedRequests().purgeBefore(Instant.now().plusSeconds(3600))).isZero();
    }
}
