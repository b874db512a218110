package org.familyqa.bootstrap.fieldcases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.familyqa.bootstrap.testing.RunningServer;

/** The server's HTTP API as the field-case tests use it: families, questions, answers and raw requests. */
final class FamilyApi {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String JSON_TYPE = "application/json";

    private final RunningServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    FamilyApi(RunningServer server) {
        this.server = server;
    }

    RunningServer server() {
        return server;
    }

    /** Creates a family named after a random id and enables MQTT for it. */
    TestFamily createFamily() {
        return createFamily("family " + UUID.randomUUID());
    }

    /** Creates a family with the given display name and enables MQTT for it. */
    TestFamily createFamily(String name) {
        ObjectNode body = JSON.createObjectNode().put("name", name);
        HttpResponse<String> created = send("POST", "/families", server.adminToken(), JSON_TYPE, body.toString());
        assertThat(created.statusCode()).as("create family: %s", created.body()).isEqualTo(201);
        return enable(json(created));
    }

    /** Enables MQTT for a family that {@code POST /families} returned. */
    TestFamily enable(JsonNode createdFamily) {
        String id = createdFamily.get("family_id").asText();
        String token = createdFamily.get("token").asText();
        HttpResponse<String> enabled = send("POST", "/families/" + id + "/mqtt/enable", token, null, null);
        assertThat(enabled.statusCode()).as("enable MQTT: %s", enabled.body()).isEqualTo(200);
        JsonNode access = json(enabled);
        return new TestFamily(id, token, access.get("topic_prefix").asText(), access.get("username").asText(),
                access.get("password").asText());
    }

    /** Asks a question over HTTP and returns the response. */
    HttpResponse<String> ask(TestFamily family, String jsonBody) {
        return send("POST", "/families/" + family.id() + "/questions", family.token(), JSON_TYPE, jsonBody);
    }

    /** Asks a valid question over HTTP and returns its id. */
    String askValid(TestFamily family, String text) {
        HttpResponse<String> response = ask(family, JSON.createObjectNode().put("question_text", text).toString());
        assertThat(response.statusCode()).as("ask: %s", response.body()).isEqualTo(201);
        return json(response).get("question_id").asText();
    }

    /** Returns every stored question of the family, newest first, following the pages. */
    List<JsonNode> questions(TestFamily family) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String query = "?limit=100" + (cursor == null ? "" : "&cursor="
                    + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> page = send("GET", "/families/" + family.id() + "/questions" + query,
                    family.token(), null, null);
            assertThat(page.statusCode()).as("list questions: %s", page.body()).isEqualTo(200);
            JsonNode body = json(page);
            body.get("items").forEach(all::add);
            cursor = body.get("next_cursor").isNull() ? null : body.get("next_cursor").asText();
        } while (cursor != null);
        return all;
    }

    int questionCount(TestFamily family) {
        return questions(family).size();
    }

    /** Returns one question with its {@code answers} array. */
    JsonNode question(TestFamily family, String questionId) {
        HttpResponse<String> response = send("GET", "/families/" + family.id() + "/questions/" + questionId,
                family.token(), null, null);
        assertThat(response.statusCode()).as("get question: %s", response.body()).isEqualTo(200);
        return json(response);
    }

    int answerCount(TestFamily family, String questionId) {
        return question(family, questionId).get("answers").size();
    }

    /** Sends a request to a path under {@code /api}; a null token, content type or body is left out. */
    HttpResponse<String> send(String method, String path, String token, String contentType, String body) {
        return sendBytes(method, path, token, contentType,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> sendBytes(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.apiUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Checks that an error response is JSON in the API's error shape and shows no Java internals or HTML. */
    static JsonNode assertJsonError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(JSON_TYPE));
        assertThat(response.body()).doesNotContainIgnoringCase("<html")
                .doesNotContain("Exception")
                .doesNotContain("org.familyqa")
                .doesNotContain("java.")
                .doesNotContain("\tat ");
        JsonNode body = json(response);
        assertThat(body.has("error")).as("error key in %s", body).isTrue();
        assertThat(body.has("message")).as("message key in %s", body).isTrue();
        assertThat(body.has("field")).as("field key in %s", body).isTrue();
        return body;
    }
}
