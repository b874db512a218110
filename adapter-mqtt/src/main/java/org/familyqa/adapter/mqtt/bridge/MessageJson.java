package org.familyqa.adapter.mqtt.bridge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;

import org.familyqa.domain.Rejection;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.MemberName;
import org.familyqa.domain.question.Question;
import org.familyqa.ports.out.FamilyEvent;

/**
 * Writes the JSON payloads the server publishes. Every key of a message is always written, with {@code null} for an
 * absent value, ids are strings and times are ISO-8601 in UTC. Text is written as plain UTF-8, escaping only
 * quotes, backslashes and control characters. Instances are thread-safe.
 */
final class MessageJson {

    /**
     * Without {@code COMBINE_UNICODE_SURROGATES_IN_UTF8}, Jackson 2.x writes a character outside the Basic
     * Multilingual Plane, such as an emoji, as two escaped UTF-16 code units instead of its four UTF-8 bytes.
     */
    private final JsonFactory factory = JsonFactory.builder()
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    /** Writes a stored question or answer as published on {@code <prefix>/questions} or {@code <prefix>/answers}. */
    byte[] event(FamilyEvent event) {
        if (event instanceof FamilyEvent.QuestionAsked asked) {
            return question(asked.question(), requestId(asked));
        }
        FamilyEvent.QuestionAnswered answered = (FamilyEvent.QuestionAnswered) event;
        return answer(answered.answer(), requestId(answered));
    }

    /** Writes the error object published on {@code <prefix>/errors} and in MQTT 5 error replies. */
    byte[] error(Rejection rejection, String topic, Optional<String> requestId) {
        return write(json -> {
            json.writeStringField("error", rejection.code().code());
            json.writeStringField("message", rejection.message());
            json.writeStringField("field", rejection.field());
            json.writeStringField("topic", topic);
            json.writeStringField("request_id", requestId.orElse(null));
        });
    }

    /** Writes the MQTT 5 reply for a stored question. */
    byte[] questionStored(Question question) {
        return write(json -> {
            json.writeStringField("status", "ok");
            json.writeStringField("question_id", question.id().toString());
        });
    }

    /** Writes the MQTT 5 reply for a stored answer. */
    byte[] answerStored(Answer answer) {
        return write(json -> {
            json.writeStringField("status", "ok");
            json.writeStringField("answer_id", answer.id().toString());
            json.writeStringField("question_id", answer.questionId().toString());
        });
    }

    /** Writes the payload of a broker probe. */
    byte[] probe(String nonce) {
        return write(json -> json.writeStringField("probe", nonce));
    }

    private byte[] question(Question question, String requestId) {
        return write(json -> {
            json.writeStringField("question_id", question.id().toString());
            json.writeStringField("family_id", question.familyId().toString());
            json.writeStringField("question_text", question.text().value());
            json.writeStringField("category", question.category().value());
            json.writeStringField("asked_by", question.askedBy().map(MemberName::value).orElse(null));
            json.writeStringField("source", question.source().code());
            json.writeStringField("created_at", question.createdAt().toString());
            json.writeStringField("request_id", requestId);
        });
    }

    private byte[] answer(Answer answer, String requestId) {
        return write(json -> {
            json.writeStringField("answer_id", answer.id().toString());
            json.writeStringField("question_id", answer.questionId().toString());
            json.writeStringField("family_id", answer.familyId().toString());
            json.writeStringField("answer_text", answer.text().value());
            json.writeStringField("answered_by", answer.answeredBy().map(MemberName::value).orElse(null));
            json.writeStringField("source", answer.source().code());
            json.writeStringField("created_at", answer.createdAt().toString());
            json.writeStringField("request_id", requestId);
        });
    }

    private static String requestId(FamilyEvent event) {
        return event.requestId().map(Object::toString).orElse(null);
    }

    private byte[] write(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = factory.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }
}
