package org.familyqa.bootstrap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.familyqa.domain.ratelimit.RateLimit;

/**
 * Every setting of the server, read once from environment variables at start. README.md lists each key with its
 * default; {@link #fromEnvironment} is the one place that reads them.
 *
 * @param dataDir    folder for the embedded database, the embedded broker and its generated certificate
 * @param http       the HTTP listener
 * @param database   the database connection
 * @param broker     the MQTT broker and the server's account on it
 * @param rateLimit  the limit on each family's ask and respond messages together
 * @param adminToken the admin token, if the operator sets one; otherwise one is generated at first start
 * @param instanceId this server instance's id, unique among instances sharing a database
 */
public record ServerConfiguration(Path dataDir, Http http, Database database, Broker broker, RateLimit rateLimit,
                                  Optional<String> adminToken, String instanceId) {

    public ServerConfiguration {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(instanceId, "instanceId");
    }

    /** Kind of broker the server uses. */
    public enum BrokerKind {
        /** A HiveMQ CE broker inside the server process, checking family accounts against the database. */
        EMBEDDED,
        /** An external Mosquitto 2 with the dynamic security plugin, managed through its admin account. */
        MOSQUITTO
    }

    /**
     * The HTTP listener.
     *
     * @param host address to bind
     * @param port port to bind
     */
    public record Http(String host, int port) {
    }

    /**
     * The database. With no URL, the server uses an H2 file database in the data folder.
     *
     * @param url               JDBC URL, or empty for the embedded H2 database
     * @param user              database user
     * @param password          database password; never logged
     * @param poolSize          maximum pooled connections
     * @param connectionTimeout how long a request waits for a pooled connection
     */
    public record Database(Optional<String> url, String user, String password, int poolSize,
                           Duration connectionTimeout) {

        @Override
        public String toString() {
            return "Database[url=" + url.orElse("embedded H2") + ", user=" + user + ", poolSize=" + poolSize + "]";
        }
    }

    /**
     * The MQTT broker.
     *
     * @param kind             embedded HiveMQ CE or external Mosquitto
     * @param host             for the embedded broker, the address it binds; for Mosquitto, the address to connect to
     * @param port             plain MQTT port
     * @param tlsPort          MQTT over TLS port
     * @param publicHost       the host name that devices get in their connection settings
     * @param keystore         PKCS12 keystore for the embedded broker's TLS listener, or empty to generate one
     * @param keystorePassword the keystore's password; never logged
     * @param caFile           PEM file of the CA that signed Mosquitto's certificate, for a TLS connection to it
     * @param useTls           whether the server connects to Mosquitto over TLS
     * @param serverUser       the server's own broker account
     * @param serverPassword   its password; for the embedded broker, generated at each start when not set
     * @param adminUser        Mosquitto's dynamic security admin account
     * @param adminPassword    its password; never logged
     * @param shareGroup       shared-subscription group of the server instances
     * @param commandTimeout   how long one Mosquitto dynamic security command may take
     */
    public record Broker(BrokerKind kind, String host, int port, int tlsPort, String publicHost,
                         Optional<Path> keystore, Optional<String> keystorePassword, Optional<Path> caFile,
                         boolean useTls, String serverUser, Optional<String> serverPassword, String adminUser,
                         Optional<String> adminPassword, String shareGroup, Duration commandTimeout) {

        @Override
        public String toString() {
            return "Broker[kind=" + kind + ", host=" + host + ", port=" + port + ", tlsPort=" + tlsPort
                    + ", serverUser=" + serverUser + "]";
        }
    }

    /**
     * Reads the configuration from environment variables.
     *
     * @throws ConfigurationException naming the key if a value is invalid or a required one is missing
     */
    public static ServerConfiguration fromEnvironment(Map<String, String> variables) {
        Environment env = new Environment(variables);
        Path dataDir = env.path("FAMILYQA_DATA_DIR", "data");
        String bindHost = env.string("FAMILYQA_BIND_HOST", "127.0.0.1");

        Http http = new Http(env.string("FAMILYQA_HTTP_HOST", bindHost), env.port("FAMILYQA_HTTP_PORT", 8080));

        Database database = new Database(env.optional("FAMILYQA_DB_URL"), env.string("FAMILYQA_DB_USER", "familyqa"),
                env.secret("FAMILYQA_DB_PASSWORD").orElse(""), env.integer("FAMILYQA_DB_POOL_SIZE", 10, 1, 200),
                env.duration("FAMILYQA_DB_CONNECTION_TIMEOUT", Duration.ofSeconds(5)));

        BrokerKind kind = env.choice("FAMILYQA_BROKER", BrokerKind.class, BrokerKind.EMBEDDED);
        String mqttHost = env.string("FAMILYQA_MQTT_HOST", kind == BrokerKind.EMBEDDED ? bindHost : "127.0.0.1");
        Broker broker = new Broker(kind, mqttHost, env.port("FAMILYQA_MQTT_PORT", 1883),
                env.port("FAMILYQA_MQTT_TLS_PORT", 8883), env.string("FAMILYQA_MQTT_PUBLIC_HOST", mqttHost),
                env.optional("FAMILYQA_MQTT_TLS_KEYSTORE").map(Path::of),
                env.secret("FAMILYQA_MQTT_TLS_KEYSTORE_PASSWORD"),
                env.optional("FAMILYQA_MQTT_CA_FILE").map(Path::of),
                env.bool("FAMILYQA_MQTT_TLS", false),
                env.string("FAMILYQA_MQTT_SERVER_USER", "familyqa-server"),
                env.secret("FAMILYQA_MQTT_SERVER_PASSWORD"),
                env.string("FAMILYQA_MQTT_ADMIN_USER", "admin"),
                env.secret("FAMILYQA_MQTT_ADMIN_PASSWORD"),
                env.string("FAMILYQA_MQTT_SHARE_GROUP", "familyqa"),
                env.duration("FAMILYQA_MQTT_COMMAND_TIMEOUT", Duration.ofSeconds(10)));
        if (kind == BrokerKind.MOSQUITTO) {
            requireSecret(broker.serverPassword(), "FAMILYQA_MQTT_SERVER_PASSWORD");
            requireSecret(broker.adminPassword(), "FAMILYQA_MQTT_ADMIN_PASSWORD");
        }

        RateLimit rateLimit = new RateLimit(env.positiveNumber("FAMILYQA_RATE_LIMIT_PER_SECOND", 10),
                env.integer("FAMILYQA_RATE_LIMIT_BURST", 30, 1, 100_000));

        return new ServerConfiguration(dataDir, http, database, broker, rateLimit,
                env.secret("FAMILYQA_ADMIN_TOKEN"),
                env.string("FAMILYQA_INSTANCE_ID", defaultInstanceId()));
    }

    /**
     * Returns the host name, or a random id when it cannot be read. The host name stays the same across restarts, so
     * the bridge resumes its broker session, and it differs between the machines or containers of a deployment.
     */
    private static String defaultInstanceId() {
        try {
            String host = InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
            String cleaned = host.replaceAll("[^a-z0-9-]", "-");
            return cleaned.isBlank() ? UUID.randomUUID().toString() : cleaned;
        } catch (UnknownHostException e) {
            return UUID.randomUUID().toString();
        }
    }

    private static void requireSecret(Optional<String> value, String key) {
        if (value.isEmpty()) {
            throw new ConfigurationException(key + " is missing: it is required when FAMILYQA_BROKER=mosquitto.");
        }
    }
}
