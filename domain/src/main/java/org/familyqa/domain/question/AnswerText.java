package org.familyqa.domain.question;

import org.familyqa.domain.TextRules;

/** Text of an answer: 1 to 5000 characters after trimming; line feeds allowed, other control characters not. */
public record AnswerText(String value) {

    public static final String FIELD = "answer_text";
    public static final int MAX_LENGTH = 5000;

    public AnswerText {
        value = TextRules.requireText(value, FIELD, MAX_LENGTH, true);
    }

    @Override
    public String toString() {
        return value;
    }
}
