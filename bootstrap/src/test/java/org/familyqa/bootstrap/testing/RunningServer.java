package org.familyqa.bootstrap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.familyqa.adapter.mqtt.testing.MosquittoProcess;
import org.familyqa.bootstrap.FamilyQaServer;
import org.familyqa.bootstrap.ServerConfiguration;

/**
 * A whole FamilyQA server for end-to-end tests, in one of the two setups users run: the embedded defaults (HiveMQ CE
 * and H2 in a data folder) or production parts (a real Mosquitto with the dynamic security plugin and a fresh
 * PostgreSQL database on 127.0.0.1:5432). Every port is a free loopback port.
 *
 * <p>{@link #restart()} stops the server and starts it again on the same data folder, database and ports.
 */
public final class RunningServer implements AutoCloseable {

    /** The two setups a server runs in. */
    public enum Setup {
        EMBEDDED, MOSQUITTO_POSTGRES
    }

    public static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String POSTGRES_USER = "postgres";
    public static final String POSTGRES_PASSWORD = "postgres";

    private final Setup setup;
    private final Path dataDir;
    private final Map<String, String> environment;
    private final MosquittoProcess mosquitto;
    private final String database;
    private FamilyQaServer server;
    private String adminToken;

    private RunningServer(Setup setup, Path dataDir, Map<String, String> environment, MosquittoProcess mosquitto,
                          String database) {
        this.setup = setup;
        this.dataDir = dataDir;
        this.environment = environment;
        this.mosquitto = mosquitto;
        this.database = database;
    }

    /** Starts a server in the given setup with extra environment variables, such as a rate limit. */
    public static RunningServer start(Setup setup, Map<String, String> extraEnvironment) {
        Path dataDir = newTempFolder();
        Map<String, String> env = new HashMap<>();
        env.put("FAMILYQA_DATA_DIR", dataDir.toString());
        env.put("FAMILYQA_BIND_HOST", "127.0.0.1");
        env.put("FAMILYQA_HTTP_PORT", Integer.toString(freePort()));
        env.put("FAMILYQA_INSTANCE_ID", "test-" + UUID.randomUUID().toString().substring(0, 8));
        MosquittoProcess mosquitto = null;
        String database = null;
        if (setup == Setup.EMBEDDED) {
            env.put("FAMILYQA_MQTT_PORT", Integer.toString(freePort()));
            env.put("FAMILYQA_MQTT_TLS_PORT", Integer.toString(freePort()));
        } else {
            mosquitto = MosquittoProcess.builder().dynamicSecurity().tls().start();
            database = createDatabase();
            env.put("FAMILYQA_BROKER", "mosquitto");
            env.put("FAMILYQA_MQTT_HOST", mosquitto.host());
            env.put("FAMILYQA_MQTT_PORT", Integer.toString(mosquitto.port()));
            env.put("FAMILYQA_MQTT_TLS_PORT", Integer.toString(mosquitto.tlsPort()));
            env.put("FAMILYQA_MQTT_ADMIN_USER", mosquitto.adminUsername());
            env.put("FAMILYQA_MQTT_ADMIN_PASSWORD", mosquitto.adminPassword());
            env.put("FAMILYQA_MQTT_SERVER_PASSWORD", "server-" + UUID.randomUUID());
            env.put("FAMILYQA_DB_URL", POSTGRES_URL + database);
            env.put("FAMILYQA_DB_USER", POSTGRES_USER);
            env.put("FAMILYQA_DB_PASSWORD", POSTGRES_PASSWORD);
        }
        env.putAll(extraEnvironment);
        RunningServer running = new RunningServer(setup, dataDir, env, mosquitto, database);
        try {
            running.startServer();
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
        return running;
    }

    /** Starts a server in the given setup with its default settings. */
    public static RunningServer start(Setup setup) {
        return start(setup, Map.of());
    }

    private void startServer() {
        server = FamilyQaServer.start(ServerConfiguration.fromEnvironment(environment));
        server.generatedAdminToken().ifPresent(token -> adminToken = token);
        awaitBridgeReady();
    }

    private void awaitBridgeReady() {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!server.isBridgeReady()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The server's MQTT bridge did not subscribe within 20 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Stops the server and starts it again with the same data folder, database, broker and ports. */
    public void restart() {
        server.close();
        server = null;
        startServer();
    }

    /** Stops the server only, leaving the broker and the database as they are. */
    public void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** Starts the server again after {@link #stopServer()}, on the same data folder, database, broker and ports. */
    public void startAgain() {
        if (server != null) {
            throw new IllegalStateException("The server is running; stop it first");
        }
        startServer();
    }

    public Setup setup() {
        return setup;
    }

    public FamilyQaServer server() {
        return server;
    }

    /** Returns the base URL of the API, such as {@code http://127.0.0.1:41234/api}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + server.httpPort() + "/api";
    }

    /** Returns the admin token generated at the first start. */
    public String adminToken() {
        return adminToken;
    }

    public String mqttHost() {
        return "127.0.0.1";
    }

    public int mqttPort() {
        return Integer.parseInt(environment.get("FAMILYQA_MQTT_PORT"));
    }

    public int mqttTlsPort() {
        return Integer.parseInt(environment.get("FAMILYQA_MQTT_TLS_PORT"));
    }

    /** Returns the PEM file that TLS clients of this setup's broker trust. */
    public Path trustedCertificate() {
        return setup == Setup.EMBEDDED ? server.brokerCertificate().orElseThrow() : mosquitto.caFile();
    }

    /** Returns the Mosquitto process of the production setup. */
    public Optional<MosquittoProcess> mosquitto() {
        return Optional.ofNullable(mosquitto);
    }

    /** Returns the JDBC URL of the production setup's database. */
    public Optional<String> databaseUrl() {
        return Optional.ofNullable(database).map(name -> POSTGRES_URL + name);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        stopServer();
        if (mosquitto != null) {
            mosquitto.close();
        }
        if (database != null) {
            adminStatement("drop database if exists " + database + " with (force)");
        }
        deleteRecursively(dataDir);
    }

    /** Returns a port that was free a moment ago on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String createDatabase() {
        String name = "familyqa_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        adminStatement("create database " + name);
        return name;
    }

    private static void adminStatement(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL + "postgres", POSTGRES_USER,
                POSTGRES_PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("'" + sql + "' failed on the test PostgreSQL", e);
        }
    }

    private static Path newTempFolder() {
        try {
            return Files.createTempDirectory("familyqa-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
