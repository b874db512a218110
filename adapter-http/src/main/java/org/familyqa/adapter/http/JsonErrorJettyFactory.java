package org.familyqa.adapter.http;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ThreadPool;

import spark.embeddedserver.jetty.JettyServerFactory;

/** Builds Spark's Jetty server like Spark does, with {@link JsonJettyErrorHandler} as its error handler. */
final class JsonErrorJettyFactory implements JettyServerFactory {

    private static final int DEFAULT_MAX_THREADS = 200;
    private static final int DEFAULT_MIN_THREADS = 8;
    private static final int DEFAULT_IDLE_TIMEOUT_MILLIS = 60_000;

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
        return server;
    }
}
