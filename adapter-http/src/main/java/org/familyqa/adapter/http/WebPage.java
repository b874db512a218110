package org.familyqa.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import spark.Response;
import spark.Service;

/**
 * The web page: one HTML file with its script and style sheet, read from the classpath once at start.
 *
 * <p>The Content-Security-Policy allows only this server's own scripts and styles, so no inline script and no
 * external CDN can run on the page.
 */
final class WebPage {

    private static final String RESOURCE_FOLDER = "/org/familyqa/adapter/http/web/";
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private final byte[] html = load("index.html");
    private final byte[] script = load("app.js");
    private final byte[] styles = load("app.css");

    void register(Service service) {
        service.get("/", (request, response) -> serve(response, "text/html; charset=utf-8", html));
        service.get("/index.html", (request, response) -> serve(response, "text/html; charset=utf-8", html));
        service.get("/assets/app.js", (request, response) -> serve(response, "text/javascript; charset=utf-8", script));
        service.get("/assets/app.css", (request, response) -> serve(response, "text/css; charset=utf-8", styles));
    }

    private static Object serve(Response response, String contentType, byte[] content) {
        response.type(contentType);
        response.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("Referrer-Policy", "no-referrer");
        response.header("Cache-Control", "no-cache");
        return content;
    }

    private static byte[] load(String name) {
        try (InputStream in = WebPage.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("The web page resource " + RESOURCE_FOLDER + name
                        + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the web page resource " + name + " failed", e);
        }
    }
}
