package org.familyqa.domain.question;

import org.familyqa.domain.TextRules;

/**
 * Client-chosen key that makes a request idempotent: 1 to 64 characters, one line, no control characters.
 *
 * <p>The same request id from the same family within {@link #RETENTION_HOURS} hours is stored once.
 */
public record RequestId(String value) {

    public static final String FIELD = "request_id";
    public static final int MAX_LENGTH = 64;
    public static final int RETENTION_HOURS = 24;

    public RequestId {
        value = TextRules.requireText(value, FIELD, MAX_LENGTH, false);
    }

    @Override
    public String toString() {
        return value;
    }
}
