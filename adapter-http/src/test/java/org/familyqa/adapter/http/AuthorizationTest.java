package org.familyqa.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AuthorizationTest extends ApiTestSupport {

    /** One request per family endpoint; {@code QID} is replaced by a question of the family. */
    private record Endpoint(String method, String suffix, String body) {
    }

    private static final List<Endpoint> FAMILY_ENDPOINTS = List.of(
            new Endpoint("GET", "", null),
            new Endpoint("POST", "/questions", "{\"question_text\":\"Hi?\"}"),
            new Endpoint("GET", "/questions", null),
            new Endpoint("GET", "/questions/QID", null),
            new Endpoint("POST", "/questions/QID/answers", "{\"answer_text\":\"Yes\"}"),
            new Endpoint("POST", "/mqtt/enable", null),
            new Endpoint("POST", "/mqtt/disable", null),
            new Endpoint("POST", "/mqtt/credentials/reset", null),
            new Endpoint("POST", "/mqtt/test", null),
            new Endpoint("GET", "/mqtt/status", null));

    private static ApiClient.Reply call(Endpoint endpoint, TestFamily target, String questionId, String token) {
        String path = target.path(endpoint.suffix().replace("QID", questionId));
        String contentType = endpoint.body() == null ? null : "application/json";
        return client.send(endpoint.method(), path, token, contentType, endpoint.body());
    }

    @Test
    void otherFamilysTokenGets404Everywhere() {
        String questionOfB = askQuestion(familyB, "Secret of B?");

        for (Endpoint endpoint : FAMILY_ENDPOINTS) {
            ApiClient.Reply reply = call(endpoint, familyB, questionOfB, familyA.token());

            assertThat(reply.status()).as(endpoint + " " + reply).isEqualTo(404);
            assertThat(reply.error()).as(endpoint.toString()).isEqualTo("not_found");
            assertCleanError(reply);
        }
        ApiClient.Reply question = client.get(familyB.path("/questions/" + questionOfB), familyB.token());
        assertThat(question.json().get("answers")).isEmpty();
    }

    @Test
    void otherFamilyMatchesNonexistentFamily() {
        TestFamily nonexistent = new TestFamily("00000000-0000-4000-8000-000000000000", null);

        ApiClient.Reply other = client.get(familyB.path(""), familyA.token());
        ApiClient.Reply missing = client.get(nonexistent.path(""), familyA.token());

        assertThat(other.status()).isEqualTo(missing.status());
        assertThat(other.text()).isEqualTo(missing.text());
    }

    @Test
    void missingOrWrongTokenGets401Everywhere() {
        String questionOfA = askQuestion(familyA, "Who?");
        List<String> badHeaders = List.of("", "Basic abc", "Bearer", "Bearer ", "Bearer wrong-token",
                "Bearer fqa_00000000000000000000000000000000_nope", "Bearer a b");

        for (Endpoint endpoint : FAMILY_ENDPOINTS) {
            ApiClient.Reply noToken = call(endpoint, familyA, questionOfA, null);
            ApiClient.Reply wrongToken = call(endpoint, familyA, questionOfA, "wrong-token");

            assertThat(noToken.status()).as(endpoint + " " + noToken).isEqualTo(401);
            assertThat(wrongToken.status()).as(endpoint + " " + wrongToken).isEqualTo(401);
            assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertCleanError(noToken);
            assertCleanError(wrongToken);
        }
        for (String header : badHeaders) {
            ApiClient.Reply reply = client.sendBytes("GET", familyA.path(""), null, null,
                    java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", header);
            assertThat(reply.status()).as("header '" + header + "' " + reply).isEqualTo(401);
            assertThat(reply.error()).isEqualTo("unauthorized");
        }
    }

    @Test
    void unauthenticatedBeforeNotFound() {
        ApiClient.Reply unknownRoute = client.get("/api/no/such/route", null);
        ApiClient.Reply badBody = client.post(familyA.path("/questions"), "wrong", "{");

        assertThat(unknownRoute.status()).isEqualTo(401);
        assertThat(badBody.status()).isEqualTo(401);
    }

    @Test
    void adminTokenWorksOnEveryFamily() {
        String questionOfB = askQuestion(familyB, "Admin may see this?");

        for (Endpoint endpoint : FAMILY_ENDPOINTS) {
            ApiClient.Reply reply = call(endpoint, familyB, questionOfB, adminToken);

            assertThat(reply.status()).as(endpoint + " " + reply).isIn(200, 201, 409);
        }
    }

    @Test
    void familyTokenCannotCreateOrListFamilies() {
        ApiClient.Reply create = client.post("/api/families", familyA.token(), "{\"name\":\"Sneaky\"}");
        ApiClient.Reply list = client.get("/api/families", familyA.token());

        assertThat(create.status()).isEqualTo(401);
        assertThat(list.status()).isEqualTo(401);
        assertCleanError(create);
    }

    @Test
    void adminListsFamilies() {
        ApiClient.Reply list = client.get("/api/families?limit=100", adminToken);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").findValuesAsText("family_id")).contains(familyA.id(), familyB.id());
        assertThat(list.json().has("next_cursor")).isTrue();
    }
}
