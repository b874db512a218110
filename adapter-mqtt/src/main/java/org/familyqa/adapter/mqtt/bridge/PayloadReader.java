package org.familyqa.adapter.mqtt.bridge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.familyqa.domain.message.FieldValue;
import org.familyqa.domain.message.Payloads;
import org.familyqa.domain.message.Validated;
import org.familyqa.domain.question.RequestId;
import org.familyqa.ports.in.DeviceMessage;

/**
 * Reads a device's payload into the top-level members of a JSON object, or the reason it is not one.
 *
 * <p>The parser is Jackson's streaming parser with these rules:
 * <ul>
 *   <li>Arrays and objects may nest at most {@value #MAX_NESTING_DEPTH} levels. Jackson checks the depth as it
 *       reads, so 50,000 nested arrays are rejected without deep recursion.</li>
 *   <li>A raw control character inside a string (such as a NUL byte) is malformed JSON, as Jackson rejects it by
 *       default. An escaped {@code \u0000} parses, and the domain's text rules reject it by field.</li>
 *   <li>A member name that appears twice at the top level is rejected naming that field, because devices and
 *       parsers disagree on which of the two values counts.</li>
 *   <li>Numbers keep their literal text, so {@code 4.2e1} is reported as sent and never becomes {@code 42.0}.</li>
 * </ul>
 * Instances are thread-safe.
 */
final class PayloadReader {

    static final int MAX_NESTING_DEPTH = 64;

    private static final char REPLACEMENT_CHARACTER = '\uFFFD';

    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .build();

    /** Reads a payload; never throws for any byte sequence. */
    DeviceMessage.Body read(byte[] payload) {
        Validated<String> decoded = Payloads.decode(payload);
        if (decoded instanceof Validated.Accepted<String> accepted) {
            return parse(accepted.value());
        }
        Validated.Rejected<String> rejected = (Validated.Rejected<String>) decoded;
        if (rejected.rejection().equals(Payloads.notUtf8(null))) {
            return notUtf8(payload);
        }
        return new DeviceMessage.Unreadable(rejected.rejection(), Optional.empty());
    }

    private DeviceMessage.Body parse(String json) {
        try (JsonParser parser = factory.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                String type = typeName(first);
                parser.skipChildren();
                requireEnd(parser);
                return new DeviceMessage.Unreadable(Payloads.notAnObject(type), Optional.empty());
            }
            return readMembers(parser);
        } catch (StreamConstraintsException e) {
            return new DeviceMessage.Unreadable(tooDeep(), Optional.empty());
        } catch (JsonProcessingException e) {
            return new DeviceMessage.Unreadable(Payloads.malformed(), Optional.empty());
        } catch (IOException e) {
            // A parser over a String does no I/O; Jackson declares the exception anyway.
            return new DeviceMessage.Unreadable(Payloads.malformed(), Optional.empty());
        }
    }

    private static DeviceMessage.Body readMembers(JsonParser parser) throws IOException {
        Map<String, FieldValue> members = new LinkedHashMap<>();
        String duplicate = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            FieldValue value = readValue(parser, parser.nextToken());
            if (members.putIfAbsent(name, value) != null && duplicate == null) {
                duplicate = name;
            }
        }
        requireEnd(parser);
        if (duplicate != null) {
            return new DeviceMessage.Unreadable(duplicateMember(duplicate), requestId(members));
        }
        return new DeviceMessage.Fields(members);
    }

    private static FieldValue readValue(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case VALUE_STRING:
                return new FieldValue.Text(parser.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new FieldValue.Number(parser.getText());
            case VALUE_TRUE:
                return new FieldValue.Bool(true);
            case VALUE_FALSE:
                return new FieldValue.Bool(false);
            case VALUE_NULL:
                return new FieldValue.Null();
            case START_ARRAY:
                parser.skipChildren();
                return new FieldValue.Array();
            case START_OBJECT:
                parser.skipChildren();
                return new FieldValue.Object();
            default:
                throw new JsonProcessingException("Unexpected token " + token, parser.currentLocation()) { };
        }
    }

    /** Requires that nothing but white space follows the first value, as in {@code {} {}}. */
    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new JsonProcessingException("Content after the first JSON value", parser.currentLocation()) { };
        }
    }

    /**
     * Names the field that contains the bad bytes: the payload is decoded again with each bad sequence replaced by
     * U+FFFD, and the first top-level string containing U+FFFD is the culprit. U+FFFD sent as valid UTF-8 cannot
     * mislead this, because only payloads that failed strict decoding come here.
     */
    private DeviceMessage.Body notUtf8(byte[] payload) {
        DeviceMessage.Body lenient = parse(new String(payload, StandardCharsets.UTF_8));
        if (lenient instanceof DeviceMessage.Fields fields) {
            for (Map.Entry<String, FieldValue> member : fields.members().entrySet()) {
                if (member.getValue() instanceof FieldValue.Text text
                        && text.value().indexOf(REPLACEMENT_CHARACTER) >= 0) {
                    return new DeviceMessage.Unreadable(Payloads.notUtf8(member.getKey()),
                            requestId(fields.members()));
                }
            }
            return new DeviceMessage.Unreadable(Payloads.notUtf8(null), requestId(fields.members()));
        }
        return new DeviceMessage.Unreadable(Payloads.notUtf8(null), Optional.empty());
    }

    private static Optional<String> requestId(Map<String, FieldValue> members) {
        if (members.get(RequestId.FIELD) instanceof FieldValue.Text text
                && text.value().indexOf(REPLACEMENT_CHARACTER) < 0) {
            return Optional.of(text.value());
        }
        return Optional.empty();
    }

    private static String typeName(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        switch (token) {
            case START_ARRAY:
                return "array";
            case VALUE_STRING:
                return "string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return "number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "boolean";
            case VALUE_NULL:
                return "null";
            default:
                return token.name().toLowerCase(Locale.ROOT);
        }
    }

    private static Rejection tooDeep() {
        return Rejection.ofMessage(ErrorCode.INVALID_JSON, "The payload nests arrays or objects more than "
                + MAX_NESTING_DEPTH + " levels deep; send a flat JSON object.");
    }

    private static Rejection duplicateMember(String field) {
        return Rejection.of(ErrorCode.INVALID_JSON, field,
                "The payload contains the field " + field + " more than once; send each field once.");
    }
}
