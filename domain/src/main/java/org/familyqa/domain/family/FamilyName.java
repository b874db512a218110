package org.familyqa.domain.family;

import java.util.Objects;

import org.familyqa.domain.TextRules;

/**
 * Display name of a family: 1 to 100 characters after trimming, one line.
 *
 * <p>The name is for people only. It never appears in a topic, so characters such as {@code +}, {@code #} or
 * {@code /} are allowed.
 */
public record FamilyName(String value) {

    public static final String FIELD = "name";
    public static final int MAX_LENGTH = 100;

    public FamilyName {
        Objects.requireNonNull(value, FIELD);
        value = TextRules.requireText(value, FIELD, MAX_LENGTH, false);
    }

    @Override
    public String toString() {
        return value;
    }
}
