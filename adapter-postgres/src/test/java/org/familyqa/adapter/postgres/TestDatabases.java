package org.familyqa.adapter.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The databases of a test run: the local PostgreSQL at 127.0.0.1:5432 (user postgres), where each run creates its
 * own databases named {@code familyqa_test_<random>} and drops them at exit, and H2 files in temporary folders.
 *
 * <p>The contract suites share one started adapter per database kind and empty its tables before each test, since
 * starting an adapter (migration and Hibernate validation) takes about a second.
 */
final class TestDatabases {

    static final String POSTGRES_HOST = "127.0.0.1";
    static final int POSTGRES_PORT = 5432;
    static final String POSTGRES_USER = "postgres";
    static final String POSTGRES_PASSWORD = "postgres";

    /** Tables in an order in which rows can be deleted without breaking a foreign key. */
    private static final List<String> TABLES = List.of("outbox_event", "processed_request", "answer", "question",
            "mqtt_access", "admin_token", "family");

    private static PersistenceAdapter sharedPostgres;
    private static PersistenceAdapter sharedH2;

    private TestDatabases() {
    }

    /** Returns the shared PostgreSQL adapter with every table empty. */
    static synchronized PersistenceAdapter emptyPostgres() {
        if (sharedPostgres == null) {
            sharedPostgres = PersistenceAdapter.start(postgresSettings(createPostgresDatabase()));
            closeAtExit(sharedPostgres);
        }
        deleteAllRows(sharedPostgres);
        return sharedPostgres;
    }

    /** Returns the shared H2 adapter with every table empty. */
    static synchronized PersistenceAdapter emptyH2() {
        if (sharedH2 == null) {
            sharedH2 = PersistenceAdapter.start(PersistenceSettings.h2File(newTempFolder()));
            closeAtExit(sharedH2);
        }
        deleteAllRows(sharedH2);
        return sharedH2;
    }

    /** Creates an empty PostgreSQL database that is dropped when the JVM exits, and returns its name. */
    static String createPostgresDatabase() {
        String name = "familyqa_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        adminStatement("create database " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropPostgresDatabase(name)));
        return name;
    }

    static PersistenceSettings postgresSettings(String database) {
        return postgresSettings(POSTGRES_HOST, POSTGRES_PORT, database);
    }

    static PersistenceSettings postgresSettings(String host, int port, String database) {
        return PersistenceSettings.postgres("jdbc:postgresql://" + host + ":" + port + "/" + database,
                POSTGRES_USER, POSTGRES_PASSWORD);
    }

    static Path newTempFolder() {
        try {
            Path folder = Files.createTempDirectory("familyqa-h2-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(folder)));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void dropPostgresDatabase(String name) {
        adminStatement("drop database if exists " + name + " with (force)");
    }

    private static void adminStatement(String sql) {
        String url = "jdbc:postgresql://" + POSTGRES_HOST + ":" + POSTGRES_PORT + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, POSTGRES_USER, POSTGRES_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + sql + "' failed on the test PostgreSQL at " + url, e);
        }
    }

    private static void deleteAllRows(PersistenceAdapter adapter) {
        try (Connection connection = adapter.database().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("delete from " + table);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("emptying the test database failed", e);
        }
    }

    private static void closeAtExit(PersistenceAdapter adapter) {
        Runtime.getRuntime().addShutdownHook(new Thread(adapter::close));
    }

    private static void deleteRecursively(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // The folder is under the build directory's temporary folder; a leftover file does no harm.
        }
    }
}
