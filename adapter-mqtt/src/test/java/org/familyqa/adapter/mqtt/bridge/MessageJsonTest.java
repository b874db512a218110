package org.familyqa.adapter.mqtt.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.RequestId;
import org.familyqa.domain.question.Source;
import org.familyqa.ports.out.FamilyEvent;
import org.familyqa.ports.testing.TestData;
import org.junit.jupiter.api.Test;

class MessageJsonTest {

    private static final UUID QUESTION_ID = UUID.fromString("11111111-2222-3333-4444-555555555555");
    private static final UUID FAMILY_ID = UUID.fromString("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
    private static final Instant CREATED_AT = Instant.parse("2026-01-02T03:04:05.123456Z");

    private final MessageJson json = new MessageJson();
    private final TopicPrefix prefix = new TopicPrefix("smith");

    @Test
    void writesQuestionWithEveryKeyInOrder() {
        Question question = question("Who ate the last 🍪? Qui a mangé? 谁吃了? مرحبا");
        FamilyEvent event = new FamilyEvent.QuestionAsked(question, prefix, Optional.of(new RequestId("r-17")));

        String written = new String(json.event(event), StandardCharsets.UTF_8);

        assertThat(written).isEqualTo("{\"question_id\":\"" + QUESTION_ID + "\",\"family_id\":\"" + FAMILY_ID
                + "\",\"question_text\":\"Who ate the last 🍪? Qui a mangé? 谁吃了? مرحبا\",\"category\":\"general\","
                + "\"asked_by\":null,\"source\":\"mqtt\",\"created_at\":\"2026-01-02T03:04:05.123456Z\","
                + "\"request_id\":\"r-17\"}");
    }

    @Test
    void writesEmojiAsPlainUtf8Bytes() {
        FamilyEvent event = new FamilyEvent.QuestionAsked(question("🍪"), prefix, Optional.empty());

        byte[] written = json.event(event);

        assertThat(new String(written, StandardCharsets.UTF_8)).doesNotContain("\\u");
        assertThat(indexOf(written, new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x8D, (byte) 0xAA})).isPositive();
    }

    @Test
    void writesAnswerWithNullOptionals() {
        Question question = question("Dinner?");
        Answer answer = TestData.answer(question).text("At six").answeredBy(null).source(Source.WEB).build();
        FamilyEvent event = new FamilyEvent.QuestionAnswered(answer, prefix, Optional.empty());

        String written = new String(json.event(event), StandardCharsets.UTF_8);

        assertThat(written).startsWith("{\"answer_id\":\"" + answer.id() + "\",\"question_id\":\"" + QUESTION_ID
                + "\",\"family_id\":\"" + FAMILY_ID + "\",\"answer_text\":\"At six\",\"answered_by\":null,"
                + "\"source\":\"web\",\"created_at\":\"");
        assertThat(written).endsWith("\"request_id\":null}");
    }

    @Test
    void writesErrorWithAllFiveKeys() {
        Rejection rejection = Rejection.of(ErrorCode.TOO_LONG, "question_text", "question_text is too long.");

        String written = new String(json.error(rejection, "family/smith/ask", Optional.empty()),
                StandardCharsets.UTF_8);

        assertThat(written).isEqualTo("{\"error\":\"too_long\",\"message\":\"question_text is too long.\","
                + "\"field\":\"question_text\",\"topic\":\"family/smith/ask\",\"request_id\":null}");
    }

    @Test
    void escapesControlCharactersOnly() {
        Rejection rejection = Rejection.ofMessage(ErrorCode.INVALID_JSON, "a\"b\\c\nd é");

        String written = new String(json.error(rejection, "family/smith/ask", Optional.of("r\u0001")),
                StandardCharsets.UTF_8);

        assertThat(written).contains("\"message\":\"a\\\"b\\\\c\\nd é\"");
        assertThat(written).contains("\"request_id\":\"r\\u0001\"");
    }

    private static Question question(String text) {
        return TestData.question(new FamilyId(FAMILY_ID)).id(QUESTION_ID).text(text).askedBy(null).source(Source.MQTT)
                .createdAt(CREATED_AT).build();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
