package org.familyqa.bootstrap;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the server with settings from environment variables and runs it until SIGTERM or Ctrl+C. */
public final class Main {

    static {
        // The embedded broker's jar carries its own logback.xml; naming ours explicitly avoids a clash between the two.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "familyqa-logback.xml");
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        FamilyQaServer server;
        try {
            server = FamilyQaServer.start(ServerConfiguration.fromEnvironment(System.getenv()));
        } catch (ConfigurationException e) {
            LOG.error("FamilyQA did not start: {}", e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            LOG.error("FamilyQA did not start", e);
            System.exit(1);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping FamilyQA");
            server.close();
            LOG.info("FamilyQA stopped");
            stopped.countDown();
        }, "familyqa-shutdown"));

        long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        printWelcome(server, sinceJvmStart);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints the addresses and, on the first start, the admin token to standard output; never to the log. */
    static void printWelcome(FamilyQaServer server, long startMillis) {
        ServerConfiguration configuration = server.configuration();
        ServerConfiguration.Broker broker = configuration.broker();
        StringBuilder text = new StringBuilder();
        text.append(System.lineSeparator())
                .append("FamilyQA is ready, ").append(startMillis).append(" ms after the JVM started.").append(System.lineSeparator())
                .append("  Web page and API: http://").append(displayHost(configuration.http().host())).append(':')
                .append(server.httpPort()).append('/').append(System.lineSeparator())
                .append("  MQTT broker:      ").append(broker.publicHost()).append(':').append(broker.port())
                .append(" (TLS ").append(broker.tlsPort()).append(')').append(System.lineSeparator());
        server.brokerCertificate().ifPresent(pem -> text.append("  TLS certificate:  ").append(pem)
                .append(System.lineSeparator()));
        server.generatedAdminToken().ifPresentOrElse(
                token -> text.append("  Admin token (shown once, only its hash is stored): ").append(token)
                        .append(System.lineSeparator()),
                () -> text.append("  Admin token: set earlier; see FAMILYQA_ADMIN_TOKEN in README.md to replace it.")
                        .append(System.lineSeparator()));
        // Printed to standard output, not logged, so the one-time admin token never lands in a log file.
        System.out.println(text);
    }

    private static String displayHost(String bindHost) {
        return "0.0.0.0".equals(bindHost) || "::".equals(bindHost) ? "localhost" : bindHost;
    }
}
