package org.familyqa.adapter.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.hibernate.Session;
import org.hibernate.SessionFactory;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The pool and the Hibernate session factory that the repositories share, with transaction helpers that translate
 * failures into port exceptions and always return the connection to the pool.
 */
final class Database {

    /** Work on a JDBC connection inside a transaction. */
    @FunctionalInterface
    interface JdbcWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final boolean h2;
    private final Clock clock;

    /**
     * Serialises writes that rely on row locks between transactions when the database is H2. An H2 file database
     * is open in one process only, so a lock in this JVM covers every writer; PostgreSQL needs none.
     */
    private final Lock h2WriteLock = new ReentrantLock();

    Database(HikariDataSource dataSource, SessionFactory sessionFactory, boolean h2, Clock clock) {
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.h2 = h2;
        this.clock = clock;
    }

    boolean isH2() {
        return h2;
    }

    HikariDataSource dataSource() {
        return dataSource;
    }

    /** Returns the current time at the precision of the database's timestamps, microseconds. */
    Instant now() {
        return truncate(clock.instant());
    }

    static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** Runs {@code work} in a JDBC transaction and commits it; rolls back on any failure. */
    <T> T inTransaction(String operation, JdbcWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            throw StoreErrors.translate(operation, e);
        }
    }

    /** Runs {@code work} like {@link #inTransaction}, one at a time within this JVM when the database is H2. */
    <T> T inWriteTransaction(String operation, JdbcWork<T> work) {
        if (!h2) {
            return inTransaction(operation, work);
        }
        h2WriteLock.lock();
        try {
            return inTransaction(operation, work);
        } finally {
            h2WriteLock.unlock();
        }
    }

    /** Runs {@code work} in a Hibernate session and transaction, committing on return. */
    <T> T inSession(String operation, Function<Session, T> work) {
        try {
            return sessionFactory.fromTransaction(work);
        } catch (RuntimeException e) {
            throw StoreErrors.translate(operation, e);
        }
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }
}
