package org.familyqa.domain.message;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.familyqa.domain.ValidationException;
import org.familyqa.domain.question.AnswerText;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.MemberName;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.domain.question.QuestionText;
import org.familyqa.domain.question.RequestId;

/**
 * Rules for the fields of an ask and of a respond request, shared by MQTT messages and HTTP bodies.
 *
 * <p>Unknown fields are ignored. Text fields must be JSON strings: a number is never turned into text, and a
 * {@code question_id} sent as a number is rejected as "must be a string" in every numeric form. Optional fields may be
 * absent or {@code null}; a missing or {@code null} {@code category} means {@code general}. The first broken rule is
 * reported, checking required fields first.
 */
public final class RequestRules {

    public static final String ASKED_BY = "asked_by";
    public static final String ANSWERED_BY = "answered_by";

    private RequestRules() {
    }

    /** Reads an ask request from the members of a JSON object. */
    public static Validated<AskRequest> readAsk(Map<String, FieldValue> fields) {
        Objects.requireNonNull(fields, "fields");
        Optional<String> rawRequestId = rawRequestId(fields);
        try {
            QuestionText text = new QuestionText(requiredText(fields, QuestionText.FIELD));
            Category category = optionalText(fields, Category.FIELD).map(Category::new).orElse(Category.GENERAL);
            Optional<MemberName> askedBy = optionalText(fields, ASKED_BY).map(name -> MemberName.of(name, ASKED_BY));
            Optional<RequestId> requestId = optionalText(fields, RequestId.FIELD).map(RequestId::new);
            return new Validated.Accepted<>(new AskRequest(text, category, askedBy, requestId));
        } catch (ValidationException e) {
            return new Validated.Rejected<>(e.rejection(), rawRequestId);
        }
    }

    /** Reads a respond request from the members of a JSON object. */
    public static Validated<RespondRequest> readRespond(Map<String, FieldValue> fields) {
        Objects.requireNonNull(fields, "fields");
        Optional<String> rawRequestId = rawRequestId(fields);
        try {
            String rawQuestionId = requiredText(fields, QuestionId.FIELD);
            QuestionId questionId = QuestionId.parse(rawQuestionId);
            AnswerText text = new AnswerText(requiredText(fields, AnswerText.FIELD));
            Optional<MemberName> answeredBy = optionalText(fields, ANSWERED_BY)
                    .map(name -> MemberName.of(name, ANSWERED_BY));
            Optional<RequestId> requestId = optionalText(fields, RequestId.FIELD).map(RequestId::new);
            return new Validated.Accepted<>(new RespondRequest(questionId, rawQuestionId, text, answeredBy, requestId));
        } catch (ValidationException e) {
            return new Validated.Rejected<>(e.rejection(), rawRequestId);
        }
    }

    /**
     * Reads an optional text field of any other request, such as a family's {@code name}, applying {@code factory}.
     *
     * @throws ValidationException if the field is present with the wrong type, or {@code factory} rejects it
     */
    public static <T> Optional<T> optional(Map<String, FieldValue> fields, String field, Function<String, T> factory) {
        return optionalText(fields, field).map(factory);
    }

    /**
     * Reads a required text field of any other request, applying {@code factory}.
     *
     * @throws ValidationException if the field is missing, {@code null}, of the wrong type, or {@code factory}
     *                             rejects it
     */
    public static <T> T required(Map<String, FieldValue> fields, String field, Function<String, T> factory) {
        return factory.apply(requiredText(fields, field));
    }

    private static String requiredText(Map<String, FieldValue> fields, String field) {
        FieldValue value = fields.get(field);
        if (value == null || value instanceof FieldValue.Null) {
            throw new ValidationException(ErrorCode.MISSING_FIELD, field, field + " is required.");
        }
        return asText(value, field);
    }

    private static Optional<String> optionalText(Map<String, FieldValue> fields, String field) {
        FieldValue value = fields.get(field);
        if (value == null || value instanceof FieldValue.Null) {
            return Optional.empty();
        }
        return Optional.of(asText(value, field));
    }

    private static String asText(FieldValue value, String field) {
        if (value instanceof FieldValue.Text text) {
            return text.value();
        }
        throw new ValidationException(Rejection.of(ErrorCode.INVALID_FIELD, field,
                field + " must be a string, not a " + value.typeName() + "."));
    }

    /**
     * Returns the request id as sent, for echoing in an error. An id longer than the maximum is not echoed, so that a
     * device cannot make the server publish an error larger than the broker accepts.
     */
    private static Optional<String> rawRequestId(Map<String, FieldValue> fields) {
        if (fields.get(RequestId.FIELD) instanceof FieldValue.Text text
                && text.value().codePointCount(0, text.value().length()) <= RequestId.MAX_LENGTH) {
            return Optional.of(text.value());
        }
        return Optional.empty();
    }
}
