package org.familyqa.domain;

import java.util.Objects;

/**
 * Rules shared by every user-written text: trimming, allowed characters and length limits.
 *
 * <p>Lengths count Unicode code points, so one emoji outside the Basic Multilingual Plane counts once, while a base
 * letter and its combining mark count twice. Allowed characters are every Unicode scalar value except the control
 * characters (category Cc); multi-line texts may also contain line feeds, and a CR LF pair is normalised to one line
 * feed. Lone surrogates, which a JSON {@code \\ud83c} escape can produce, are rejected because they are not text.
 */
public final class TextRules {

    private TextRules() {
    }

    /**
     * Validates and normalises a user-written text.
     *
     * @param raw        the text as received, not null
     * @param field      the wire name reported in a rejection
     * @param maxLength  the maximum length in code points, after trimming
     * @param multiline  whether line feeds are allowed
     * @return the trimmed text, with CR LF turned into LF
     * @throws ValidationException if the text is blank, too long or contains a forbidden character
     */
    public static String requireText(String raw, String field, int maxLength, boolean multiline) {
        Objects.requireNonNull(raw, field);
        String text = multiline ? raw.replace("\r\n", "\n") : raw;
        text = text.strip();
        if (text.isEmpty()) {
            throw new ValidationException(ErrorCode.INVALID_FIELD, field,
                    field + " must not be empty or only white space.");
        }
        checkCharacters(text, field, multiline);
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            throw new ValidationException(ErrorCode.TOO_LONG, field,
                    field + " is " + length + " characters long; the maximum is " + maxLength + ".");
        }
        return text;
    }

    private static void checkCharacters(String text, String field, boolean multiline) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (Character.isSurrogate((char) codePoint) && codePoint <= Character.MAX_VALUE) {
                throw new ValidationException(ErrorCode.INVALID_FIELD, field,
                        field + " is not valid UTF-8 text: it contains a lone surrogate at position " + i + ".");
            }
            boolean allowedLineFeed = multiline && codePoint == '\n';
            if (Character.getType(codePoint) == Character.CONTROL && !allowedLineFeed) {
                throw new ValidationException(ErrorCode.INVALID_FIELD, field, field
                        + " contains the control character U+" + String.format("%04X", codePoint) + " at position "
                        + i + "; only printable characters" + (multiline ? " and line feeds" : "") + " are allowed.");
            }
            i += Character.charCount(codePoint);
        }
    }
}
