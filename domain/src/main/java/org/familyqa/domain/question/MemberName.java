package org.familyqa.domain.question;

import org.familyqa.domain.TextRules;

/**
 * Name of the family member who asked or answered: 1 to 100 characters after trimming, one line.
 *
 * <p>The field name differs by use ({@code asked_by}, {@code answered_by}), so the factories take it.
 */
public record MemberName(String value) {

    public static final int MAX_LENGTH = 100;

    public MemberName {
        value = TextRules.requireText(value, "member_name", MAX_LENGTH, false);
    }

    /**
     * Validates a member name read from the given field.
     *
     * @throws org.familyqa.domain.ValidationException naming {@code field} if the name breaks a rule
     */
    public static MemberName of(String raw, String field) {
        return new MemberName(TextRules.requireText(raw, field, MAX_LENGTH, false));
    }

    @Override
    public String toString() {
        return value;
    }
}
