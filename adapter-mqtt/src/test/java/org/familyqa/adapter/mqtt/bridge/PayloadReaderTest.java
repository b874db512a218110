package org.familyqa.adapter.mqtt.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.familyqa.domain.message.FieldValue;
import org.familyqa.domain.message.Payloads;
import org.familyqa.ports.in.DeviceMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadReaderTest {

    private final PayloadReader reader = new PayloadReader();

    @Test
    void readsTopLevelMembersByType() {
        DeviceMessage.Body body = read("{\"question_text\":\"Hi 🍪\",\"n\":4.2e1,\"t\":true,\"z\":null,"
                + "\"a\":[1,[2]],\"o\":{\"rssi\":-61}}");

        assertThat(body).isInstanceOf(DeviceMessage.Fields.class);
        var members = ((DeviceMessage.Fields) body).members();
        assertThat(members.get("question_text")).isEqualTo(new FieldValue.Text("Hi 🍪"));
        assertThat(members.get("n")).isEqualTo(new FieldValue.Number("4.2e1"));
        assertThat(members.get("t")).isEqualTo(new FieldValue.Bool(true));
        assertThat(members.get("z")).isEqualTo(new FieldValue.Null());
        assertThat(members.get("a")).isEqualTo(new FieldValue.Array());
        assertThat(members.get("o")).isEqualTo(new FieldValue.Object());
    }

    @Test
    void keepsNumberLiteralsAsSent() {
        var members = ((DeviceMessage.Fields) read("{\"a\":42,\"b\":42.0,\"c\":9007199254740993}")).members();

        assertThat(members.get("a")).isEqualTo(new FieldValue.Number("42"));
        assertThat(members.get("b")).isEqualTo(new FieldValue.Number("42.0"));
        assertThat(members.get("c")).isEqualTo(new FieldValue.Number("9007199254740993"));
    }

    @Test
    void keepsEscapedNulForTheTextRules() {
        var members = ((DeviceMessage.Fields) read("{\"question_text\":\"a\\u0000b\"}")).members();

        assertThat(members.get("question_text")).isEqualTo(new FieldValue.Text("a\u0000b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "{\"a\":}", "{\"a\":1}}", "{} {}", "nul", "{'a':1}", "{\"a\":1,}", "[1,2"})
    void rejectsMalformedJson(String payload) {
        assertThat(rejection(read(payload))).isEqualTo(Payloads.malformed());
    }

    @Test
    void rejectsRawControlCharacterInString() {
        byte[] payload = "{\"question_text\":\"a\u0000b\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(rejection(reader.read(payload))).isEqualTo(Payloads.malformed());
    }

    @Test
    void rejectsOtherJsonTypesAsNotAnObject() {
        assertThat(rejection(read("[]"))).isEqualTo(Payloads.notAnObject("array"));
        assertThat(rejection(read("null"))).isEqualTo(Payloads.notAnObject("null"));
        assertThat(rejection(read("\"just a string\""))).isEqualTo(Payloads.notAnObject("string"));
        assertThat(rejection(read("123"))).isEqualTo(Payloads.notAnObject("number"));
        assertThat(rejection(read("true"))).isEqualTo(Payloads.notAnObject("boolean"));
    }

    @Test
    void rejectsEmptyAndBlankPayloads() {
        assertThat(rejection(reader.read(new byte[0])).code()).isEqualTo(ErrorCode.INVALID_JSON);
        assertThat(rejection(read("  \r\n")).code()).isEqualTo(ErrorCode.INVALID_JSON);
        assertThat(rejection(read("  \r\n")).message()).contains("white space");
    }

    @Test
    void rejects50000NestedArraysAsTooLarge() {
        String nested = "[".repeat(50_000) + "]".repeat(50_000);

        assertThat(rejection(read(nested)).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void rejectsDeepNestingWithoutStackOverflow() {
        String nested = "[".repeat(8_000) + "]".repeat(8_000);

        Rejection rejection = rejection(read(nested));

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_JSON);
        assertThat(rejection.message()).contains(String.valueOf(PayloadReader.MAX_NESTING_DEPTH));
    }

    @Test
    void rejectsDeepNestingInsideAField() {
        String payload = "{\"question_text\":\"x\",\"deep\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

        assertThat(rejection(read(payload)).message()).contains("levels deep");
    }

    @Test
    void rejectsDuplicateFieldNamingIt() {
        DeviceMessage.Body body = read("{\"question_text\":\"a\",\"question_text\":\"b\",\"request_id\":\"r-1\"}");

        assertThat(rejection(body).field()).isEqualTo("question_text");
        assertThat(((DeviceMessage.Unreadable) body).requestId()).contains("r-1");
    }

    @Test
    void namesFieldWithLatin1Byte() {
        byte[] payload = bytes("{\"request_id\":\"r-9\",\"question_text\":\"caf", 0xE9, "?\",\"category\":\"general\"}");

        DeviceMessage.Body body = reader.read(payload);

        assertThat(rejection(body)).isEqualTo(Payloads.notUtf8("question_text"));
        assertThat(((DeviceMessage.Unreadable) body).requestId()).contains("r-9");
    }

    @Test
    void namesFieldWithTruncatedEmoji() {
        byte[] payload = bytes("{\"question_text\":\"hi ", 0xF0, 0x9F, 0x8D, "\",\"category\":\"general\"}");

        assertThat(rejection(reader.read(payload))).isEqualTo(Payloads.notUtf8("question_text"));
    }

    @Test
    void namesFieldWithOverlongEncoding() {
        byte[] payload = bytes("{\"category\":\"general\",\"question_text\":\"a", 0xC0, 0xAF, "b\"}");

        assertThat(rejection(reader.read(payload))).isEqualTo(Payloads.notUtf8("question_text"));
    }

    @Test
    void rejectsBadBytesOutsideStringsWithoutField() {
        byte[] payload = bytes("{\"question_text\":\"a\"", 0xE9, "}");

        assertThat(rejection(reader.read(payload))).isEqualTo(Payloads.notUtf8(null));
    }

    @Test
    void passesLoneSurrogateEscapeToTheTextRules() {
        var members = ((DeviceMessage.Fields) read("{\"question_text\":\"half \\ud83c\"}")).members();

        assertThat(members.get("question_text")).isEqualTo(new FieldValue.Text("half \ud83c"));
    }

    @Test
    void rejectsPayloadOverTheLimit() {
        String payload = "{\"question_text\":\"" + "a".repeat(Payloads.MAX_PAYLOAD_BYTES) + "\"}";

        assertThat(rejection(read(payload)).code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void unreadableHasNoRequestIdWhenNotAnObject() {
        assertThat(((DeviceMessage.Unreadable) read("[\"request_id\"]")).requestId()).isEqualTo(Optional.empty());
    }

    private DeviceMessage.Body read(String payload) {
        return reader.read(payload.getBytes(StandardCharsets.UTF_8));
    }

    private static Rejection rejection(DeviceMessage.Body body) {
        assertThat(body).isInstanceOf(DeviceMessage.Unreadable.class);
        return ((DeviceMessage.Unreadable) body).rejection();
    }

    /** Concatenates UTF-8 strings and raw byte values given as integers. */
    static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
