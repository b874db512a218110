package org.familyqa.bootstrap.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small JSON client of a running server's {@code /api}, for end-to-end tests. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** A response: its status and its body parsed as JSON (an empty object when the body is empty). */
    public record Reply(int status, JsonNode body) {

        public String text(String field) {
            return body.path(field).asText(null);
        }
    }

    /** A family created through the API, with the token that was shown once. */
    public record Family(String id, String token) {
    }

    /** A family's MQTT credentials as returned by enable or reset. */
    public record MqttCredentials(String username, String password, String topicPrefix) {
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, null);
    }

    public Reply post(String path, String token, Map<String, ?> body) {
        return send("POST", path, token, body);
    }

    public Family createFamily(String adminToken, String name) {
        Reply reply = expect(201, post("/families", adminToken, Map.of("name", name)));
        return new Family(reply.text("family_id"), reply.text("token"));
    }

    public MqttCredentials enableMqtt(Family family) {
        return credentials(expect(200, post("/families/" + family.id() + "/mqtt/enable", family.token(), Map.of())));
    }

    public MqttCredentials resetMqtt(Family family) {
        return credentials(expect(200, post("/families/" + family.id() + "/mqtt/credentials/reset", family.token(),
                Map.of())));
    }

    /** Asks a question over HTTP and returns its id. */
    public String ask(Family family, String text) {
        Reply reply = expect(201, post("/families/" + family.id() + "/questions", family.token(),
                Map.of("question_text", text)));
        return reply.text("question_id");
    }

    /** Answers a question over HTTP and returns the answer's id. */
    public String answer(Family family, String questionId, String text) {
        Reply reply = expect(201, post("/families/" + family.id() + "/questions/" + questionId + "/answers",
                family.token(), Map.of("answer_text", text)));
        return reply.text("answer_id");
    }

    /** Returns the first page of a family's questions, newest first. */
    public JsonNode questions(Family family) {
        return expect(200, get("/families/" + family.id() + "/questions", family.token())).body().path("items");
    }

    private static MqttCredentials credentials(Reply reply) {
        return new MqttCredentials(reply.text("username"), reply.text("password"), reply.text("topic_prefix"));
    }

    private static Reply expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected HTTP " + status + " but got " + reply.status() + ": " + reply.body());
        }
        return reply;
    }

    private Reply send(String method, String path, String token, Map<String, ?> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            return new Reply(response.statusCode(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parse(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
