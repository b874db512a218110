package org.familyqa.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadsTest {

    private static byte[] bytes(String before, int[] raw, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        Arrays.stream(raw).forEach(out::write);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static Rejection rejection(Validated<String> validated) {
        assertThat(validated).isInstanceOf(Validated.Rejected.class);
        return ((Validated.Rejected<String>) validated).rejection();
    }

    private static String text(Validated<String> validated) {
        assertThat(validated).isInstanceOf(Validated.Accepted.class);
        return ((Validated.Accepted<String>) validated).value();
    }

    @Test
    void rejectsEmptyPayload() {
        Rejection rejection = rejection(Payloads.decode(new byte[0]));

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_JSON);
        assertThat(rejection.message()).contains("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "  \r\n", "\t\n", "\n"})
    void rejectsWhiteSpacePayload(String payload) {
        Rejection rejection = rejection(Payloads.decode(payload.getBytes(StandardCharsets.UTF_8)));

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_JSON);
        assertThat(rejection.message()).contains("white space");
    }

    @Test
    void acceptsPayloadOfMaximumSize() {
        byte[] payload = new byte[Payloads.MAX_PAYLOAD_BYTES];
        Arrays.fill(payload, (byte) 'a');

        assertThat(text(Payloads.decode(payload))).hasSize(16_384);
    }

    @Test
    void rejectsPayloadOneByteTooLarge() {
        byte[] payload = new byte[16_385];
        Arrays.fill(payload, (byte) 'a');

        Rejection rejection = rejection(Payloads.decode(payload));

        assertThat(rejection.code()).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(rejection.message()).contains("16385").contains("16384");
    }

    @Test
    void rejectsLatin1Byte() {
        byte[] payload = bytes("{\"question_text\":\"caf", new int[] {0xE9}, "?\",\"category\":\"general\"}");

        assertNotUtf8(Payloads.decode(payload));
    }

    @Test
    void rejectsTruncatedFourByteSequence() {
        byte[] payload = bytes("{\"question_text\":\"hi ", new int[] {0xF0, 0x9F, 0x8D},
                "\",\"category\":\"general\"}");

        assertNotUtf8(Payloads.decode(payload));
    }

    @Test
    void rejectsTruncatedSequenceAtEnd() {
        assertNotUtf8(Payloads.decode(bytes("{\"question_text\":\"hi", new int[] {0xF0, 0x9F, 0x8D}, "")));
    }

    @Test
    void rejectsOverlongEncoding() {
        byte[] payload = bytes("{\"question_text\":\"a", new int[] {0xC0, 0xAF}, "b\"}");

        assertNotUtf8(Payloads.decode(payload));
    }

    @Test
    void rejectsEncodedSurrogate() {
        byte[] payload = bytes("{\"question_text\":\"half ", new int[] {0xED, 0xA0, 0xBC}, "\"}");

        assertNotUtf8(Payloads.decode(payload));
    }

    private static void assertNotUtf8(Validated<String> validated) {
        Rejection rejection = rejection(validated);

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_JSON);
        assertThat(rejection.message()).contains("not valid UTF-8").doesNotContain("\uFFFD");
    }

    @Test
    void roundTripsMultilingualText() {
        String json = "{\"question_text\":\"Who ate the last \uD83C\uDF6A? Qui a mang\u00e9? \u8c01\u5403\u4e86? "
                + "\u0645\u0631\u062d\u0628\u0627\",\"category\":\"general\"}";
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);

        String decoded = text(Payloads.decode(payload));

        assertThat(decoded).isEqualTo(json);
        assertThat(decoded.getBytes(StandardCharsets.UTF_8)).isEqualTo(payload);
        assertThat(decoded).doesNotContain("\uFFFD");
    }

    @Test
    void namesFieldWhenBadBytesAreInOne() {
        Rejection rejection = Payloads.notUtf8("question_text");

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo("question_text");
        assertThat(rejection.message()).contains("question_text is not valid UTF-8");
    }

    @Test
    void describesPayloadThatIsNotObject() {
        Rejection rejection = Payloads.notAnObject("array");

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_PAYLOAD);
        assertThat(rejection.field()).isNull();
        assertThat(rejection.message()).contains("JSON array");
    }

    @Test
    void describesMalformedJson() {
        assertThat(Payloads.malformed().code()).isEqualTo(ErrorCode.INVALID_JSON);
    }
}
