package org.familyqa.ports.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.ports.out.FamilyEvent;
import org.familyqa.ports.out.NewQuestion;
import org.familyqa.ports.out.QuestionCursor;
import org.familyqa.ports.out.QuestionRepository;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.out.StoredBatch;

/** {@link QuestionRepository} on an {@link InMemoryStore}. */
final class InMemoryQuestionRepository implements QuestionRepository {

    /** Newest first, then by id descending: the order of {@link QuestionCursor}. */
    static final Comparator<Question> NEWEST_FIRST = Comparator.comparing(Question::createdAt)
            .thenComparing(question -> question.id().value(), InMemoryStore.UUID_ORDER)
            .reversed();

    private final InMemoryStore store;

    InMemoryQuestionRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public StoredBatch<Question> addAllClaimed(List<NewQuestion> batch, String owner, Duration lease) {
        synchronized (store.lock) {
            int before = store.outboxEntries.size();
            List<StoreResult<Question>> results = addAll(batch);
            return store.claimAppended(before, results, owner, lease);
        }
    }

    @Override
    public List<StoreResult<Question>> addAll(List<NewQuestion> batch) {
        Limits.check("batch size", batch.size(), 1, 1000);
        synchronized (store.lock) {
            checkBeforeWriting(batch);
            List<StoreResult<Question>> results = new ArrayList<>(batch.size());
            for (NewQuestion item : batch) {
                results.add(add(item));
            }
            return results;
        }
    }

    private void checkBeforeWriting(List<NewQuestion> batch) {
        Set<QuestionId> ids = new HashSet<>();
        for (NewQuestion item : batch) {
            store.prefixOf(item.question().familyId());
            if (store.questions.containsKey(item.question().id()) || !ids.add(item.question().id())) {
                throw new IllegalArgumentException("question id " + item.question().id() + " is taken");
            }
        }
    }

    private StoreResult<Question> add(NewQuestion item) {
        Question question = item.question();
        Optional<InMemoryStore.RequestKey> key = item.requestId()
                .map(requestId -> new InMemoryStore.RequestKey(question.familyId(), Question.class, requestId));
        if (key.isPresent() && store.processed.containsKey(key.get())) {
            return new StoreResult.Duplicate<>((Question) store.processed.get(key.get()).stored());
        }
        store.questions.put(question.id(), question);
        key.ifPresent(k -> store.processed.put(k, new InMemoryStore.ProcessedRequest(question, question.createdAt())));
        store.append(new FamilyEvent.QuestionAsked(question, store.prefixOf(question.familyId()), item.requestId()));
        return new StoreResult.Stored<>(question);
    }

    @Override
    public Optional<Question> findById(FamilyId familyId, QuestionId id) {
        synchronized (store.lock) {
            return Optional.ofNullable(store.questions.get(id)).filter(q -> q.familyId().equals(familyId));
        }
    }

    @Override
    public List<Question> list(FamilyId familyId, Optional<Category> category, Optional<QuestionCursor> after,
                               int limit) {
        Limits.check("limit", limit, 1, 1000);
        synchronized (store.lock) {
            return store.questions.values().stream()
                    .filter(question -> question.familyId().equals(familyId))
                    .filter(question -> category.isEmpty() || question.category().equals(category.get()))
                    .filter(question -> after.isEmpty() || isAfter(question, after.get()))
                    .sorted(NEWEST_FIRST)
                    .limit(limit)
                    .toList();
        }
    }

    private static boolean isAfter(Question question, QuestionCursor cursor) {
        int byTime = question.createdAt().compareTo(cursor.createdAt());
        if (byTime != 0) {
            return byTime < 0;
        }
        return InMemoryStore.UUID_ORDER.compare(question.id().value(), cursor.id().value()) < 0;
    }
}
