package org.familyqa.domain.question;

import java.util.regex.Pattern;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.ValidationException;

/**
 * Category of a question, as a slug: a lower-case letter or digit, then up to 49 lower-case letters, digits or
 * hyphens. Upper-case input is rejected rather than folded, so a category reads the same on every client.
 */
public record Category(String value) {

    public static final String FIELD = "category";

    // Declared before GENERAL because static fields initialise in declaration order and GENERAL's constructor reads it.
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    public static final Category GENERAL = new Category("general");

    public Category {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new ValidationException(ErrorCode.INVALID_FIELD, FIELD, FIELD
                    + " must be 1 to 50 characters of a-z, 0-9 and '-', starting with a letter or digit, such as 'general'.");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
