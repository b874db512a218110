package org.familyqa.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.domain.question.RequestId;
import org.familyqa.ports.out.FamilyEvent;
import org.familyqa.ports.out.Outbox;
import org.familyqa.ports.out.OutboxEvent;

/**
 * The outbox over plain JDBC. A published event is deleted rather than flagged, so the table holds only the backlog.
 *
 * <p>Claims run one at a time: each claim first locks the single row of {@code outbox_claim_lock}, so it sees the
 * leases that earlier claims committed. That is what keeps two relays from taking the same event, and from taking a
 * family's later event while another relay still holds an earlier one.
 *
 * <p>NOTE: sequences are drawn when a row is inserted, not when it commits. Two transactions that store events of
 * the same family at the same moment may commit in the opposite order, and a relay can then see the later sequence
 * first. Events stored one after another by one caller are always claimed in order.
 */
final class OutboxAdapter implements Outbox {

    static final int MAX_CLAIM = 10_000;

    private static final String LOCK_CLAIMS = "select id from outbox_claim_lock where id = 1 for update";

    /** Claimable events with their items; parameters: now, owner, now, owner, limit. */
    private static final String SELECT_CLAIMABLE = "select e.sequence, e.item_kind, e.request_id, f.topic_slug, "
            + Rows.QUESTION_COLUMNS + ", " + Rows.ANSWER_COLUMNS
            + " from outbox_event e"
            + " join family f on f.id = e.family_id"
            + " left join question q on e.item_kind = 'question' and q.id = e.item_id"
            + " left join answer a on e.item_kind = 'answer' and a.id = e.item_id"
            + " where (e.lease_until is null or e.lease_until <= ? or e.lease_owner = ?)"
            + " and not exists (select 1 from outbox_event p where p.family_id = e.family_id"
            + " and p.sequence < e.sequence and p.lease_until > ? and p.lease_owner <> ?)"
            + " order by e.sequence"
            + " limit ?";

    private static final String TAKE_LEASE =
            "update outbox_event set lease_owner = ?, lease_until = ? where sequence = ?";
    private static final String DELETE = "delete from outbox_event where sequence = ?";
    private static final String RELEASE = "update outbox_event set lease_owner = null, lease_until = null"
            + " where sequence = ? and lease_owner = ?";

    private final Database database;

    OutboxAdapter(Database database) {
        this.database = database;
    }

    @Override
    public List<OutboxEvent> claim(String owner, int max, Duration lease) {
        return claimAfterPublished(List.of(), owner, max, lease);
    }

    /** Deletes the published events and claims the next ones in one transaction, so with one commit. */
    @Override
    public List<OutboxEvent> claimAfterPublished(Collection<Long> published, String owner, int max,
                                                 Duration lease) {
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(lease, "lease");
        if (max < 1 || max > MAX_CLAIM) {
            throw new IllegalArgumentException("max must be 1 to " + MAX_CLAIM + ", but was " + max);
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, but was " + lease);
        }
        return database.inWriteTransaction("claiming outbox events for " + owner, connection -> {
            // The claim lock before the delete, as every claim takes it first: two claims then wait on that lock
            // rather than on rows the other one holds.
            lockClaims(connection);
            delete(connection, published);
            Instant now = database.now();
            List<OutboxEvent> events = selectClaimable(connection, owner, max, now);
            takeLease(connection, owner, now.plus(lease), events);
            return events;
        });
    }

    private static void lockClaims(Connection connection) throws SQLException {
        try (Statement lock = connection.createStatement(); ResultSet row = lock.executeQuery(LOCK_CLAIMS)) {
            if (!row.next()) {
                throw new SQLException("the row of outbox_claim_lock is missing; the schema was changed by hand");
            }
        }
    }

    private static List<OutboxEvent> selectClaimable(Connection connection, String owner, int max, Instant now)
            throws SQLException {
        List<OutboxEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_CLAIMABLE)) {
            select.setObject(1, Rows.timestamp(now));
            select.setString(2, owner);
            select.setObject(3, Rows.timestamp(now));
            select.setString(4, owner);
            select.setInt(5, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new OutboxEvent(rows.getLong(1), event(rows)));
                }
            }
        }
        return events;
    }

    private static FamilyEvent event(ResultSet row) throws SQLException {
        String kind = row.getString(2);
        Optional<RequestId> requestId = Optional.ofNullable(row.getString(3)).map(RequestId::new);
        TopicPrefix prefix = new TopicPrefix(row.getString(4));
        if (OutboxWriter.KIND_QUESTION.equals(kind)) {
            return new FamilyEvent.QuestionAsked(Rows.question(row, 5), prefix, requestId);
        }
        if (OutboxWriter.KIND_ANSWER.equals(kind)) {
            return new FamilyEvent.QuestionAnswered(Rows.answer(row, 12), prefix, requestId);
        }
        throw new SQLException("outbox event " + row.getLong(1) + " has the unknown item kind " + kind);
    }

    private static void takeLease(Connection connection, String owner, Instant until, List<OutboxEvent> events)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(TAKE_LEASE)) {
            for (OutboxEvent event : events) {
                update.setString(1, owner);
                update.setObject(2, Rows.timestamp(until));
                update.setLong(3, event.sequence());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    @Override
    public void markPublished(Collection<Long> sequences) {
        if (sequences.isEmpty()) {
            return;
        }
        database.inWriteTransaction("marking " + sequences.size() + " outbox events published", connection -> {
            if (!database.isH2()) {
                // A delete lost in a database crash only makes the events go out again, which at-least-once
                // delivery allows, so this commit need not wait for the disk.
                try (Statement relaxed = connection.createStatement()) {
                    relaxed.execute("set local synchronous_commit = off");
                }
            }
            delete(connection, sequences);
            return null;
        });
    }

    private static void delete(Connection connection, Collection<Long> sequences) throws SQLException {
        if (sequences.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            for (long sequence : sorted(sequences)) {
                delete.setLong(1, sequence);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    @Override
    public void release(String owner, Collection<Long> sequences) {
        Objects.requireNonNull(owner, "owner");
        if (sequences.isEmpty()) {
            return;
        }
        database.inWriteTransaction("releasing " + sequences.size() + " outbox events of " + owner, connection -> {
            try (PreparedStatement release = connection.prepareStatement(RELEASE)) {
                for (long sequence : sorted(sequences)) {
                    release.setLong(1, sequence);
                    release.setString(2, owner);
                    release.addBatch();
                }
                return release.executeBatch();
            }
        });
    }

    @Override
    public long countUnpublished() {
        return database.inTransaction("counting outbox events", connection -> {
            try (Statement count = connection.createStatement();
                 ResultSet row = count.executeQuery("select count(*) from outbox_event")) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    /** Returns the sequences in ascending order, the order in which every writer locks rows, to avoid deadlocks. */
    private static List<Long> sorted(Collection<Long> sequences) {
        return sequences.stream().sorted().distinct().toList();
    }
}
