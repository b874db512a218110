package org.familyqa.adapter.postgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Connection settings of the persistence adapter.
 *
 * @param jdbcUrl                 a {@code jdbc:postgresql:} or {@code jdbc:h2:} URL
 * @param user                    the database user
 * @param password                the user's password; may be empty, never logged
 * @param poolMaxSize             the maximum number of pooled connections, 1 to 1000
 * @param connectionTimeout       how long a caller waits for a pooled connection before the store counts as
 *                                unavailable; at least 250 ms, the pool's minimum
 * @param leakDetectionThreshold  how long a connection may stay borrowed before the pool logs a possible leak, or
 *                                {@link Duration#ZERO} to turn the check off; otherwise at least 2 s
 */
public record PersistenceSettings(String jdbcUrl, String user, String password, int poolMaxSize,
                                  Duration connectionTimeout, Duration leakDetectionThreshold) {

    /** The H2 settings that make it accept the same migrations and order nulls as PostgreSQL does. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    public PersistenceSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(leakDetectionThreshold, "leakDetectionThreshold");
        if (!jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql: or jdbc:h2:, but was "
                    + jdbcUrl.substring(0, Math.min(jdbcUrl.length(), 20)));
        }
        if (poolMaxSize < 1 || poolMaxSize > 1000) {
            throw new IllegalArgumentException("poolMaxSize must be 1 to 1000, but was " + poolMaxSize);
        }
        if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms, but was "
                    + connectionTimeout.toMillis() + " ms");
        }
        if (!leakDetectionThreshold.isZero() && leakDetectionThreshold.compareTo(Duration.ofSeconds(2)) < 0) {
            throw new IllegalArgumentException("leakDetectionThreshold must be 0 (off) or at least 2 s, but was "
                    + leakDetectionThreshold.toMillis() + " ms");
        }
    }

    /**
     * Returns settings for PostgreSQL with a pool of 10 connections, a 5 s connection timeout and leak detection
     * after 60 s.
     */
    public static PersistenceSettings postgres(String jdbcUrl, String user, String password) {
        return new PersistenceSettings(jdbcUrl, user, password, 10, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    /**
     * Returns settings for the embedded H2 database {@code familyqa} in a data folder, which H2 creates if missing.
     * Only one process can open the database at a time.
     */
    public static PersistenceSettings h2File(Path dataFolder) {
        Path base = dataFolder.toAbsolutePath().resolve("familyqa");
        String url = "jdbc:h2:file:" + base + H2_OPTIONS;
        return new PersistenceSettings(url, "sa", "", 10, Duration.ofSeconds(5), Duration.ofSeconds(60));
    }

    /** Returns a copy with another pool size, connection timeout and leak detection threshold. */
    public PersistenceSettings withPool(int maxSize, Duration timeout, Duration leakThreshold) {
        return new PersistenceSettings(jdbcUrl, user, password, maxSize, timeout, leakThreshold);
    }

    boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "PersistenceSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=hidden, poolMaxSize="
                + poolMaxSize + ", connectionTimeout=" + connectionTimeout + ", leakDetectionThreshold="
                + leakDetectionThreshold + "]";
    }
}
