package org.familyqa.ports.out;

import java.util.Objects;

/**
 * Thrown by a repository when a write breaks a uniqueness rule, such as a topic prefix that another family has.
 *
 * @since 0.1.0
 */
public class DuplicateKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the wire name of the field whose value is taken, such as {@code topic_slug}
     */
    public DuplicateKeyException(String field, String message, Throwable cause) {
        super(message, cause);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** Returns the wire name of the field whose value is taken. */
    public String field() {
        return field;
    }
}
