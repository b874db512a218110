package org.familyqa.adapter.mqtt.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.TrustManagerFactory;

/**
 * A real {@code mosquitto} process on free loopback ports, configured in its own temporary folder, for tests.
 *
 * <p>Two modes: {@link Builder#anonymous()} lets every client in and allows every topic, and
 * {@link Builder#dynamicSecurity()} loads the dynamic security plugin with one administrator account created by
 * {@code mosquitto_ctrl dynsec init} and nothing else, so that no client but the administrator can connect until
 * accounts are created. Both modes set {@code max_packet_size} to {@value #MAX_PACKET_SIZE} bytes,
 * {@code set_tcp_nodelay true}, a large {@code max_queued_messages}, and persistence off. With {@link Builder#tls()}
 * a second listener speaks MQTT over TLS with a certificate for {@code 127.0.0.1} and {@code localhost} signed by a
 * CA generated for this process ({@link #caFile()}).
 *
 * <p>The process never uses port 1883 and binds only 127.0.0.1. {@link #restart()} starts it again on the same ports
 * with the same account file, for reconnect tests. {@link #close()} kills the process and deletes the folder.
 * Instances are not thread-safe.
 */
public final class MosquittoProcess implements AutoCloseable {

    /** Maximum MQTT packet size, in bytes, that the broker accepts. */
    public static final int MAX_PACKET_SIZE = 16384;
    /** Per-client queue length, in messages; large enough for a burst of 3,000 QoS 1 messages to a slow reader. */
    public static final int MAX_QUEUED_MESSAGES = 100_000;
    public static final String HOST = "127.0.0.1";
    public static final String ADMIN_USERNAME = "admin";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final boolean dynamicSecurity;
    private final Path folder;
    private final Path configFile;
    private final Path logFile;
    private final int port;
    private final int tlsPort;
    private final String adminPassword;
    private final Path caFile;
    private Process process;

    private MosquittoProcess(Builder builder) throws IOException {
        this.dynamicSecurity = builder.dynamicSecurity;
        this.folder = Files.createTempDirectory("mosquitto-");
        this.configFile = folder.resolve("mosquitto.conf");
        this.logFile = folder.resolve("mosquitto.log");
        this.port = freePort();
        this.tlsPort = builder.tls ? freePort() : -1;
        this.adminPassword = dynamicSecurity ? randomPassword() : null;
        this.caFile = builder.tls ? TestCertificates.generate(folder) : null;
        if (dynamicSecurity) {
            initDynamicSecurity();
        }
        Files.writeString(configFile, configuration(builder.extraConfiguration));
    }

    /** Starts building a process; choose {@link Builder#anonymous()} or {@link Builder#dynamicSecurity()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a broker that lets every client in, without TLS. */
    public static MosquittoProcess startAnonymous() {
        return builder().anonymous().start();
    }

    /** Starts a broker with the dynamic security plugin and only the administrator account, without TLS. */
    public static MosquittoProcess startWithDynamicSecurity() {
        return builder().dynamicSecurity().start();
    }

    public String host() {
        return HOST;
    }

    /** Returns the plain MQTT port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /**
     * Returns the MQTT over TLS port on 127.0.0.1.
     *
     * @throws IllegalStateException if the process was built without {@link Builder#tls()}
     */
    public int tlsPort() {
        requireTls();
        return tlsPort;
    }

    public boolean hasTls() {
        return tlsPort > 0;
    }

    public boolean hasDynamicSecurity() {
        return dynamicSecurity;
    }

    /** Returns the username of the dynamic security administrator, who may send commands to {@code $CONTROL}. */
    public String adminUsername() {
        requireDynamicSecurity();
        return ADMIN_USERNAME;
    }

    public String adminPassword() {
        requireDynamicSecurity();
        return adminPassword;
    }

    /** Returns the PEM file of the CA that signed the TLS listener's certificate. */
    public Path caFile() {
        requireTls();
        return caFile;
    }

    /** Returns a trust manager factory that trusts exactly {@link #caFile()}, for a client's TLS configuration. */
    public TrustManagerFactory trustManagerFactory() {
        requireTls();
        try (InputStream in = Files.newInputStream(caFile)) {
            X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(null, null);
            trustStore.setCertificateEntry("familyqa-test-ca", ca);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            return factory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load the test CA from " + caFile, e);
        }
    }

    /** Returns the dynamic security plugin's JSON file, which the broker rewrites on every change. */
    public Path dynamicSecurityFile() {
        requireDynamicSecurity();
        return folder.resolve("dynamic-security.json");
    }

    /** Returns the broker's log so far, for assertion messages. */
    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Runs {@code mosquitto_ctrl} as the administrator against this broker, for example
     * {@code dynsec("createClient", "server", "-p", "secret")}, and returns its output.
     *
     * @throws IllegalStateException if the command reports an error; {@code mosquitto_ctrl} exits 0 even then
     */
    public String dynsec(String... arguments) {
        requireDynamicSecurity();
        List<String> command = new ArrayList<>(List.of(Binaries.mosquittoCtrl(), "-h", HOST, "-p",
                Integer.toString(port), "-u", ADMIN_USERNAME, "-P", adminPassword, "dynsec"));
        command.addAll(List.of(arguments));
        String output = Binaries.run(command, folder);
        String withoutWarning = output.lines()
                .filter(line -> !line.contains("without encryption") && !line.contains("visible on the network"))
                .reduce("", (all, line) -> all + line + "\n");
        if (withoutWarning.contains("Error") || withoutWarning.contains("error")) {
            throw new IllegalStateException(
                    "mosquitto_ctrl dynsec " + arguments[0] + " failed: " + withoutWarning.trim());
        }
        return withoutWarning;
    }

    /** Starts the process again on the same ports and with the same files, after {@link #stop()} or a crash. */
    public MosquittoProcess restart() {
        stop();
        start();
        return this;
    }

    /** Kills the process and waits until it has exited; the folder stays for {@link #restart()}. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Kills the process and deletes its folder. */
    @Override
    public void close() {
        stop();
        deleteFolder();
    }

    private void start() {
        try {
            process = new ProcessBuilder(Binaries.mosquitto(), "-c", configFile.toString())
                    .directory(folder.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + Binaries.mosquitto(), e);
        }
        awaitListening(port);
        if (hasTls()) {
            awaitListening(tlsPort);
        }
    }

    private void awaitListening(int listenerPort) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mosquitto exited with code " + process.exitValue()
                        + " before listening on port " + listenerPort + "; its log:\n" + log());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, listenerPort), 200);
                return;
            } catch (IOException notYet) {
                sleep(Duration.ofMillis(20));
            }
        }
        stop();
        throw new IllegalStateException("mosquitto did not listen on port " + listenerPort + " within "
                + START_TIMEOUT.toSeconds() + " s; its log:\n" + log());
    }

    private void initDynamicSecurity() {
        Path file = dynamicSecurityFile();
        String output = Binaries.run(List.of(Binaries.mosquittoCtrl(), "dynsec", "init", file.toString(),
                ADMIN_USERNAME, adminPassword), folder);
        // mosquitto_ctrl exits 0 even when init fails, so the file is the only proof.
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("mosquitto_ctrl dynsec init created no file " + file + ": " + output);
        }
    }

    private String configuration(List<String> extraConfiguration) {
        StringBuilder config = new StringBuilder();
        config.append("# Generated by ").append(MosquittoProcess.class.getName()).append('\n');
        config.append("per_listener_settings false\n");
        config.append("allow_anonymous ").append(!dynamicSecurity).append('\n');
        config.append("persistence false\n");
        config.append("set_tcp_nodelay true\n");
        config.append("max_packet_size ").append(MAX_PACKET_SIZE).append('\n');
        config.append("max_queued_messages ").append(MAX_QUEUED_MESSAGES).append('\n');
        config.append("max_inflight_messages 20\n");
        config.append("log_dest stdout\n");
        config.append("log_type error\nlog_type warning\nlog_type notice\nlog_type information\n");
        config.append("connection_messages true\n");
        config.append("log_timestamp_format %H:%M:%S\n");
        if (isRoot()) {
            // Started as root, mosquitto switches to the user 'mosquitto', who cannot write this folder.
            config.append("user root\n");
        }
        if (dynamicSecurity) {
            config.append("plugin ").append(Binaries.dynamicSecurityPlugin()).append('\n');
            config.append("plugin_opt_config_file ").append(dynamicSecurityFile()).append('\n');
        }
        extraConfiguration.forEach(line -> config.append(line).append('\n'));
        config.append("listener ").append(port).append(' ').append(HOST).append('\n');
        if (hasTls()) {
            config.append("listener ").append(tlsPort).append(' ').append(HOST).append('\n');
            config.append("cafile ").append(caFile).append('\n');
            config.append("certfile ").append(folder.resolve(TestCertificates.SERVER_CERTIFICATE)).append('\n');
            config.append("keyfile ").append(folder.resolve(TestCertificates.SERVER_KEY)).append('\n');
        }
        return config.toString();
    }

    private void requireTls() {
        if (!hasTls()) {
            throw new IllegalStateException("This mosquitto process has no TLS listener; build it with tls().");
        }
    }

    private void requireDynamicSecurity() {
        if (!dynamicSecurity) {
            throw new IllegalStateException(
                    "This mosquitto process has no dynamic security plugin; build it with dynamicSecurity().");
        }
    }

    private void deleteFolder() {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A leftover folder in the build directory is harmless.
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, 0));
            int free = socket.getLocalPort();
            if (free == 1883 || free == 8883) {
                return freePort();
            }
            return free;
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for mosquitto", e);
        }
    }

    /** Chooses the broker's security mode, TLS, and extra configuration lines. */
    public static final class Builder {

        private Boolean dynamicSecurityChoice;
        private boolean dynamicSecurity;
        private boolean tls;
        private final List<String> extraConfiguration = new ArrayList<>();

        private Builder() {
        }

        /** Lets every client connect without a password and use every topic. */
        public Builder anonymous() {
            dynamicSecurityChoice = false;
            dynamicSecurity = false;
            return this;
        }

        /** Loads the dynamic security plugin with only the administrator account; anonymous clients are rejected. */
        public Builder dynamicSecurity() {
            dynamicSecurityChoice = true;
            dynamicSecurity = true;
            return this;
        }

        /** Adds a TLS listener on a second free port, with a certificate for 127.0.0.1 and localhost. */
        public Builder tls() {
            tls = true;
            return this;
        }

        /** Adds a global configuration line, such as {@code max_keepalive 60}, before the listeners. */
        public Builder configurationLine(String line) {
            extraConfiguration.add(line);
            return this;
        }

        /** Writes the configuration, starts the process and waits until every listener accepts connections. */
        public MosquittoProcess start() {
            if (dynamicSecurityChoice == null) {
                throw new IllegalStateException("Choose anonymous() or dynamicSecurity() before start().");
            }
            MosquittoProcess mosquitto;
            try {
                mosquitto = new MosquittoProcess(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot prepare the mosquitto folder", e);
            }
            try {
                mosquitto.start();
            } catch (RuntimeException e) {
                mosquitto.close();
                throw e;
            }
            return mosquitto;
        }
    }
}
