package org.familyqa.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.familyqa.domain.question.RequestId;

/** Appends outbox events inside the transaction that stores their items. */
final class OutboxWriter {

    static final String KIND_QUESTION = "question";
    static final String KIND_ANSWER = "answer";

    private static final String INSERT_HEAD = "insert into outbox_event (family_id, item_kind, item_id, request_id)"
            + " values ";
    private static final String INSERT_CLAIMED_HEAD = "insert into outbox_event"
            + " (family_id, item_kind, item_id, request_id, lease_owner, lease_until) values ";

    /** An event to append: the item it announces and the request id to echo. */
    record Entry(UUID familyId, UUID itemId, Optional<RequestId> requestId) {
    }

    /** A claim to insert events under: as if {@code owner} had claimed them until {@code until}. */
    record Claim(String owner, Instant until) {
    }

    private OutboxWriter() {
    }

    /**
     * Appends events under a claim and returns their sequences in the order of {@code entries}.
     */
    static List<Long> appendClaimed(Connection connection, String kind, List<Entry> entries, Claim claim)
            throws SQLException {
        List<Long> sequences = new ArrayList<>(entries.size());
        if (entries.isEmpty()) {
            return sequences;
        }
        // One multi-row statement: both databases number its rows, and return them, in the order of the values list.
        // The sequence is the table's first column and its only generated one, so both drivers return it first.
        String sql = INSERT_CLAIMED_HEAD + Rows.valueRows(6, entries.size());
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            int offset = 0;
            for (Entry entry : entries) {
                insert.setObject(offset + 1, entry.familyId());
                insert.setString(offset + 2, kind);
                insert.setObject(offset + 3, entry.itemId());
                insert.setString(offset + 4, entry.requestId().map(RequestId::value).orElse(null));
                insert.setString(offset + 5, claim.owner());
                insert.setObject(offset + 6, Rows.timestamp(claim.until()));
                offset += 6;
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                while (keys.next()) {
                    sequences.add(keys.getLong(1));
                }
            }
        }
        if (sequences.size() != entries.size()) {
            throw new SQLException("the driver returned " + sequences.size() + " outbox sequences for "
                    + entries.size() + " inserted events");
        }
        return sequences;
    }

    static void append(Connection connection, String kind, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT_HEAD + Rows.valueRows(4, entries.size()))) {
            int offset = 0;
            for (Entry entry : entries) {
                insert.setObject(offset + 1, entry.familyId());
                insert.setString(offset + 2, kind);
                insert.setObject(offset + 3, entry.itemId());
                insert.setString(offset + 4, entry.requestId().map(RequestId::value).orElse(null));
                offset += 4;
            }
            insert.executeUpdate();
        }
    }
}
