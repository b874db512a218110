package org.familyqa.adapter.http;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.familyqa.domain.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import spark.Service;
import spark.embeddedserver.EmbeddedServers;
import spark.embeddedserver.jetty.EmbeddedJettyFactory;

/**
 * The REST API under {@code /api} and the web page at {@code /}, on an embedded Jetty through SparkJava.
 *
 * <p>Each instance is an independent Spark {@link Service}; several can run in one JVM.
 */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    /**
     * Key under which Spark finds the factory of our Jetty servers. Spark keeps factories in a static map, so the
     * factory is registered once, and it contains no per-instance state.
     */
    private static final String METHOD_OVERRIDE_HEADER = "X-HTTP-Method-Override";
    private static final String SERVER_FACTORY_KEY = HttpApi.class.getName() + ".jetty";

    static {
        EmbeddedServers.add(SERVER_FACTORY_KEY, new EmbeddedJettyFactory(new JsonErrorJettyFactory(new JsonCodec())));
    }

    private final Service service;
    private final int port;
    private final String host;

    private HttpApi(Service service, String host) {
        this.service = service;
        this.host = host;
        this.port = service.port();
    }

    /**
     * Starts the server and returns once it accepts connections.
     *
     * @throws IllegalStateException if the server could not start, for example because the port is taken
     */
    public static HttpApi start(HttpSettings settings, HttpUseCases useCases) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(useCases, "useCases");

        Service service = Service.ignite();
        service.embeddedServerIdentifier(SERVER_FACTORY_KEY);
        service.ipAddress(settings.bindHost());
        service.port(settings.port());
        AtomicReference<Exception> startFailure = new AtomicReference<>();
        // Spark's default handler calls System.exit when the server cannot start.
        service.initExceptionHandler(startFailure::set);

        registerRoutes(service, settings, useCases);
        service.awaitInitialization();

        if (startFailure.get() != null) {
            service.stop();
            service.awaitStop();
            throw new IllegalStateException("The HTTP server could not listen on " + settings.bindHost() + ":"
                    + settings.port() + "; choose another port or free this one", startFailure.get());
        }
        HttpApi api = new HttpApi(service, settings.bindHost());
        LOG.info("HTTP API and web page listening on http://{}:{}/", api.host, api.port);
        return api;
    }

    private static void registerRoutes(Service service, HttpSettings settings, HttpUseCases useCases) {
        JsonCodec codec = new JsonCodec();
        BodyReader bodyReader = new BodyReader(settings.maxBodyBytes(), codec);
        RouteSupport support = new RouteSupport(codec, bodyReader, useCases.families());
        new ErrorResponses(codec).register(service);
        // Spark routes by this header instead of the request method, which would let a GET change state.
        service.before((request, response) -> {
            if (request.headers(METHOD_OVERRIDE_HEADER) != null) {
                throw ApiException.of(ErrorCode.INVALID_FIELD, null,
                        METHOD_OVERRIDE_HEADER + " is not supported; send the request with its own method.");
            }
        });

        ApiRoutes api = new ApiRoutes(service, new Authenticator(useCases.authentication()), support);
        api.registerAuthentication();
        api.register(new FamilyRoutes(useCases.families(), support),
                new QuestionRoutes(useCases.questions(), support),
                new MqttRoutes(useCases.mqttAccess(), support, settings.broker()));
        new WebPage().register(service);
        api.registerNotFound();
    }

    /** Returns the port the server listens on; with port 0 in the settings, the one the system picked. */
    public int port() {
        return port;
    }

    /** Stops the server and waits until its port is closed. */
    @Override
    public void close() {
        service.stop();
        service.awaitStop();
        LOG.info("HTTP API on {}:{} stopped", host, port);
    }
}
