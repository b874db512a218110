package org.familyqa.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;

import org.junit.jupiter.api.Test;

class RequestValidationTest extends ApiTestSupport {

    /** A bad body, with the status, error code and field it must produce. */
    private record BadBody(String json, int status, String error, String field) {
    }

    private static final String LONG_1001 = "x".repeat(1001);

    private static final List<BadBody> BAD_ASKS = List.of(
            new BadBody("{", 400, "invalid_json", null),
            new BadBody("[]", 400, "invalid_payload", null),
            new BadBody("\"text\"", 400, "invalid_payload", null),
            new BadBody("{} {}", 400, "invalid_json", null),
            new BadBody("{\"question_text\":\"a\",\"question_text\":\"b\"}", 400, "invalid_json", null),
            new BadBody("{}", 400, "missing_field", "question_text"),
            new BadBody("{\"question_text\":null}", 400, "missing_field", "question_text"),
            new BadBody("{\"question_text\":12345}", 400, "invalid_field", "question_text"),
            new BadBody("{\"question_text\":[\"a\"]}", 400, "invalid_field", "question_text"),
            new BadBody("{\"question_text\":{\"nested\":\"object\"}}", 400, "invalid_field", "question_text"),
            new BadBody("{\"question_text\":\"\"}", 400, "invalid_field", "question_text"),
            new BadBody("{\"question_text\":\"   \"}", 400, "invalid_field", "question_text"),
            new BadBody("{\"question_text\":\"" + LONG_1001 + "\"}", 400, "too_long", "question_text"),
            new BadBody("{\"question_text\":\"Dinner at 6?\\u0000\"}", 400, "invalid_field", "question_text"),
            new BadBody("{\"question_text\":\"half \\ud83c\"}", 400, "invalid_field", "question_text"),
            new BadBody("{\"question_text\":\"ok\",\"category\":[\"general\"]}", 400, "invalid_field", "category"),
            new BadBody("{\"question_text\":\"ok\",\"category\":\"Not A Slug\"}", 400, "invalid_field", "category"),
            new BadBody("{\"question_text\":\"ok\",\"category\":\"a\\u0000\"}", 400, "invalid_field", "category"),
            new BadBody("{\"question_text\":\"ok\",\"asked_by\":7}", 400, "invalid_field", "asked_by"),
            new BadBody("{\"question_text\":\"ok\",\"request_id\":\"" + "r".repeat(65) + "\"}", 400, "too_long",
                    "request_id"),
            new BadBody("[".repeat(50_000), 400, "invalid_json", null));

    private static final List<BadBody> BAD_ANSWERS = List.of(
            new BadBody("{", 400, "invalid_json", null),
            new BadBody("[]", 400, "invalid_payload", null),
            new BadBody("{}", 400, "missing_field", "answer_text"),
            new BadBody("{\"answer_text\":null}", 400, "missing_field", "answer_text"),
            new BadBody("{\"answer_text\":123}", 400, "invalid_field", "answer_text"),
            new BadBody("{\"answer_text\":\"\"}", 400, "invalid_field", "answer_text"),
            new BadBody("{\"answer_text\":\"" + "y".repeat(5001) + "\"}", 400, "too_long", "answer_text"),
            new BadBody("{\"answer_text\":\"yes\\u0000\"}", 400, "invalid_field", "answer_text"),
            new BadBody("{\"answer_text\":\"yes\",\"answered_by\":false}", 400, "invalid_field", "answered_by"));

    private static final List<BadBody> BAD_FAMILIES = List.of(
            new BadBody("{", 400, "invalid_json", null),
            new BadBody("[]", 400, "invalid_payload", null),
            new BadBody("{}", 400, "missing_field", "name"),
            new BadBody("{\"name\":5}", 400, "invalid_field", "name"),
            new BadBody("{\"name\":\"   \"}", 400, "invalid_field", "name"),
            new BadBody("{\"name\":\"fam\\u0000x\"}", 400, "invalid_field", "name"),
            new BadBody("{\"name\":\"" + "n".repeat(200) + "\"}", 400, "too_long", "name"),
            new BadBody("{\"name\":\"Smith\",\"topic_slug\":\"Smith+Jones\"}", 400, "invalid_field", "topic_slug"),
            new BadBody("{\"name\":\"Smith\",\"topic_slug\":\"$SYS\"}", 400, "invalid_field", "topic_slug"),
            new BadBody("{\"name\":\"Smith\",\"topic_slug\":\"a/b\"}", 400, "invalid_field", "topic_slug"));

    @Test
    void badAsksAreRejectedNamingField() {
        TestFamily family = createFamily("Bad asks");

        for (BadBody bad : BAD_ASKS) {
            assertRejected(client.post(family.path("/questions"), family.token(), bad.json()), bad);
        }
        assertThat(listQuestions(family).json().get("items")).isEmpty();
    }

    @Test
    void badAnswersAreRejectedNamingField() {
        String questionId = askQuestion(familyB, "Answer me?");

        for (BadBody bad : BAD_ANSWERS) {
            String path = familyB.path("/questions/" + questionId + "/answers");
            assertRejected(client.post(path, familyB.token(), bad.json()), bad);
        }
        ApiClient.Reply question = client.get(familyB.path("/questions/" + questionId), familyB.token());
        assertThat(question.json().get("answers")).isEmpty();
    }

    @Test
    void badFamiliesAreRejectedNamingField() {
        for (BadBody bad : BAD_FAMILIES) {
            assertRejected(client.post("/api/families", adminToken, bad.json()), bad);
        }
    }

    @Test
    void takenTopicSlugIsConflict() {
        ApiClient.Reply first = client.post("/api/families", adminToken, "{\"name\":\"R\",\"topic_slug\":\"rivera\"}");
        ApiClient.Reply second = client.post("/api/families", adminToken, "{\"name\":\"R\",\"topic_slug\":\"rivera\"}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.field()).isEqualTo("topic_slug");
        assertCleanError(second);
    }

    @Test
    void nulRepeatedThenNormalRequestWorks() {
        TestFamily family = createFamily("Nul");
        for (int i = 0; i < 50; i++) {
            ApiClient.Reply reply = client.post(family.path("/questions"), family.token(),
                    "{\"question_text\":\"Dinner at 6?\\u0000\",\"category\":\"general\"}");
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.field()).isEqualTo("question_text");
        }

        ApiClient.Reply normal = client.post(family.path("/questions"), family.token(),
                "{\"question_text\":\"Dinner at 6?\",\"category\":\"general\"}");

        assertThat(normal.status()).isEqualTo(201);
        assertThat(listQuestions(family).json().get("items")).hasSize(1);
    }

    @Test
    void wrongContentTypeIs415() {
        List<String> contentTypes = List.of("text/plain", "application/x-www-form-urlencoded",
                "application/json; charset=iso-8859-1", "application/jsonx");

        for (String contentType : contentTypes) {
            ApiClient.Reply reply = client.send("POST", familyA.path("/questions"), familyA.token(), contentType,
                    "{\"question_text\":\"ok\"}");

            assertThat(reply.status()).as(contentType + " " + reply).isEqualTo(415);
            assertThat(reply.error()).isEqualTo("unsupported_media_type");
            assertCleanError(reply);
        }
        ApiClient.Reply missing = client.send("POST", familyA.path("/questions"), familyA.token(), null, "{}");
        assertThat(missing.status()).isEqualTo(415);
    }

    @Test
    void jsonWithCharsetUtf8IsAccepted() {
        ApiClient.Reply reply = client.send("POST", familyA.path("/questions"), familyA.token(),
                "application/json; charset=UTF-8", "{\"question_text\":\"charset ok\"}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }

    @Test
    void emptyBodyIs400() {
        ApiClient.Reply reply = client.send("POST", familyA.path("/questions"), familyA.token(), "application/json",
                "");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.error()).isEqualTo("invalid_json");
    }

    @Test
    void unknownIdsAre404() {
        String unknown = "00000000-0000-4000-8000-000000000001";
        List<String> paths = List.of(
                "/api/families/" + unknown,
                "/api/families/not-a-uuid",
                "/api/families/not-a-uuid/questions",
                familyA.path("/questions/" + unknown),
                familyA.path("/questions/42"),
                familyA.path("/questions/1-2-3-4-5"));

        for (String path : paths) {
            ApiClient.Reply asFamily = client.get(path, familyA.token());
            ApiClient.Reply asAdmin = client.get(path, adminToken);

            assertThat(asFamily.status()).as(path + " " + asFamily).isEqualTo(404);
            assertThat(asAdmin.status()).as(path + " " + asAdmin).isEqualTo(404);
            assertCleanError(asFamily);
        }
        ApiClient.Reply answer = client.post(familyA.path("/questions/" + unknown + "/answers"), familyA.token(),
                "{\"answer_text\":\"x\"}");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.field()).isEqualTo("question_id");
    }

    @Test
    void unknownRoutesAre404Json() {
        for (String path : List.of("/api/no/such/route", "/api/families/" + familyA.id() + "/nothing", "/nope")) {
            ApiClient.Reply reply = client.get(path, adminToken);

            assertThat(reply.status()).as(path).isEqualTo(404);
            assertCleanError(reply);
        }
    }

    @Test
    void wrongMethodsAre405() {
        List<String[]> cases = List.of(
                new String[] {"DELETE", familyA.path("/questions")},
                new String[] {"PUT", familyA.path("")},
                new String[] {"PATCH", "/api/families"},
                new String[] {"GET", familyA.path("/mqtt/enable")},
                new String[] {"POST", familyA.path("/mqtt/status")},
                new String[] {"DELETE", familyA.path("/questions/" + askQuestion(familyA, "Del?"))});

        for (String[] call : cases) {
            ApiClient.Reply reply = client.send(call[0], call[1], familyA.token(), null, null);

            assertThat(reply.status()).as(call[0] + " " + call[1] + " " + reply).isEqualTo(405);
            assertThat(reply.headers().firstValue("Allow")).isPresent();
            assertThat(reply.error()).isEqualTo("method_not_allowed");
            assertCleanError(reply);
        }
    }

    @Test
    void pagingParametersOutOfRangeAre400() {
        for (String query : List.of("limit=0", "limit=101", "limit=abc", "limit=-1", "limit=99999999999")) {
            ApiClient.Reply reply = client.get(familyA.path("/questions?" + query), familyA.token());

            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.field()).as(query).isEqualTo("limit");
            assertCleanError(reply);
        }
        ApiClient.Reply badCursor = client.get(familyA.path("/questions?cursor=garbage"), familyA.token());
        ApiClient.Reply badCategory = client.get(familyA.path("/questions?category=UPPER"), familyA.token());
        ApiClient.Reply badFamilyLimit = client.get("/api/families?limit=0", adminToken);

        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.field()).isEqualTo("cursor");
        assertThat(badCategory.status()).isEqualTo(400);
        assertThat(badCategory.field()).isEqualTo("category");
        assertThat(badFamilyLimit.status()).isEqualTo(400);
        assertThat(badFamilyLimit.field()).isEqualTo("limit");
    }

    @Test
    void queryThatIsNotPercentEncodedUtf8Is400() {
        for (String query : List.of("cursor=%00%ff", "category=%ff", "limit=%c3%28")) {
            ApiClient.Reply reply = client.get(familyA.path("/questions?" + query), familyA.token());

            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.error()).as(query).isEqualTo("invalid_field");
            assertCleanError(reply);
        }
        assertThat(listQuestions(familyA).status()).isEqualTo(200);
    }

    @Test
    void methodOverrideHeaderIsRejected() {
        ApiClient.Reply overridden = client.sendBytes("POST", familyA.path("/questions"), familyA.token(),
                "application/json", HttpRequest.BodyPublishers.ofString("{\"question_text\": \"Override?\"}"),
                "X-HTTP-Method-Override", "GET");

        assertThat(overridden.status()).as(overridden.toString()).isEqualTo(400);
        assertThat(overridden.error()).isEqualTo("invalid_field");
        assertCleanError(overridden);
        assertThat(listQuestions(familyA).text()).doesNotContain("Override?");
    }

    private static ApiClient.Reply listQuestions(TestFamily family) {
        return client.get(family.path("/questions?limit=100"), family.token());
    }

    private static void assertRejected(ApiClient.Reply reply, BadBody bad) {
        String label = abbreviate(bad.json()) + " -> " + reply;
        assertThat(reply.status()).as(label).isEqualTo(bad.status());
        assertThat(reply.error()).as(label).isEqualTo(bad.error());
        assertThat(reply.field()).as(label).isEqualTo(bad.field());
        assertCleanError(reply);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
