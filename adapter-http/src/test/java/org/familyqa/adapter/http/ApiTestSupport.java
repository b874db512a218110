package org.familyqa.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Starts one API per test class on a free loopback port, with its use cases and two families. */
abstract class ApiTestSupport {

    /** Jetty writes the content type without the space after the semicolon. */
    static final String JSON_CONTENT_TYPE = "application/json; ?charset=utf-8";

    static final HttpSettings.BrokerAddress BROKER = new HttpSettings.BrokerAddress("127.0.0.1", 1883, 8883);

    static CoreFixture core;
    static HttpApi api;
    static ApiClient client;
    static String adminToken;
    static TestFamily familyA;
    static TestFamily familyB;

    @BeforeAll
    static void startApi() {
        core = new CoreFixture();
        adminToken = core.adminToken;
        api = HttpApi.start(HttpSettings.of("127.0.0.1", 0, BROKER), core.useCases());
        client = new ApiClient(api.port());
        familyA = createFamily("Family A");
        familyB = createFamily("Family B");
    }

    @AfterAll
    static void stopApi() {
        if (api != null) {
            api.close();
        }
    }

    static TestFamily createFamily(String name) {
        ApiClient.Reply reply = client.post("/api/families", adminToken, "{\"name\":\"" + name + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return new TestFamily(reply.json().get("family_id").asText(), reply.json().get("token").asText());
    }

    static String askQuestion(TestFamily family, String text) {
        ApiClient.Reply reply = client.post(family.path("/questions"), family.token(),
                "{\"question_text\":\"" + text + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().get("question_id").asText();
    }

    /** Asserts the rules every error response follows: JSON, the three keys, and no internals. */
    static void assertCleanError(ApiClient.Reply reply) {
        assertThat(reply.contentType()).as(reply.toString()).matches(JSON_CONTENT_TYPE);
        assertThat(reply.json().has("error")).as(reply.toString()).isTrue();
        assertThat(reply.json().has("message")).as(reply.toString()).isTrue();
        assertThat(reply.json().has("field")).as(reply.toString()).isTrue();
        assertThat(reply.text()).doesNotContain("Exception").doesNotContain("org.").doesNotContainIgnoringCase("<html");
    }

    /** A family created through the API, with its token. */
    record TestFamily(String id, String token) {
        String path(String rest) {
            return "/api/families/" + id + rest;
        }
    }
}
