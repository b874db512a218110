package org.familyqa.adapter.postgres;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

import org.familyqa.ports.out.DuplicateKeyException;
import org.familyqa.ports.out.StoreUnavailableException;

/** Turns driver, pool and Hibernate exceptions into the exceptions of the ports. */
final class StoreErrors {

    static final String UNIQUE_VIOLATION = "23505";
    static final String FOREIGN_KEY_VIOLATION = "23503";

    /** Unique constraints of the schema and the wire name of the field each one guards. */
    private static final Map<String, String> FIELD_BY_CONSTRAINT = Map.of(
            "pk_family", "family_id",
            "uq_family_topic_slug", "topic_slug",
            "uq_mqtt_access_username", "username",
            "uq_mqtt_access_topic_slug", "topic_slug",
            "pk_processed_request", "request_id");

    private StoreErrors() {
    }

    /**
     * Translates a failure of {@code operation}. A unique violation of a known constraint becomes a
     * {@link DuplicateKeyException}, a foreign key violation an {@link IllegalArgumentException} (the caller referred
     * to a row that does not exist), and everything else a {@link StoreUnavailableException}.
     */
    static RuntimeException translate(String operation, Throwable failure) {
        if (failure instanceof StoreUnavailableException || failure instanceof DuplicateKeyException) {
            return (RuntimeException) failure;
        }
        SQLException sqlException = findSqlException(failure);
        String state = sqlException == null ? null : sqlException.getSQLState();
        if (UNIQUE_VIOLATION.equals(state)) {
            String field = fieldOf(sqlException);
            if (field != null) {
                return new DuplicateKeyException(field, operation + " failed: " + field + " is already taken",
                        failure);
            }
        }
        if (FOREIGN_KEY_VIOLATION.equals(state)) {
            return new IllegalArgumentException(operation + " failed: it refers to a row that does not exist: "
                    + sqlException.getMessage(), failure);
        }
        String detail = sqlException != null ? sqlException.getMessage() : String.valueOf(failure.getMessage());
        return new StoreUnavailableException(operation + " failed: " + detail, failure);
    }

    static boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    private static SQLException findSqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                SQLException next = sql.getNextException();
                return next != null && sql.getSQLState() == null ? next : sql;
            }
        }
        return null;
    }

    private static String fieldOf(SQLException e) {
        String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> entry : FIELD_BY_CONSTRAINT.entrySet()) {
            if (message.contains(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }
}
