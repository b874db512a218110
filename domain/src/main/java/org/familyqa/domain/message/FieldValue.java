package org.familyqa.domain.message;

import java.util.Objects;

/**
 * One top-level field of a JSON object as the message rules see it: its JSON type and, for strings, its text.
 *
 * <p>The JSON parser lives in an adapter; it turns each member of the received object into one of these, so the
 * rules here can tell a missing field from {@code null}, and a string from a number, without depending on a JSON
 * library. Numbers keep their literal text so that an error can repeat exactly what was sent.
 */
public sealed interface FieldValue {

    /** Returns the JSON type's name as used in error messages: string, number, boolean, null, array or object. */
    String typeName();

    /** A JSON string. */
    record Text(String value) implements FieldValue {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String typeName() {
            return "string";
        }
    }

    /** A JSON number, with its literal as written, such as {@code 4.2e1}. */
    record Number(String literal) implements FieldValue {
        public Number {
            Objects.requireNonNull(literal, "literal");
        }

        @Override
        public String typeName() {
            return "number";
        }
    }

    /** A JSON {@code true} or {@code false}. */
    record Bool(boolean value) implements FieldValue {
        @Override
        public String typeName() {
            return "boolean";
        }
    }

    /** A JSON {@code null}. */
    record Null() implements FieldValue {
        @Override
        public String typeName() {
            return "null";
        }
    }

    /** A JSON array; its elements are not needed by any rule. */
    record Array() implements FieldValue {
        @Override
        public String typeName() {
            return "array";
        }
    }

    /** A JSON object; its members are not needed by any rule. */
    record Object() implements FieldValue {
        @Override
        public String typeName() {
            return "object";
        }
    }
}
