package org.familyqa.adapter.http;

import java.util.Objects;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;

/**
 * Ends a request with an error response; thrown by routes and filters, turned into JSON by {@link ErrorResponses}.
 *
 * <p>It carries no stack trace because it is an expected outcome, not a failure.
 */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Rejection rejection;

    ApiException(int status, Rejection rejection) {
        super(Objects.requireNonNull(rejection, "rejection").message(), null, false, false);
        this.status = status;
        this.rejection = rejection;
    }

    /** Returns the exception for a rejection, with the HTTP status that belongs to its code. */
    static ApiException of(Rejection rejection) {
        return new ApiException(statusOf(rejection.code()), rejection);
    }

    static ApiException of(ErrorCode code, String field, String message) {
        return of(Rejection.of(code, field, message));
    }

    static ApiException notFound(String what) {
        return of(ErrorCode.NOT_FOUND, null, what + " not found.");
    }

    int status() {
        return status;
    }

    Rejection rejection() {
        return rejection;
    }

    /** Returns the HTTP status of an error code. */
    static int statusOf(ErrorCode code) {
        return switch (code) {
            case INVALID_JSON, INVALID_PAYLOAD, MISSING_FIELD, INVALID_FIELD, TOO_LONG -> 400;
            case UNAUTHORIZED -> 401;
            case NOT_FOUND, UNKNOWN_QUESTION -> 404;
            case METHOD_NOT_ALLOWED -> 405;
            case CONFLICT -> 409;
            case PAYLOAD_TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
            case INTERNAL_ERROR -> 500;
        };
    }
}
