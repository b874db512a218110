package org.familyqa.adapter.http;

import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.familyqa.domain.Rejection;
import org.familyqa.domain.family.Family;
import org.familyqa.domain.message.FieldValue;
import org.familyqa.domain.message.Payloads;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.MemberName;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.RequestId;

/**
 * Reads request bodies into the fields the request rules check, and writes response bodies.
 *
 * <p>Questions and answers are written in the shape of the MQTT {@code questions} and {@code answers} payloads:
 * snake_case keys, ids as strings, times in ISO-8601 UTC, absent optional fields as {@code null}. Non-ASCII text is
 * written as UTF-8, not as backslash-u escapes.
 */
final class JsonCodec {

    /** Maximum nesting depth of a request body; deeper bodies are rejected as malformed without recursion. */
    private static final int MAX_NESTING_DEPTH = 64;

    private final ObjectMapper mapper;

    JsonCodec() {
        JsonFactory factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // Without it, Jackson writes characters outside the BMP, such as emoji, as two escapes.
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                .build();
        this.mapper = new ObjectMapper(factory);
    }

    /**
     * Reads the top-level members of a JSON object.
     *
     * @throws ApiException with 400 if the text is not one well-formed JSON object
     */
    Map<String, FieldValue> readObject(String json) {
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ApiException.of(Payloads.malformed());
            }
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                throw ApiException.of(Payloads.notAnObject(typeName(first)));
            }
            Map<String, FieldValue> fields = readMembers(parser);
            if (parser.nextToken() != null) {
                throw ApiException.of(Payloads.malformed());
            }
            return fields;
        } catch (JsonProcessingException e) {
            throw ApiException.of(Payloads.malformed());
        } catch (IOException e) {
            throw new IllegalStateException("Reading JSON from a string failed", e);
        }
    }

    private static Map<String, FieldValue> readMembers(JsonParser parser) throws IOException {
        Map<String, FieldValue> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            FieldValue value = switch (token) {
                case VALUE_STRING -> new FieldValue.Text(parser.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new FieldValue.Number(parser.getText());
                case VALUE_TRUE -> new FieldValue.Bool(true);
                case VALUE_FALSE -> new FieldValue.Bool(false);
                case VALUE_NULL -> new FieldValue.Null();
                case START_ARRAY -> skip(parser, new FieldValue.Array());
                case START_OBJECT -> skip(parser, new FieldValue.Object());
                default -> throw ApiException.of(Payloads.malformed());
            };
            fields.put(name, value);
        }
        return fields;
    }

    private static FieldValue skip(JsonParser parser, FieldValue value) throws IOException {
        parser.skipChildren();
        return value;
    }

    private static String typeName(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> "value";
        };
    }

    ObjectNode object() {
        return mapper.createObjectNode();
    }

    ArrayNode array() {
        return mapper.createArrayNode();
    }

    /** Serialises a JSON tree to UTF-8 bytes. */
    byte[] write(ObjectNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Writing a JSON tree failed", e);
        }
    }

    /** Returns the body of an error response: {@code error}, {@code message} and {@code field}. */
    ObjectNode error(Rejection rejection) {
        ObjectNode node = object();
        node.put("error", rejection.code().code());
        node.put("message", rejection.message());
        node.put("field", rejection.field());
        return node;
    }

    ObjectNode family(Family family) {
        ObjectNode node = object();
        node.put("family_id", family.id().toString());
        node.put("name", family.name().value());
        node.put("topic_slug", family.topicPrefix().slug());
        node.put("topic_prefix", family.topicPrefix().value());
        node.put("created_at", time(family.createdAt()));
        return node;
    }

    ObjectNode question(Question question, Optional<RequestId> requestId) {
        ObjectNode node = object();
        node.put("question_id", question.id().toString());
        node.put("family_id", question.familyId().toString());
        node.put("question_text", question.text().value());
        node.put("category", question.category().value());
        node.put("asked_by", question.askedBy().map(MemberName::value).orElse(null));
        node.put("source", question.source().code());
        node.put("created_at", time(question.createdAt()));
        node.put("request_id", requestId.map(RequestId::value).orElse(null));
        return node;
    }

    ObjectNode answer(Answer answer, Optional<RequestId> requestId) {
        ObjectNode node = object();
        node.put("answer_id", answer.id().toString());
        node.put("question_id", answer.questionId().toString());
        node.put("family_id", answer.familyId().toString());
        node.put("answer_text", answer.text().value());
        node.put("answered_by", answer.answeredBy().map(MemberName::value).orElse(null));
        node.put("source", answer.source().code());
        node.put("created_at", time(answer.createdAt()));
        node.put("request_id", requestId.map(RequestId::value).orElse(null));
        return node;
    }

    ArrayNode strings(List<String> values) {
        ArrayNode node = array();
        values.forEach(node::add);
        return node;
    }

    static String time(Instant instant) {
        return instant.toString();
    }
}
