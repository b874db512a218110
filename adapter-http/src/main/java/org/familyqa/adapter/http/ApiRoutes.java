package org.familyqa.adapter.http;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.familyqa.domain.ErrorCode;

import spark.Route;
import spark.Service;

/**
 * The route table of {@code /api}: authentication first, then each path with its methods, 405 for the other methods
 * of a known path, and 404 for every unknown path.
 */
final class ApiRoutes {

    /** HTTP methods that get 405 on a known path that does not support them. */
    private enum Method { GET, POST, PUT, DELETE, PATCH, OPTIONS, HEAD }

    private final Service service;
    private final Authenticator authenticator;
    private final RouteSupport support;

    ApiRoutes(Service service, Authenticator authenticator, RouteSupport support) {
        this.service = service;
        this.authenticator = authenticator;
        this.support = support;
    }

    void registerAuthentication() {
        service.before("/api", (request, response) -> authenticate(request));
        service.before("/api/*", (request, response) -> authenticate(request));
    }

    private void authenticate(spark.Request request) {
        request.attribute(RouteSupport.CALLER_ATTRIBUTE, authenticator.authenticate(request.headers("Authorization")));
    }

    void register(FamilyRoutes families, QuestionRoutes questions, MqttRoutes mqtt) {
        String family = "/api/families/:id";
        String question = family + "/questions/:qid";

        path("/api/families", families::list, families::create);
        path(family, families::get, null);
        path(family + "/questions", questions::list, questions::ask);
        path(question, questions::get, null);
        path(question + "/answers", null, questions::answer);
        path(family + "/mqtt/enable", null, mqtt::enable);
        path(family + "/mqtt/disable", null, mqtt::disable);
        path(family + "/mqtt/credentials/reset", null, mqtt::resetCredentials);
        path(family + "/mqtt/test", null, mqtt::test);
        path(family + "/mqtt/status", mqtt::status, null);
    }

    /** Maps the routes that match no path above to 404; call last, after every other route is registered. */
    void registerNotFound() {
        Route notFound = (request, response) -> {
            throw ApiException.of(ErrorCode.NOT_FOUND, null, "No resource exists at " + request.pathInfo() + ".");
        };
        // HEAD is left out so that a HEAD request falls back to the GET routes, as Spark does by default.
        for (Method method : EnumSet.complementOf(EnumSet.of(Method.HEAD))) {
            map(method, "*", notFound);
        }
        service.notFound(notFound);
    }

    private void path(String path, Route get, Route post) {
        Set<Method> allowed = EnumSet.noneOf(Method.class);
        if (get != null) {
            service.get(path, get);
            allowed.add(Method.GET);
            allowed.add(Method.HEAD);
        }
        if (post != null) {
            service.post(path, post);
            allowed.add(Method.POST);
        }
        String allow = allowed.stream().map(Enum::name).collect(Collectors.joining(", "));
        Route notAllowed = (request, response) -> {
            response.header("Allow", allow);
            throw ApiException.of(ErrorCode.METHOD_NOT_ALLOWED, null,
                    request.requestMethod() + " is not allowed on this resource; use " + allow + ".");
        };
        for (Method method : EnumSet.complementOf(EnumSet.copyOf(allowed))) {
            map(method, path, notAllowed);
        }
    }

    private void map(Method method, String path, Route route) {
        switch (method) {
            case GET -> service.get(path, route);
            case POST -> service.post(path, route);
            case PUT -> service.put(path, route);
            case DELETE -> service.delete(path, route);
            case PATCH -> service.patch(path, route);
            case OPTIONS -> service.options(path, route);
            case HEAD -> service.head(path, route);
        }
    }
}
