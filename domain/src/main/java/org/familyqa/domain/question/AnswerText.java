package org.familyqa.domain.question;

import java.nio.charset.StandardCharsets;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.TextRules;
import org.familyqa.domain.ValidationException;

/**
 * Text of an answer: 1 to 5000 characters after trimming, and at most 12,000 bytes in UTF-8; line feeds allowed,
 * other control characters not.
 *
 * <p>The byte limit keeps every published answer inside the broker's 16 KiB packet limit: 5000 characters of 4-byte
 * emoji would be 20,000 bytes, so such an answer could be stored but never delivered. With at most 12,000 bytes, the
 * JSON-escaped text is at most about 14,700 bytes, which leaves room for the ids, names and topic of the message.
 */
public record AnswerText(String value) {

    public static final String FIELD = "answer_text";
    public static final int MAX_LENGTH = 5000;
    public static final int MAX_UTF8_BYTES = 12_000;

    public AnswerText {
        value = TextRules.requireText(value, FIELD, MAX_LENGTH, true);
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_UTF8_BYTES) {
            throw new ValidationException(ErrorCode.TOO_LONG, FIELD, FIELD + " is " + bytes
                    + " bytes long in UTF-8; the maximum is " + MAX_UTF8_BYTES + " bytes (and " + MAX_LENGTH
                    + " characters).");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
