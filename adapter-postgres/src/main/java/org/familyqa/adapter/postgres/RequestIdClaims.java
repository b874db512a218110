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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.familyqa.domain.question.RequestId;

/**
 * Records the request ids of a batch in {@code processed_request}, inside the caller's transaction, and returns which
 * items repeat a request id that was seen before.
 *
 * <p>Each key is inserted with {@code ON CONFLICT DO NOTHING}. When two transactions insert the same key, PostgreSQL
 * makes the second wait until the first ends, and then inserts nothing, so exactly one of them stores its item. Keys
 * are inserted in sorted order so that two batches sharing several keys cannot deadlock.
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

    private static final String INSERT = "insert into processed_request"
            + " (family_id, item_kind, request_id, item_id, first_seen_at) values (?, ?, ?, ?, ?)"
            + " on conflict do nothing";
    private static final String SELECT = "select item_id from processed_request"
            + " where family_id = ? and item_kind = ? and request_id = ?";

    private RequestIdClaims() {
    }

    /**
     * Claims the request ids of {@code items} for {@code kind}.
     *
     * @return one claim per item, in the order of {@code items}
     */
    static List<Claim> claim(Connection connection, String kind, List<Item> items, Instant now)
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
        int[] counts = insert(connection, kind, items, toInsert, now);

        for (int n = 0; n < counts.length; n++) {
            int index = toInsert.get(n);
            if (counts[n] == 0 || counts[n] == Statement.SUCCESS_NO_INFO) {
                UUID stored = selectItemId(connection, kind, items.get(index));
                if (!stored.equals(items.get(index).itemId())) {
                    claims.set(index, new Claim(stored, false));
                }
            }
        }
        return claims;
    }

    private static int[] insert(Connection connection, String kind, List<Item> items, List<Integer> indexes,
                                Instant now) throws SQLException {
        OffsetDateTime seenAt = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int index : indexes) {
                Item item = items.get(index);
                insert.setObject(1, item.familyId());
                insert.setString(2, kind);
                insert.setString(3, item.requestId().orElseThrow().value());
                insert.setObject(4, item.itemId());
                insert.setObject(5, seenAt);
                insert.addBatch();
            }
            return insert.executeBatch();
        }
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
