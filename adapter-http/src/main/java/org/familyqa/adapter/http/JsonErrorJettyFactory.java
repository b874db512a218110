package org.familyqa.adapter.http;

import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

import spark.embeddedserver.jetty.JettyServerFactory;

/** Builds Spark's Jetty server like Spark does, with {@link JsonJettyErrorHandler} as its error handler. */
final class JsonErrorJettyFactory implements JettyServerFactory {

    private static final int DEFAULT_MAX_THREADS = 200;
    private static final int DEFAULT_MIN_THREADS = 8;
    private static final int DEFAULT_IDLE_TIMEOUT_MILLIS = 60_000;
    /** How long a connection may stay silent; Spark's own connector waits an hour, so a stalled body held a thread. */
    static final long CONNECTION_IDLE_TIMEOUT_MILLIS = 30_000;
    /** The slowest a request body may arrive; a slower one gets 408, so that slow clients cannot hold every thread. */
    static final long MIN_REQUEST_BYTES_PER_SECOND = 512;

    private final JsonCodec codec;

    JsonErrorJettyFactory(JsonCodec codec) {
        this.codec = codec;
    }

    @Override
    public Server create(int maxThreads, int minThreads, int threadTimeoutMillis) {
        QueuedThreadPool pool = new QueuedThreadPool(
                maxThreads > 0 ? maxThreads : DEFAULT_MAX_THREADS,
                minThreads > 0 ? minThreads : DEFAULT_MIN_THREADS,
                threadTimeoutMillis > 0 ? threadTimeoutMillis : DEFAULT_IDLE_TIMEOUT_MILLIS);
        pool.setName("familyqa-http");
        return withErrorHandler(new Server(pool));
    }

    @Override
    public Server create(ThreadPool threadPool) {
        return withErrorHandler(threadPool == null ? new Server() : new Server(threadPool));
    }

    private Server withErrorHandler(Server server) {
        server.setErrorHandler(new JsonJettyErrorHandler(codec));
        // Spark adds its connectors after this factory returns and before it starts the server.
        server.addLifeCycleListener(new AbstractLifeCycle.AbstractLifeCycleListener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                limitSlowClients(server);
            }
        });
        return server;
    }

    private static void limitSlowClients(Server server) {
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector withTimeout) {
                withTimeout.setIdleTimeout(CONNECTION_IDLE_TIMEOUT_MILLIS);
            }
            for (ConnectionFactory factory : connector.getConnectionFactories()) {
                if (factory instanceof HttpConnectionFactory http) {
                    http.getHttpConfiguration().setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
                }
            }
        }
    }
}
