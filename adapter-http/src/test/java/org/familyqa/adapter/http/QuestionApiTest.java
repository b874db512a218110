package org.familyqa.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

class QuestionApiTest extends ApiTestSupport {

    private static final String MULTILINGUAL = "Who ate the last 🍪? Qui a mangé? 谁吃了? مرحبا";

    @Test
    void askReturnsQuestionInPayloadShape() {
        ApiClient.Reply reply = client.post(familyA.path("/questions"), familyA.token(),
                "{\"question_text\":\"  Dinner?  \",\"category\":\"food\",\"asked_by\":\"Ana\",\"request_id\":\"r-1\","
                        + "\"extra_field\":true,\"device\":{\"rssi\":-61}}");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.contentType()).matches(JSON_CONTENT_TYPE);
        JsonNode json = reply.json();
        assertThat(json.get("question_id").isTextual()).isTrue();
        assertThat(json.get("family_id").asText()).isEqualTo(familyA.id());
        assertThat(json.get("question_text").asText()).isEqualTo("Dinner?");
        assertThat(json.get("category").asText()).isEqualTo("food");
        assertThat(json.get("asked_by").asText()).isEqualTo("Ana");
        assertThat(json.get("source").asText()).isEqualTo("api");
        assertThat(json.get("created_at").asText()).endsWith("Z");
        assertThat(json.get("request_id").asText()).isEqualTo("r-1");
    }

    @Test
    void absentOptionalsAreNull() {
        ApiClient.Reply reply = client.post(familyA.path("/questions"), familyA.token(),
                "{\"question_text\":\"Plain?\",\"category\":null}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("asked_by").isNull()).isTrue();
        assertThat(reply.json().get("request_id").isNull()).isTrue();
        assertThat(reply.json().get("category").asText()).isEqualTo("general");
    }

    @Test
    void multilingualTextRoundTripsByteIdentical() throws NoSuchAlgorithmException {
        String body = "{\"question_text\":\"" + MULTILINGUAL + "\"}";
        ApiClient.Reply created = client.post(familyA.path("/questions"), familyA.token(), body);
        String questionId = created.json().get("question_id").asText();
        client.post(familyA.path("/questions/" + questionId + "/answers"), familyA.token(),
                "{\"answer_text\":\"" + MULTILINGUAL + "\"}");

        ApiClient.Reply fetched = client.get(familyA.path("/questions/" + questionId), familyA.token());

        String questionText = fetched.json().get("question_text").asText();
        String answerText = fetched.json().get("answers").get(0).get("answer_text").asText();
        assertThat(sha256(questionText)).isEqualTo(sha256(MULTILINGUAL));
        assertThat(sha256(answerText)).isEqualTo(sha256(MULTILINGUAL));
        assertThat(fetched.text()).contains(MULTILINGUAL).doesNotContain("\\u");
    }

    @Test
    void nonUtf8BodyIs400() {
        byte[] latin1 = "{\"question_text\":\"caf\u00e9?\"}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] truncatedEmoji = concat("{\"question_text\":\"hi ", new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x8D},
                "\"}");
        byte[] overlong = concat("{\"question_text\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}");

        for (byte[] body : List.of(latin1, truncatedEmoji, overlong)) {
            ApiClient.Reply reply = client.sendBytes("POST", familyA.path("/questions"), familyA.token(),
                    "application/json", java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));

            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.error()).isEqualTo("invalid_json");
            assertThat(reply.json().get("message").asText()).contains("UTF-8");
        }
    }

    @Test
    void answerIsListedWithQuestion() {
        String questionId = askQuestion(familyA, "Who cooks?");

        ApiClient.Reply answer = client.post(familyA.path("/questions/" + questionId + "/answers"), familyA.token(),
                "{\"answer_text\":\"Ana\",\"answered_by\":\"Luis\",\"question_id\":\"ignored\"}");
        ApiClient.Reply question = client.get(familyA.path("/questions/" + questionId), familyA.token());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().get("question_id").asText()).isEqualTo(questionId);
        assertThat(answer.json().get("answered_by").asText()).isEqualTo("Luis");
        JsonNode answers = question.json().get("answers");
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).get("answer_id").asText()).isEqualTo(answer.json().get("answer_id").asText());
    }

    @Test
    void cursorPagingCoversAllQuestionsNewestFirst() {
        TestFamily family = createFamily("Pager");
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            asked.add(askQuestion(family, "Question " + i));
        }

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            String query = cursor == null ? "" : "?cursor=" + cursor;
            JsonNode page = client.get(family.path("/questions" + query), family.token()).json();
            page.get("items").forEach(item -> seen.add(item.get("question_id").asText()));
            pageSizes.add(page.get("items").size());
            cursor = page.get("next_cursor").isNull() ? null : page.get("next_cursor").asText();
        } while (cursor != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(20, 20, 5);
        assertThat(seen).containsExactlyElementsOf(reversed(asked));
    }

    @Test
    void limitAndCategoryFilter() {
        TestFamily family = createFamily("Filter");
        for (int i = 0; i < 3; i++) {
            client.post(family.path("/questions"), family.token(),
                    "{\"question_text\":\"Food " + i + "\",\"category\":\"food\"}");
            askQuestion(family, "General " + i);
        }

        JsonNode food = client.get(family.path("/questions?category=food&limit=100"), family.token()).json();
        JsonNode two = client.get(family.path("/questions?limit=2"), family.token()).json();

        assertThat(food.get("items")).hasSize(3);
        food.get("items").forEach(item -> assertThat(item.get("category").asText()).isEqualTo("food"));
        assertThat(two.get("items")).hasSize(2);
        assertThat(two.get("next_cursor").isTextual()).isTrue();
    }

    @Test
    void webClientHeaderSetsSourceWeb() {
        ApiClient.Reply reply = client.sendBytes("POST", familyA.path("/questions"), familyA.token(),
                "application/json", java.net.http.HttpRequest.BodyPublishers.ofString("{\"question_text\":\"Web?\"}"),
                RouteSupport.CLIENT_HEADER, "web");

        assertThat(reply.json().get("source").asText()).isEqualTo("web");
    }

    private static List<String> reversed(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] a = head.getBytes(StandardCharsets.UTF_8);
        byte[] c = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    private static String sha256(String text) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }
}
