package org.familyqa.adapter.http;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.familyqa.ports.out.BrokerUnavailableException;
import org.familyqa.ports.out.StoreUnavailableException;

import spark.Request;
import spark.Response;
import spark.Service;

/**
 * Turns exceptions into JSON error responses: {@link ApiException} into its status, an unavailable store or broker
 * into 503 with Retry-After, and anything else into a generic 500 whose stack trace is logged once.
 */
final class ErrorResponses {

    static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

    /** Seconds a client should wait before retrying after a 429 or 503. */
    static final int RETRY_AFTER_SECONDS = 1;

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);
    private static final long WARN_INTERVAL_NANOS = 1_000_000_000L;

    private final JsonCodec codec;
    private final AtomicLong lastRejectionWarning = new AtomicLong(System.nanoTime() - WARN_INTERVAL_NANOS);
    private final AtomicLong suppressedRejections = new AtomicLong();

    ErrorResponses(JsonCodec codec) {
        this.codec = codec;
    }

    void register(Service service) {
        service.exception(ApiException.class, this::handleApiException);
        service.exception(StoreUnavailableException.class, (e, request, response) ->
                handleUnavailable(e, "The database is not reachable at the moment; try again shortly.", request,
                        response));
        service.exception(BrokerUnavailableException.class, (e, request, response) ->
                handleUnavailable(e, "The MQTT broker is not reachable at the moment; try again shortly.", request,
                        response));
        // Jetty parses the query string lazily, on the first read of a parameter, and throws for bad percent-encoding.
        service.exception(BadMessageException.class, this::handleBadMessage);
        service.exception(Exception.class, this::handleUnexpected);
    }

    private void handleApiException(ApiException e, Request request, Response response) {
        int status = e.status();
        if (status == 400 || status == 413 || status == 415) {
            warnRejected(request, e);
        } else {
            LOG.debug("{} {} answered {}: {}", request.requestMethod(), request.pathInfo(), status, e.getMessage());
        }
        if (status == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        if (status == 413) {
            // The rest of the body is never read, so the connection cannot carry another request.
            response.header("Connection", "close");
        }
        if (status == 429 || status == 503) {
            response.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        }
        write(response, status, e.rejection());
    }

    /** Answers Jetty's rejections: a query that is not valid percent-encoded UTF-8, or a body that arrives too slowly. */
    private void handleBadMessage(BadMessageException e, Request request, Response response) {
        if (e.getCode() == 400) {
            handleApiException(ApiException.of(ErrorCode.INVALID_FIELD, null,
                    "The query string is not valid; percent-encode every parameter in UTF-8."), request, response);
            return;
        }
        LOG.warn("{} {} rejected by Jetty with {}: {}", request.requestMethod(), request.pathInfo(), e.getCode(),
                e.getReason());
        write(response, e.getCode(), Rejection.ofMessage(ErrorCode.INVALID_JSON,
                "The request body arrived too slowly or was malformed; send it again at once."));
    }

    private void handleUnavailable(RuntimeException e, String message, Request request, Response response) {
        LOG.warn("{} {} answered 503: {}", request.requestMethod(), request.pathInfo(), e.toString());
        response.header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        write(response, 503, Rejection.ofMessage(ErrorCode.UNAVAILABLE, message));
    }

    private void handleUnexpected(Exception e, Request request, Response response) {
        LOG.error("{} {} failed unexpectedly", request.requestMethod(), request.pathInfo(), e);
        write(response, 500, Rejection.ofMessage(ErrorCode.INTERNAL_ERROR,
                "The server failed to handle the request; the failure is logged."));
    }

    private void write(Response response, int status, Rejection rejection) {
        response.status(status);
        response.type(JSON_CONTENT_TYPE);
        response.body(new String(codec.write(codec.error(rejection)), StandardCharsets.UTF_8));
    }

    /** Logs rejected input at WARN, at most once a second, with the number of rejections not logged since. */
    private void warnRejected(Request request, ApiException e) {
        long now = System.nanoTime();
        long last = lastRejectionWarning.get();
        if (now - last < WARN_INTERVAL_NANOS || !lastRejectionWarning.compareAndSet(last, now)) {
            suppressedRejections.incrementAndGet();
            return;
        }
        long suppressed = suppressedRejections.getAndSet(0);
        LOG.warn("{} {} rejected with {} {} on field {} ({} more rejections not logged in the last second)",
                request.requestMethod(), request.pathInfo(), e.status(), e.rejection().code().code(),
                e.rejection().field(), suppressed);
    }
}
