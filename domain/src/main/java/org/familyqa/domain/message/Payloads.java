package org.familyqa.domain.message;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;

/**
 * Checks on a message payload before it is parsed as JSON: size, emptiness and strict UTF-8.
 *
 * <p>Decoding is strict: a Latin-1 byte, a truncated sequence or an overlong form is rejected, never replaced by
 * U+FFFD, so that bad bytes are never stored as something else.
 */
public final class Payloads {

    /** Largest payload the server reads: the broker's 16 KiB packet limit bounds every payload below it. */
    public static final int MAX_PAYLOAD_BYTES = 16 * 1024;

    private Payloads() {
    }

    /**
     * Decodes a payload as UTF-8 after checking its size and that it is not blank.
     *
     * @return the text, or the rejection: {@link ErrorCode#PAYLOAD_TOO_LARGE}, or {@link ErrorCode#INVALID_JSON} for
     *         an empty, blank or non-UTF-8 payload
     */
    public static Validated<String> decode(byte[] payload) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            return rejected(ErrorCode.PAYLOAD_TOO_LARGE, "The payload is " + payload.length
                    + " bytes; the maximum is " + MAX_PAYLOAD_BYTES + " bytes.");
        }
        if (payload.length == 0) {
            return rejected(ErrorCode.INVALID_JSON, "The payload is empty; send a JSON object.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
        } catch (CharacterCodingException e) {
            return new Validated.Rejected<>(notUtf8(null), Optional.empty());
        }
        if (text.isBlank()) {
            return rejected(ErrorCode.INVALID_JSON, "The payload is only white space; send a JSON object.");
        }
        return new Validated.Accepted<>(text);
    }

    /** Returns the rejection for a payload that parsed as JSON but is not an object, such as {@code []} or {@code 1}. */
    public static Rejection notAnObject(String jsonType) {
        return Rejection.ofMessage(ErrorCode.INVALID_PAYLOAD,
                "The payload is a JSON " + jsonType + "; send a JSON object such as {\"question_text\": \"...\"}.");
    }

    /**
     * Returns the rejection for a payload whose bytes are not valid UTF-8 inside the given field.
     *
     * @param field the field whose string held the bad bytes, or {@code null} if it cannot be told
     */
    public static Rejection notUtf8(String field) {
        String where = field == null ? "The payload" : field;
        return Rejection.of(field == null ? ErrorCode.INVALID_JSON : ErrorCode.INVALID_FIELD, field,
                where + " is not valid UTF-8 text; send every string in UTF-8.");
    }

    /** Returns the rejection for a payload that is not well-formed JSON. */
    public static Rejection malformed() {
        return Rejection.ofMessage(ErrorCode.INVALID_JSON, "The payload is not well-formed JSON; send a JSON object.");
    }

    private static <T> Validated<T> rejected(ErrorCode code, String message) {
        return new Validated.Rejected<>(Rejection.ofMessage(code, message), Optional.empty());
    }
}
