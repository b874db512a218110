package org.familyqa.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.familyqa.domain.question.RequestId;

/** Appends outbox events inside the transaction that stores their items. */
final class OutboxWriter {

    static final String KIND_QUESTION = "question";
    static final String KIND_ANSWER = "answer";

    private static final String INSERT = "insert into outbox_event (family_id, item_kind, item_id, request_id)"
            + " values (?, ?, ?, ?)";

    /** An event to append: the item it announces and the request id to echo. */
    record Entry(UUID familyId, UUID itemId, Optional<RequestId> requestId) {
    }

    private OutboxWriter() {
    }

    static void append(Connection connection, String kind, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Entry entry : entries) {
                insert.setObject(1, entry.familyId());
                insert.setString(2, kind);
                insert.setObject(3, entry.itemId());
                insert.setString(4, entry.requestId().map(RequestId::value).orElse(null));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
