package org.familyqa.adapter.http;

import java.io.IOException;
import java.nio.ByteBuffer;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;

/**
 * Replaces Jetty's HTML error page with the API's JSON error body, for the errors Jetty handles itself: requests it
 * cannot parse (such as oversized headers) and {@link Error}s that escape Spark's exception handling.
 *
 * <p>The message is chosen by status only, because Jetty's reason text can contain exception details.
 */
final class JsonJettyErrorHandler extends ErrorHandler {

    private final JsonCodec codec;

    JsonJettyErrorHandler(JsonCodec codec) {
        this.codec = codec;
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message)
            throws IOException {
        byte[] body = body(code);
        baseRequest.setHandled(true);
        response.setContentType(ErrorResponses.JSON_CONTENT_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        fields.put(HttpHeader.CONTENT_TYPE, ErrorResponses.JSON_CONTENT_TYPE);
        return ByteBuffer.wrap(body(status));
    }

    private byte[] body(int status) {
        return codec.write(codec.error(rejectionFor(status)));
    }

    private static Rejection rejectionFor(int status) {
        return switch (status) {
            case 400 -> Rejection.ofMessage(ErrorCode.INVALID_JSON, "The HTTP request is malformed.");
            case 404 -> Rejection.ofMessage(ErrorCode.NOT_FOUND, "No resource exists at this path.");
            case 405 -> Rejection.ofMessage(ErrorCode.METHOD_NOT_ALLOWED, "This method is not allowed here.");
            case 413, 431 -> Rejection.ofMessage(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request or its headers are larger than the server accepts.");
            case 415 -> Rejection.ofMessage(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
            case 503 -> Rejection.ofMessage(ErrorCode.UNAVAILABLE, "The server is busy; try again shortly.");
            default -> Rejection.ofMessage(status < 500 ? ErrorCode.INVALID_JSON : ErrorCode.INTERNAL_ERROR,
                    status < 500 ? "The HTTP request was rejected." : "The server failed to handle the request.");
        };
    }
}
