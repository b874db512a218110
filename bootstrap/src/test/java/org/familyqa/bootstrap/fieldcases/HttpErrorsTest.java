package org.familyqa.bootstrap.fieldcases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

import org.familyqa.bootstrap.testing.RunningServer;
import org.familyqa.bootstrap.testing.RunningServer.Setup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every error response, including those of framework paths, is JSON with the right status and no internals. */
class HttpErrorsTest {

    private static final ServersPerSetup SERVERS = new ServersPerSetup();

    @AfterAll
    static void stopServers() {
        SERVERS.close();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void errorsHaveRightStatusAndJson(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        String questions = "/families/" + family.id() + "/questions";

        FamilyApi.assertJsonError(api.ask(family, "{"), 400);
        JsonNode empty = FamilyApi.assertJsonError(api.ask(family, "{\"question_text\":\"\"}"), 400);
        FamilyApi.assertJsonError(api.send("POST", questions, family.token(), "text/plain",
                "{\"question_text\":\"plain\"}"), 415);
        FamilyApi.assertJsonError(api.send("GET", "/families/does-not-exist/questions", family.token(), null,
                null), 404);
        FamilyApi.assertJsonError(api.send("GET", "/families/" + UUID.randomUUID() + "/questions",
                api.server().adminToken(), null, null), 404);
        FamilyApi.assertJsonError(api.send("GET", "/no/such/route", family.token(), null, null), 404);
        FamilyApi.assertJsonError(api.send("GET", questions, null, null, null), 401);
        FamilyApi.assertJsonError(api.send("GET", questions, "fqa_wrong", null, null), 401);
        JsonNode delete = FamilyApi.assertJsonError(api.send("DELETE", questions, family.token(), null, null), 405);

        assertThat(empty.get("field").asText()).isEqualTo("question_text");
        assertThat(delete.get("error").asText()).isEqualTo("method_not_allowed");
        assertThat(api.questionCount(family)).isZero();
    }

    @Test
    void unreachableDatabaseGets503() throws Exception {
        String database = "familyqa_br19_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        adminStatement("create database " + database);
        try (CuttableProxy proxy = new CuttableProxy(5432);
             RunningServer server = RunningServer.start(Setup.MOSQUITTO_POSTGRES, Map.of(
                     "FAMILYQA_DB_URL", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + database,
                     "FAMILYQA_DB_CONNECTION_TIMEOUT", "2s"))) {
            FamilyApi api = new FamilyApi(server);
            TestFamily family = api.createFamily();

            proxy.cut();
            var response = api.ask(family, "{\"question_text\":\"Anyone there?\"}");

            FamilyApi.assertJsonError(response, 503);
            assertThat(response.headers().firstValue("Retry-After")).isPresent();
        } finally {
            adminStatement("drop database if exists " + database + " with (force)");
        }
    }

    private static void adminStatement(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(RunningServer.POSTGRES_URL + "postgres",
                RunningServer.POSTGRES_USER, RunningServer.POSTGRES_PASSWORD)) {
            connection.createStatement().execute(sql);
        }
    }

    /** A TCP proxy from a free loopback port to a local port. {@link #cut()} closes every connection and the port. */
    private static final class CuttableProxy implements AutoCloseable {

        private final ServerSocket listener;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();

        CuttableProxy(int targetPort) throws IOException {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> accept(targetPort), "db-proxy");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private void accept(int targetPort) {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                    sockets.add(client);
                    sockets.add(target);
                    pipe(client, target);
                    pipe(target, client);
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void pipe(Socket from, Socket to) {
            Thread thread = new Thread(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // The proxy was cut or one side closed, so this direction is over.
                }
            }, "db-proxy-pipe");
            thread.setDaemon(true);
            thread.start();
        }

        void cut() {
            try {
                listener.close();
                for (Socket socket : sockets) {
                    socket.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            cut();
        }
    }
}
