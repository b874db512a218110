package org.familyqa.adapter.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A small HTTP client for the API under test, on 127.0.0.1. */
final class ApiClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    ApiClient(int port) {
        this.port = port;
    }

    Reply get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    Reply post(String path, String token, String json) {
        return send("POST", path, token, "application/json", json);
    }

    Reply send(String method, String path, String token, String contentType, String body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return sendBytes(method, path, token, contentType, publisher);
    }

    Reply sendBytes(String method, String path, String token, String contentType,
                    HttpRequest.BodyPublisher publisher, String... extraHeaders) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, publisher);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            builder.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A received response. */
    record Reply(int status, String contentType, java.net.http.HttpHeaders headers, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return MAPPER.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("Response is not JSON: " + text(), e);
            }
        }

        String error() {
            return json().path("error").asText();
        }

        String field() {
            return json().path("field").isNull() ? null : json().path("field").asText();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + text();
        }
    }
}
