package org.familyqa.adapter.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.familyqa.domain.question.RequestId;

/**
 * Records the request ids of a batch in {@code processed_request}, inside the caller's transaction, and returns which
 * items repeat a request id that was seen before.
 *
 * <p>Each key is inserted with {@code ON CONFLICT DO NOTHING}. When two transactions insert the same key, PostgreSQL
 * makes the second wait until the first ends, and then inserts nothing, so exactly one of them stores its item. Keys
 * are inserted in sorted order so that two batches sharing several keys cannot deadlock. On PostgreSQL all keys of a
 * batch go in one multi-row statement whose {@code RETURNING} list names the new ones; on H2, which has no
 * {@code RETURNING}, each key is a statement of one JDBC batch and its update count tells.
 *
 * <p>Questions and answers keep separate request-id spaces ({@code item_kind} is part of the key), because a
 * duplicate must be answered with the earlier item of the same type.
 */
final class RequestIdClaims {

    /** One item of a batch: its family, its request id if any, and the id it is stored under. */
    record Item(UUID familyId, Optional<RequestId> requestId, UUID itemId) {
    }

    /** The outcome of one item: {@code earlierItemId} is null when the item is new and must be stored. */
    record Claim(UUID earlierItemId, boolean sameBatch) {

        static final Claim NEW = new Claim(null, false);

        boolean isNew() {
            return earlierItemId == null;
        }
    }

    private static final String INSERT_HEAD = "insert into processed_request"
            + " (family_id, item_kind, request_id, item_id, first_seen_at) values ";
    private static final String INSERT = INSERT_HEAD + Rows.valueRows(5, 1) + " on conflict do nothing";
    private static final String SELECT = "select item_id from processed_request"
            + " where family_id = ? and item_kind = ? and request_id = ?";

    private RequestIdClaims() {
    }

    /**
     * Claims the request ids of {@code items} for {@code kind}.
     *
     * @return one claim per item, in the order of {@code items}
     */
    static List<Claim> claim(Connection connection, boolean h2, String kind, List<Item> items, Instant now)
            throws SQLException {
        List<Claim> claims = new ArrayList<>(items.size());
        Map<String, Integer> firstIndexByKey = new HashMap<>();
        List<Integer> toInsert = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            if (item.requestId().isEmpty()) {
                claims.add(Claim.NEW);
                continue;
            }
            Integer first = firstIndexByKey.putIfAbsent(key(item), i);
            if (first == null) {
                claims.add(Claim.NEW);
                toInsert.add(i);
            } else {
                claims.add(new Claim(items.get(first).itemId(), true));
            }
        }
        if (toInsert.isEmpty()) {
            return claims;
        }

        toInsert.sort(Comparator.comparing(i -> key(items.get(i))));
        boolean[] inserted = h2 ? insertEach(connection, kind, items, toInsert, now)
                : insertAll(connection, kind, items, toInsert, now);

        for (int n = 0; n < inserted.length; n++) {
            int index = toInsert.get(n);
            if (!inserted[n]) {
                UUID stored = selectItemId(connection, kind, items.get(index));
                if (!stored.equals(items.get(index).itemId())) {
                    claims.set(index, new Claim(stored, false));
                }
            }
        }
        return claims;
    }

    /**
     * Inserts the keys of {@code indexes} with one JDBC batch of single-row statements, and tells from the update
     * count of each which ones were new.
     */
    private static boolean[] insertEach(Connection connection, String kind, List<Item> items, List<Integer> indexes,
                                        Instant now) throws SQLException {
        OffsetDateTime seenAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int[] counts;
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int index : indexes) {
                bind(insert, 0, kind, items.get(index), seenAt);
                insert.addBatch();
            }
            counts = insert.executeBatch();
        }
        boolean[] inserted = new boolean[counts.length];
        for (int n = 0; n < counts.length; n++) {
            inserted[n] = counts[n] != 0 && counts[n] != Statement.SUCCESS_NO_INFO;
        }
        return inserted;
    }

    /**
     * Inserts the keys of {@code indexes} with one multi-row statement on PostgreSQL, and tells from the request ids
     * it returns which ones were new. The rows are inserted in the order of the values list, so the sorted order
     * still holds for the row locks.
     */
    private static boolean[] insertAll(Connection connection, String kind, List<Item> items, List<Integer> indexes,
                                       Instant now) throws SQLException {
        OffsetDateTime seenAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        String sql = INSERT_HEAD + Rows.valueRows(5, indexes.size())
                + " on conflict do nothing returning family_id, request_id";
        Set<String> newKeys = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (int n = 0; n < indexes.size(); n++) {
                bind(insert, n * 5, kind, items.get(indexes.get(n)), seenAt);
            }
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    newKeys.add(rows.getObject(1, UUID.class) + "/" + rows.getString(2));
                }
            }
        }
        boolean[] inserted = new boolean[indexes.size()];
        for (int n = 0; n < indexes.size(); n++) {
            inserted[n] = newKeys.contains(key(items.get(indexes.get(n))));
        }
        return inserted;
    }

    private static void bind(PreparedStatement insert, int offset, String kind, Item item, OffsetDateTime seenAt)
            throws SQLException {
        insert.setObject(offset + 1, item.familyId());
        insert.setString(offset + 2, kind);
        insert.setString(offset + 3, item.requestId().orElseThrow().value());
        insert.setObject(offset + 4, item.itemId());
        insert.setObject(offset + 5, seenAt);
    }

    private static UUID selectItemId(Connection connection, String kind, Item item) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            select.setObject(1, item.familyId());
            select.setString(2, kind);
            select.setString(3, item.requestId().orElseThrow().value());
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("request id " + item.requestId().get() + " of family " + item.familyId()
                            + " was neither inserted nor found");
                }
                return rows.getObject(1, UUID.class);
            }
        }
    }

    private static String key(Item item) {
        return item.familyId() + "/" + item.requestId().map(RequestId::value).orElse("");
    }
}
