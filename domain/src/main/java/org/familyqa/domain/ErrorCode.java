package org.familyqa.domain;

import java.util.Locale;

/**
 * Machine-readable reason for rejecting a request or a device message.
 *
 * <p>The wire form ({@link #code()}) is the lower-case name, for example {@code too_long}. The HTTP API and the MQTT
 * errors topic use the same set, so a client can handle both with one table.
 */
public enum ErrorCode {
    /** The payload is not JSON, or not valid UTF-8. */
    INVALID_JSON,
    /** The payload is JSON but not an object, or the object is empty of what is required. */
    INVALID_PAYLOAD,
    /** A required field is absent or {@code null}. */
    MISSING_FIELD,
    /** A field has the wrong type, a forbidden character or a value outside its pattern. */
    INVALID_FIELD,
    /** A text field is longer than its maximum. */
    TOO_LONG,
    /** The question does not exist in the sender's family. */
    UNKNOWN_QUESTION,
    /** The message is larger than the server accepts. */
    PAYLOAD_TOO_LARGE,
    /** The family sent more messages than its rate limit allows. */
    RATE_LIMITED,
    /** The resource does not exist, or belongs to another family. */
    NOT_FOUND,
    /** The request conflicts with stored state, for example a topic prefix that is taken. */
    CONFLICT,
    /** The credentials are missing or wrong. */
    UNAUTHORIZED,
    /** The request's content type is not JSON. */
    UNSUPPORTED_MEDIA_TYPE,
    /** The HTTP method is not allowed on the resource. */
    METHOD_NOT_ALLOWED,
    /** A dependency (database, broker) is not reachable at the moment. */
    UNAVAILABLE,
    /** An unexpected failure inside the server. */
    INTERNAL_ERROR;

    /**
     * Returns the wire form of this code.
     *
     * @return the lower-case name, such as {@code missing_field}
     */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
