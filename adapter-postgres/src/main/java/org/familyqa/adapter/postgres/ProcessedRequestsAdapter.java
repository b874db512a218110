package org.familyqa.adapter.postgres;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Objects;

import org.familyqa.ports.out.ProcessedRequests;

/** Retention of {@code processed_request} rows. */
final class ProcessedRequestsAdapter implements ProcessedRequests {

    private final Database database;

    ProcessedRequestsAdapter(Database database) {
        this.database = database;
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return database.inWriteTransaction("purging request ids before " + cutoff, connection -> {
            try (PreparedStatement delete =
                         connection.prepareStatement("delete from processed_request where first_seen_at < ?")) {
                delete.setObject(1, Rows.timestamp(cutoff));
                return delete.executeUpdate();
            }
        });
    }
}
