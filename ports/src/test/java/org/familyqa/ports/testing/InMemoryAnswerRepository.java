package org.familyqa.ports.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.ports.out.AnswerRepository;
import org.familyqa.ports.out.FamilyEvent;
import org.familyqa.ports.out.NewAnswer;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.out.StoredBatch;

/** {@link AnswerRepository} on an {@link InMemoryStore}. */
final class InMemoryAnswerRepository implements AnswerRepository {

    private static final Comparator<Answer> OLDEST_FIRST = Comparator.comparing(Answer::createdAt)
            .thenComparing(answer -> answer.id().value(), InMemoryStore.UUID_ORDER);

    private final InMemoryStore store;

    InMemoryAnswerRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public StoredBatch<Answer> addAllClaimed(List<NewAnswer> batch, String owner, Duration lease) {
        synchronized (store.lock) {
            int before = store.outboxEntries.size();
            List<StoreResult<Answer>> results = addAll(batch);
            return store.claimAppended(before, results, owner, lease);
        }
    }

    @Override
    public List<StoreResult<Answer>> addAll(List<NewAnswer> batch) {
        Limits.check("batch size", batch.size(), 1, 1000);
        synchronized (store.lock) {
            for (NewAnswer item : batch) {
                store.prefixOf(item.answer().familyId());
            }
            List<StoreResult<Answer>> results = new ArrayList<>(batch.size());
            for (NewAnswer item : batch) {
                results.add(add(item));
            }
            return results;
        }
    }

    private StoreResult<Answer> add(NewAnswer item) {
        Answer answer = item.answer();
        Question question = store.questions.get(answer.questionId());
        if (question == null || !question.familyId().equals(answer.familyId())) {
            return new StoreResult.UnknownQuestion<>();
        }
        Optional<InMemoryStore.RequestKey> key = item.requestId()
                .map(requestId -> new InMemoryStore.RequestKey(answer.familyId(), Answer.class, requestId));
        if (key.isPresent() && store.processed.containsKey(key.get())) {
            return new StoreResult.Duplicate<>((Answer) store.processed.get(key.get()).stored());
        }
        store.answers.add(answer);
        key.ifPresent(k -> store.processed.put(k, new InMemoryStore.ProcessedRequest(answer, answer.createdAt())));
        store.append(new FamilyEvent.QuestionAnswered(answer, store.prefixOf(answer.familyId()), item.requestId()));
        return new StoreResult.Stored<>(answer);
    }

    @Override
    public List<Answer> listByQuestion(FamilyId familyId, QuestionId questionId) {
        synchronized (store.lock) {
            return store.answers.stream()
                    .filter(answer -> answer.familyId().equals(familyId) && answer.questionId().equals(questionId))
                    .sorted(OLDEST_FIRST)
                    .toList();
        }
    }
}
