package org.familyqa.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.MemberName;
import org.familyqa.domain.question.RequestId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Field rules of ask and respond requests, on field maps as the JSON adapters build them. */
class RequestRulesTest {

    private static final String QUESTION_ID = "3f2b8c1e-9a4d-4e7f-8b6a-0c5d2e1f4a7b";

    private static FieldValue text(String value) {
        return new FieldValue.Text(value);
    }

    private static Map<String, FieldValue> ask(Object... keysAndValues) {
        Map<String, FieldValue> fields = new HashMap<>();
        fields.put("question_text", text("Who ate the last cookie?"));
        return with(fields, keysAndValues);
    }

    private static Map<String, FieldValue> respond(Object... keysAndValues) {
        Map<String, FieldValue> fields = new HashMap<>();
        fields.put("question_id", text(QUESTION_ID));
        fields.put("answer_text", text("The dog."));
        return with(fields, keysAndValues);
    }

    /** Sets each key to its value, or removes the key when the value is {@code null}. */
    private static Map<String, FieldValue> with(Map<String, FieldValue> fields, Object... keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            FieldValue value = (FieldValue) keysAndValues[i + 1];
            if (value == null) {
                fields.remove(key);
            } else {
                fields.put(key, value);
            }
        }
        return fields;
    }

    private static <T> Validated.Rejected<T> rejected(Validated<T> validated) {
        assertThat(validated).isInstanceOf(Validated.Rejected.class);
        return (Validated.Rejected<T>) validated;
    }

    private static <T> T accepted(Validated<T> validated) {
        assertThat(validated).isInstanceOf(Validated.Accepted.class);
        return ((Validated.Accepted<T>) validated).value();
    }

    @Test
    void acceptsAskWithOnlyQuestionText() {
        AskRequest request = accepted(RequestRules.readAsk(ask()));

        assertThat(request.text().value()).isEqualTo("Who ate the last cookie?");
        assertThat(request.category()).isEqualTo(Category.GENERAL);
        assertThat(request.askedBy()).isEmpty();
        assertThat(request.requestId()).isEmpty();
    }

    @Test
    void acceptsAskWithEveryField() {
        AskRequest request = accepted(RequestRules.readAsk(ask(
                "category", text("school"), "asked_by", text("Ana"), "request_id", text("r-17"))));

        assertThat(request.category()).isEqualTo(new Category("school"));
        assertThat(request.askedBy()).contains(new MemberName("Ana"));
        assertThat(request.requestId()).contains(new RequestId("r-17"));
    }

    @Test
    void nullCategoryMeansGeneral() {
        AskRequest request = accepted(RequestRules.readAsk(ask("category", new FieldValue.Null())));

        assertThat(request.category()).isEqualTo(Category.GENERAL);
    }

    @Test
    void ignoresUnknownFields() {
        Map<String, FieldValue> fields = respond(
                "extra_field", new FieldValue.Bool(true), "device", new FieldValue.Object(),
                "rssi", new FieldValue.Number("-61"));

        RespondRequest request = accepted(RequestRules.readRespond(fields));

        assertThat(request.rawQuestionId()).isEqualTo(QUESTION_ID);
        assertThat(request.questionId().toString()).isEqualTo(QUESTION_ID);
    }

    @Test
    void rejectsMissingQuestionText() {
        Rejection rejection = rejected(RequestRules.readAsk(ask("question_text", null))).rejection();

        assertThat(rejection.code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(rejection.field()).isEqualTo("question_text");
    }

    @Test
    void rejectsNullQuestionText() {
        Rejection rejection = rejected(RequestRules.readAsk(ask("question_text", new FieldValue.Null()))).rejection();

        assertThat(rejection.code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(rejection.field()).isEqualTo("question_text");
    }

    @Test
    void rejectsEmptyObjectNamingQuestionText() {
        Rejection rejection = rejected(RequestRules.readAsk(Map.of())).rejection();

        assertThat(rejection.field()).isEqualTo("question_text");
    }

    static Stream<Arguments> nonStringValues() {
        return Stream.of(
                Arguments.of(new FieldValue.Number("12345"), "number"),
                Arguments.of(new FieldValue.Number("4.2e1"), "number"),
                Arguments.of(new FieldValue.Bool(true), "boolean"),
                Arguments.of(new FieldValue.Array(), "array"),
                Arguments.of(new FieldValue.Object(), "object"));
    }

    @ParameterizedTest
    @MethodSource("nonStringValues")
    void rejectsNonStringQuestionText(FieldValue value, String typeName) {
        Rejection rejection = rejected(RequestRules.readAsk(ask("question_text", value))).rejection();

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo("question_text");
        assertThat(rejection.message()).isEqualTo("question_text must be a string, not a " + typeName + ".");
    }

    @Test
    void neverTurnsNumberIntoText() {
        Rejection rejection = rejected(RequestRules.readAsk(ask("question_text", new FieldValue.Number("12345"))))
                .rejection();

        assertThat(rejection.message()).doesNotContain("12345.0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"category", "asked_by", "request_id"})
    void rejectsNonStringOptionalAskField(String field) {
        Rejection rejection = rejected(RequestRules.readAsk(ask(field, new FieldValue.Array()))).rejection();

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo(field);
        assertThat(rejection.message()).contains("must be a string");
    }

    @Test
    void rejectsCategoryWithNul() {
        Rejection rejection = rejected(RequestRules.readAsk(ask("category", text("gen\u0000eral")))).rejection();

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo("category");
    }

    @Test
    void rejectsTooLongQuestionText() {
        Rejection rejection = rejected(RequestRules.readAsk(ask("question_text", text("a".repeat(1001)))))
                .rejection();

        assertThat(rejection.code()).isEqualTo(ErrorCode.TOO_LONG);
        assertThat(rejection.field()).isEqualTo("question_text");
    }

    @Test
    void namesAskedByFieldInRejection() {
        Rejection rejection = rejected(RequestRules.readAsk(ask("asked_by", text("a".repeat(101))))).rejection();

        assertThat(rejection.field()).isEqualTo("asked_by");
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "42.0", "4.2e1", "9007199254740993", "-0", "1E2"})
    void rejectsNumericQuestionIdInEveryForm(String literal) {
        Rejection rejection = rejected(RequestRules.readRespond(respond("question_id", new FieldValue.Number(literal))))
                .rejection();

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo("question_id");
        assertThat(rejection.message()).isEqualTo("question_id must be a string, not a number.");
    }

    @Test
    void rejectsMissingQuestionId() {
        Rejection rejection = rejected(RequestRules.readRespond(respond("question_id", null))).rejection();

        assertThat(rejection.code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(rejection.field()).isEqualTo("question_id");
    }

    @Test
    void rejectsNullQuestionId() {
        Rejection rejection = rejected(RequestRules.readRespond(respond("question_id", new FieldValue.Null())))
                .rejection();

        assertThat(rejection.code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(rejection.field()).isEqualTo("question_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-valid-id", "1-2-3-4-5", "9007199254740993", ""})
    void rejectsMalformedQuestionIdString(String raw) {
        Rejection rejection = rejected(RequestRules.readRespond(respond("question_id", text(raw)))).rejection();

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo("question_id");
    }

    @Test
    void rejectsMissingAnswerText() {
        Rejection rejection = rejected(RequestRules.readRespond(respond("answer_text", null))).rejection();

        assertThat(rejection.code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(rejection.field()).isEqualTo("answer_text");
    }

    @Test
    void rejectsNullAnswerText() {
        Rejection rejection = rejected(RequestRules.readRespond(respond("answer_text", new FieldValue.Null())))
                .rejection();

        assertThat(rejection.code()).isEqualTo(ErrorCode.MISSING_FIELD);
        assertThat(rejection.field()).isEqualTo("answer_text");
    }

    @Test
    void rejectsEmptyAnswerText() {
        Rejection rejection = rejected(RequestRules.readRespond(respond("answer_text", text("")))).rejection();

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo("answer_text");
    }

    @ParameterizedTest
    @MethodSource("nonStringValues")
    void rejectsNonStringAnswerText(FieldValue value, String typeName) {
        Rejection rejection = rejected(RequestRules.readRespond(respond("answer_text", value))).rejection();

        assertThat(rejection.field()).isEqualTo("answer_text");
        assertThat(rejection.message()).isEqualTo("answer_text must be a string, not a " + typeName + ".");
    }

    @Test
    void acceptsRespondWithEveryField() {
        RespondRequest request = accepted(RequestRules.readRespond(respond(
                "answered_by", text("Ana"), "request_id", text("r-18"))));

        assertThat(request.text().value()).isEqualTo("The dog.");
        assertThat(request.answeredBy()).contains(new MemberName("Ana"));
        assertThat(request.requestId()).contains(new RequestId("r-18"));
    }

    @Test
    void echoesRequestIdOnRejectedAsk() {
        Validated.Rejected<AskRequest> rejected = rejected(RequestRules.readAsk(ask(
                "question_text", text(""), "request_id", text("r-17"))));

        assertThat(rejected.requestId()).contains("r-17");
    }

    @Test
    void echoesRequestIdOnRejectedRespond() {
        Validated.Rejected<RespondRequest> rejected = rejected(RequestRules.readRespond(respond(
                "question_id", new FieldValue.Number("42"), "request_id", text("r-18"))));

        assertThat(rejected.requestId()).contains("r-18");
    }

    @Test
    void echoesInvalidRequestIdAsSent() {
        String blank = "   ";

        Validated.Rejected<AskRequest> rejected = rejected(RequestRules.readAsk(ask("request_id", text(blank))));

        assertThat(rejected.rejection().field()).isEqualTo("request_id");
        assertThat(rejected.rejection().code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejected.requestId()).contains(blank);
    }

    @Test
    void omitsOverlongRequestIdFromEcho() {
        String tooLong = "r".repeat(65);

        Validated.Rejected<AskRequest> rejected = rejected(RequestRules.readAsk(ask("request_id", text(tooLong))));

        assertThat(rejected.rejection().field()).isEqualTo("request_id");
        assertThat(rejected.rejection().code()).isEqualTo(ErrorCode.TOO_LONG);
        assertThat(rejected.requestId()).isEmpty();
    }

    @Test
    void echoesNoRequestIdWhenNotString() {
        Validated.Rejected<AskRequest> rejected = rejected(RequestRules.readAsk(ask(
                "question_text", null, "request_id", new FieldValue.Number("17"))));

        assertThat(rejected.requestId()).isEqualTo(Optional.empty());
    }

    @Test
    void readsRequiredAndOptionalFieldsOfOtherRequests() {
        Map<String, FieldValue> fields = Map.of("name", text("Rivera"));

        assertThat(RequestRules.required(fields, "name", String::strip)).isEqualTo("Rivera");
        assertThat(RequestRules.optional(fields, "slug", String::strip)).isEmpty();
    }
}
