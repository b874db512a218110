package org.familyqa.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import javax.servlet.ServletRequest;
import javax.servlet.ServletRequestWrapper;
import javax.servlet.http.HttpServletRequest;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.message.FieldValue;
import org.familyqa.domain.message.Payloads;

/**
 * Reads a JSON request body with bounded memory: checks the content type, the declared length, then reads at most
 * the maximum plus one byte, and decodes the bytes strictly as UTF-8.
 */
final class BodyReader {

    private static final int READ_CHUNK_BYTES = 8192;

    private final int maxBodyBytes;
    private final JsonCodec codec;

    BodyReader(int maxBodyBytes, JsonCodec codec) {
        this.maxBodyBytes = maxBodyBytes;
        this.codec = codec;
    }

    /**
     * Reads the body as the members of a JSON object.
     *
     * @throws ApiException with 415 for a content type other than JSON, 413 for a body over the maximum, 400 for
     *                      an empty body, bytes that are not UTF-8, or text that is not one JSON object
     */
    Map<String, FieldValue> readJsonObject(HttpServletRequest request) {
        requireJsonContentType(request);
        long declaredLength = request.getContentLengthLong();
        if (declaredLength > maxBodyBytes) {
            throw tooLarge();
        }
        byte[] bytes = readAtMost(request);
        if (bytes.length == 0) {
            throw ApiException.of(ErrorCode.INVALID_JSON, null, "The request body is empty; send a JSON object.");
        }
        return codec.readObject(decodeUtf8(bytes));
    }

    private void requireJsonContentType(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (!isJson(contentType)) {
            throw ApiException.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, null, "The Content-Type is "
                    + (contentType == null ? "missing" : "'" + abbreviate(contentType) + "'")
                    + "; send the body as application/json in UTF-8.");
        }
    }

    /** Returns whether a Content-Type is JSON with no charset or UTF-8, such as {@code application/json; charset=utf-8}. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
        if (!parts[0].strip().equals("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "").strip();
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Reads up to the maximum; one byte more means the body is too large, and the rest is never read. */
    private byte[] readAtMost(HttpServletRequest request) {
        byte[] buffer = new byte[Math.min(maxBodyBytes + 1, READ_CHUNK_BYTES)];
        int length = 0;
        try (InputStream in = unwrap(request).getInputStream()) {
            while (true) {
                if (length == buffer.length) {
                    if (length > maxBodyBytes) {
                        throw tooLarge();
                    }
                    buffer = Arrays.copyOf(buffer, Math.min(maxBodyBytes + 1, buffer.length * 2));
                }
                int read = in.read(buffer, length, buffer.length - length);
                if (read < 0) {
                    break;
                }
                length += read;
            }
        } catch (IOException e) {
            throw ApiException.of(ErrorCode.INVALID_JSON, null,
                    "The request body could not be read completely; send it again.");
        }
        if (length > maxBodyBytes) {
            throw tooLarge();
        }
        return Arrays.copyOf(buffer, length);
    }

    /**
     * Returns the servlet container's own request. Spark 2.9's wrapper copies the whole body into memory on the first
     * read unless Transfer-Encoding is exactly {@code chunked}, so the bounded read goes to the request it wraps.
     */
    private static ServletRequest unwrap(ServletRequest request) {
        ServletRequest current = request;
        while (current instanceof ServletRequestWrapper wrapper) {
            current = wrapper.getRequest();
        }
        return current;
    }

    private static String decodeUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiException.of(Payloads.notUtf8(null));
        }
    }

    private ApiException tooLarge() {
        return ApiException.of(ErrorCode.PAYLOAD_TOO_LARGE, null,
                "The request body is larger than the maximum of " + maxBodyBytes + " bytes.");
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "...";
    }
}
