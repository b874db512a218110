package org.familyqa.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.ports.out.NewQuestion;
import org.familyqa.ports.out.QuestionCursor;
import org.familyqa.ports.out.QuestionRepository;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.out.StoredBatch;

/**
 * Questions: stored with one multi-row insert per table in one transaction per {@link #addAll} call, read through
 * Hibernate.
 */
final class QuestionRepositoryAdapter implements QuestionRepository {

    static final int MAX_BATCH = 1000;
    static final int MAX_PAGE = 1000;

    private final Database database;

    QuestionRepositoryAdapter(Database database) {
        this.database = database;
    }

    @Override
    public List<StoreResult<Question>> addAll(List<NewQuestion> batch) {
        checkBatch(batch.size());
        List<NewQuestion> truncated = batch.stream().map(QuestionRepositoryAdapter::atStoredPrecision).toList();
        return database.inWriteTransaction("storing " + batch.size() + " questions",
                connection -> store(connection, truncated, null)).results();
    }

    @Override
    public StoredBatch<Question> addAllClaimed(List<NewQuestion> batch, String owner, Duration lease) {
        checkBatch(batch.size());
        checkClaim(owner, lease);
        List<NewQuestion> truncated = batch.stream().map(QuestionRepositoryAdapter::atStoredPrecision).toList();
        return database.inWriteTransaction("storing " + batch.size() + " questions for " + owner,
                connection -> store(connection, truncated, new OutboxWriter.Claim(owner, database.now().plus(lease))));
    }

    /** Stores the batch; its events are claimable at once when {@code claim} is null. */
    private StoredBatch<Question> store(Connection connection, List<NewQuestion> batch, OutboxWriter.Claim claim)
            throws SQLException {
        List<RequestIdClaims.Item> items = batch.stream()
                .map(n -> new RequestIdClaims.Item(n.question().familyId().value(), n.requestId(),
                        n.question().id().value()))
                .toList();
        List<RequestIdClaims.Claim> claims =
                RequestIdClaims.claim(connection, database.isH2(), OutboxWriter.KIND_QUESTION, items, database.now());

        List<OutboxWriter.Entry> events = new ArrayList<>();
        List<UUID> earlierIds = new ArrayList<>();
        List<Question> fresh = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            NewQuestion item = batch.get(i);
            if (claims.get(i).isNew()) {
                fresh.add(item.question());
                events.add(new OutboxWriter.Entry(item.question().familyId().value(),
                        item.question().id().value(), item.requestId()));
            } else if (!claims.get(i).sameBatch()) {
                earlierIds.add(claims.get(i).earlierItemId());
            }
        }
        if (!fresh.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    Rows.INSERT_QUESTION_HEAD + Rows.valueRows(Rows.ITEM_COLUMNS, fresh.size()))) {
                for (int i = 0; i < fresh.size(); i++) {
                    Rows.bindQuestion(insert, i * Rows.ITEM_COLUMNS, fresh.get(i));
                }
                insert.executeUpdate();
            }
        }
        List<Long> sequences = claim == null ? List.of()
                : OutboxWriter.appendClaimed(connection, OutboxWriter.KIND_QUESTION, events, claim);
        if (claim == null) {
            OutboxWriter.append(connection, OutboxWriter.KIND_QUESTION, events);
        }

        Map<UUID, Question> earlier = selectByIds(connection, earlierIds);
        return withSequences(results(batch, claims, earlier), sequences);
    }

    /**
     * Pairs the stored results, in order, with the sequences of their events; every result is unclaimed when there
     * are no sequences.
     */
    static <T> StoredBatch<T> withSequences(List<StoreResult<T>> results, List<Long> sequences) {
        if (sequences.isEmpty()) {
            return StoredBatch.unclaimed(results);
        }
        List<OptionalLong> paired = new ArrayList<>(results.size());
        int next = 0;
        for (StoreResult<T> result : results) {
            paired.add(result instanceof StoreResult.Stored<T> ? OptionalLong.of(sequences.get(next++))
                    : OptionalLong.empty());
        }
        return new StoredBatch<>(results, paired);
    }

    static void checkClaim(String owner, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(lease, "lease");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, but was " + lease);
        }
    }

    private static List<StoreResult<Question>> results(List<NewQuestion> batch, List<RequestIdClaims.Claim> claims,
                                                       Map<UUID, Question> earlier) {
        Map<UUID, Question> inBatch = new HashMap<>();
        batch.forEach(n -> inBatch.putIfAbsent(n.question().id().value(), n.question()));
        List<StoreResult<Question>> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            RequestIdClaims.Claim claim = claims.get(i);
            if (claim.isNew()) {
                results.add(new StoreResult.Stored<>(batch.get(i).question()));
            } else {
                Map<UUID, Question> source = claim.sameBatch() ? inBatch : earlier;
                Question existing = source.get(claim.earlierItemId());
                if (existing == null) {
                    throw new IllegalStateException("question " + claim.earlierItemId()
                            + " recorded for a request id was not found");
                }
                results.add(new StoreResult.Duplicate<>(existing));
            }
        }
        return results;
    }

    private static Map<UUID, Question> selectByIds(Connection connection, List<UUID> ids) throws SQLException {
        return Rows.selectByIds(connection, Rows.QUESTION_COLUMNS + " from question q", "q", ids, Rows::question,
                item -> item.id().value());
    }

    @Override
    public Optional<Question> findById(FamilyId familyId, QuestionId id) {
        return database.inSession("finding question " + id, session -> session
                .createSelectionQuery("from QuestionEntity q where q.id = :id and q.familyId = :familyId",
                        QuestionEntity.class)
                .setParameter("id", id.value())
                .setParameter("familyId", familyId.value())
                .uniqueResultOptional()
                .map(EntityMapper::toDomain));
    }

    @Override
    public List<Question> list(FamilyId familyId, Optional<Category> category, Optional<QuestionCursor> after,
                               int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE + ", but was " + limit);
        }
        StringBuilder hql = new StringBuilder("from QuestionEntity q where q.familyId = :familyId");
        category.ifPresent(c -> hql.append(" and q.category = :category"));
        after.ifPresent(c -> hql.append(" and (q.createdAt < :afterTime or (q.createdAt = :afterTime and q.id < :afterId))"));
        hql.append(" order by q.createdAt desc, q.id desc");

        return database.inSession("listing questions of family " + familyId, session -> {
            var query = session.createSelectionQuery(hql.toString(), QuestionEntity.class)
                    .setParameter("familyId", familyId.value())
                    .setMaxResults(limit);
            category.ifPresent(c -> query.setParameter("category", c.value()));
            after.ifPresent(c -> query
                    .setParameter("afterTime", Database.truncate(c.createdAt()))
                    .setParameter("afterId", c.id().value()));
            return query.getResultList().stream().map(EntityMapper::toDomain).toList();
        });
    }

    static void checkBatch(int size) {
        if (size < 1 || size > MAX_BATCH) {
            throw new IllegalArgumentException("batch must hold 1 to " + MAX_BATCH + " items, but held " + size);
        }
    }

    /** Returns the item with its time cut to microseconds, the precision that both databases store. */
    private static NewQuestion atStoredPrecision(NewQuestion item) {
        Question q = item.question();
        Question truncated = new Question(q.id(), q.familyId(), q.text(), q.category(), q.askedBy(), q.source(),
                Database.truncate(q.createdAt()));
        return new NewQuestion(truncated, item.requestId());
    }
}
