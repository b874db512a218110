package org.familyqa.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.ports.out.AnswerRepository;
import org.familyqa.ports.out.NewAnswer;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.out.StoredBatch;

/**
 * Answers: stored with one multi-row insert per table in one transaction per {@link #addAll} call, read through
 * Hibernate.
 */
final class AnswerRepositoryAdapter implements AnswerRepository {

    private final Database database;

    AnswerRepositoryAdapter(Database database) {
        this.database = database;
    }

    @Override
    public List<StoreResult<Answer>> addAll(List<NewAnswer> batch) {
        QuestionRepositoryAdapter.checkBatch(batch.size());
        List<NewAnswer> truncated = batch.stream().map(AnswerRepositoryAdapter::atStoredPrecision).toList();
        return database.inWriteTransaction("storing " + batch.size() + " answers",
                connection -> store(connection, truncated, null)).results();
    }

    @Override
    public StoredBatch<Answer> addAllClaimed(List<NewAnswer> batch, String owner, Duration lease) {
        QuestionRepositoryAdapter.checkBatch(batch.size());
        QuestionRepositoryAdapter.checkClaim(owner, lease);
        List<NewAnswer> truncated = batch.stream().map(AnswerRepositoryAdapter::atStoredPrecision).toList();
        return database.inWriteTransaction("storing " + batch.size() + " answers for " + owner,
                connection -> store(connection, truncated, new OutboxWriter.Claim(owner, database.now().plus(lease))));
    }

    /** Stores the batch; its events are claimable at once when {@code claim} is null. */
    private StoredBatch<Answer> store(Connection connection, List<NewAnswer> batch, OutboxWriter.Claim claim)
            throws SQLException {
        Map<UUID, UUID> familyByQuestion = selectQuestionFamilies(connection, batch);
        List<Integer> known = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Answer answer = batch.get(i).answer();
            if (answer.familyId().value().equals(familyByQuestion.get(answer.questionId().value()))) {
                known.add(i);
            }
        }

        List<RequestIdClaims.Item> items = known.stream()
                .map(batch::get)
                .map(n -> new RequestIdClaims.Item(n.answer().familyId().value(), n.requestId(),
                        n.answer().id().value()))
                .toList();
        List<RequestIdClaims.Claim> claims =
                RequestIdClaims.claim(connection, database.isH2(), OutboxWriter.KIND_ANSWER, items, database.now());

        List<OutboxWriter.Entry> events = new ArrayList<>();
        List<UUID> earlierIds = new ArrayList<>();
        List<Answer> fresh = new ArrayList<>();
        for (int n = 0; n < known.size(); n++) {
            NewAnswer item = batch.get(known.get(n));
            if (claims.get(n).isNew()) {
                fresh.add(item.answer());
                events.add(new OutboxWriter.Entry(item.answer().familyId().value(), item.answer().id().value(),
                        item.requestId()));
            } else if (!claims.get(n).sameBatch()) {
                earlierIds.add(claims.get(n).earlierItemId());
            }
        }
        if (!fresh.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    Rows.INSERT_ANSWER_HEAD + Rows.valueRows(Rows.ITEM_COLUMNS, fresh.size()))) {
                for (int i = 0; i < fresh.size(); i++) {
                    Rows.bindAnswer(insert, i * Rows.ITEM_COLUMNS, fresh.get(i));
                }
                insert.executeUpdate();
            }
        }
        List<Long> sequences = claim == null ? List.of()
                : OutboxWriter.appendClaimed(connection, OutboxWriter.KIND_ANSWER, events, claim);
        if (claim == null) {
            OutboxWriter.append(connection, OutboxWriter.KIND_ANSWER, events);
        }

        return QuestionRepositoryAdapter.withSequences(
                results(batch, known, claims, selectByIds(connection, earlierIds)), sequences);
    }

    private static List<StoreResult<Answer>> results(List<NewAnswer> batch, List<Integer> known,
                                                     List<RequestIdClaims.Claim> claims, Map<UUID, Answer> earlier) {
        Map<UUID, Answer> inBatch = new HashMap<>();
        batch.forEach(n -> inBatch.putIfAbsent(n.answer().id().value(), n.answer()));
        List<StoreResult<Answer>> results = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            results.add(new StoreResult.UnknownQuestion<>());
        }
        for (int n = 0; n < known.size(); n++) {
            int index = known.get(n);
            RequestIdClaims.Claim claim = claims.get(n);
            if (claim.isNew()) {
                results.set(index, new StoreResult.Stored<>(batch.get(index).answer()));
                continue;
            }
            Answer existing = (claim.sameBatch() ? inBatch : earlier).get(claim.earlierItemId());
            if (existing == null) {
                throw new IllegalStateException("answer " + claim.earlierItemId()
                        + " recorded for a request id was not found");
            }
            results.set(index, new StoreResult.Duplicate<>(existing));
        }
        return results;
    }

    /** Returns the family of each question that the batch answers and that exists. */
    private static Map<UUID, UUID> selectQuestionFamilies(Connection connection, List<NewAnswer> batch)
            throws SQLException {
        Set<UUID> questionIds = new LinkedHashSet<>();
        batch.forEach(n -> questionIds.add(n.answer().questionId().value()));
        String sql = "select id, family_id from question where id in (" + Rows.placeholders(questionIds.size()) + ")";
        Map<UUID, UUID> familyByQuestion = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int parameter = 1;
            for (UUID id : questionIds) {
                select.setObject(parameter++, id);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    familyByQuestion.put(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class));
                }
            }
        }
        return familyByQuestion;
    }

    private static Map<UUID, Answer> selectByIds(Connection connection, List<UUID> ids) throws SQLException {
        return Rows.selectByIds(connection, Rows.ANSWER_COLUMNS + " from answer a", "a", ids, Rows::answer,
                item -> item.id().value());
    }

    @Override
    public List<Answer> listByQuestion(FamilyId familyId, QuestionId questionId) {
        return database.inSession("listing answers of question " + questionId, session -> session
                .createSelectionQuery("from AnswerEntity a where a.questionId = :questionId"
                        + " and a.familyId = :familyId order by a.createdAt, a.id", AnswerEntity.class)
                .setParameter("questionId", questionId.value())
                .setParameter("familyId", familyId.value())
                .getResultList().stream().map(EntityMapper::toDomain).toList());
    }

    private static NewAnswer atStoredPrecision(NewAnswer item) {
        Answer a = item.answer();
        Answer truncated = new Answer(a.id(), a.questionId(), a.familyId(), a.text(), a.answeredBy(), a.source(),
                Database.truncate(a.createdAt()));
        return new NewAnswer(truncated, item.requestId());
    }
}
