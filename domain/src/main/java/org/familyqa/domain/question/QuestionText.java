package org.familyqa.domain.question;

import org.familyqa.domain.TextRules;

/** Text of a question: 1 to 1000 characters after trimming; line feeds allowed, other control characters not. */
public record QuestionText(String value) {

    public static final String FIELD = "question_text";
    public static final int MAX_LENGTH = 1000;

    public QuestionText {
        value = TextRules.requireText(value, FIELD, MAX_LENGTH, true);
    }

    @Override
    public String toString() {
        return value;
    }
}
