package org.familyqa.adapter.postgres;

import java.time.Clock;
import java.util.Objects;

import org.familyqa.ports.out.AdminTokenRepository;
import org.familyqa.ports.out.AnswerRepository;
import org.familyqa.ports.out.FamilyRepository;
import org.familyqa.ports.out.MqttAccessRepository;
import org.familyqa.ports.out.Outbox;
import org.familyqa.ports.out.ProcessedRequests;
import org.familyqa.ports.out.QuestionRepository;
import org.familyqa.ports.out.StoreUnavailableException;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The storage ports on PostgreSQL or H2: a HikariCP pool, Flyway migrations and Hibernate, behind one object.
 *
 * <p>{@link #start} migrates the schema, then checks that the entities match it. All ports are safe to use from
 * many threads. Close the adapter to close the pool.
 */
public final class PersistenceAdapter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceAdapter.class);

    private static final String MIGRATIONS = "classpath:db/familyqa";

    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final Database database;
    private final FamilyRepository families;
    private final QuestionRepository questions;
    private final AnswerRepository answers;
    private final Outbox outbox;
    private final MqttAccessRepository mqttAccess;
    private final AdminTokenRepository adminToken;
    private final ProcessedRequests processedRequests;

    private PersistenceAdapter(HikariDataSource dataSource, SessionFactory sessionFactory, Database database) {
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
        this.database = database;
        this.families = new FamilyRepositoryAdapter(database);
        this.questions = new QuestionRepositoryAdapter(database);
        this.answers = new AnswerRepositoryAdapter(database);
        this.outbox = new OutboxAdapter(database);
        this.mqttAccess = new MqttAccessRepositoryAdapter(database);
        this.adminToken = new AdminTokenRepositoryAdapter(database);
        this.processedRequests = new ProcessedRequestsAdapter(database);
    }

    /**
     * Opens the pool, migrates the schema to the latest version and validates the entity mappings against it.
     *
     * @throws StoreUnavailableException if the database cannot be reached, the migration fails or the schema does
     *                                   not match the entities; the pool is closed again then
     */
    public static PersistenceAdapter start(PersistenceSettings settings) {
        Objects.requireNonNull(settings, "settings");
        HikariDataSource dataSource = null;
        try {
            dataSource = new HikariDataSource(poolConfig(settings));
            Flyway.configure().dataSource(dataSource).locations(MIGRATIONS).load().migrate();
            SessionFactory sessionFactory = sessionFactory(dataSource);
            Database database = new Database(dataSource, sessionFactory, settings.isH2(), Clock.systemUTC());
            LOG.info("Persistence started on {} with up to {} connections", settings.jdbcUrl(),
                    settings.poolMaxSize());
            return new PersistenceAdapter(dataSource, sessionFactory, database);
        } catch (RuntimeException e) {
            if (dataSource != null) {
                dataSource.close();
            }
            throw new StoreUnavailableException("starting persistence on " + settings.jdbcUrl() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static HikariConfig poolConfig(PersistenceSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("familyqa");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolMaxSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setLeakDetectionThreshold(settings.leakDetectionThreshold().toMillis());
        config.setAutoCommit(false);
        return config;
    }

    private static SessionFactory sessionFactory(HikariDataSource dataSource) {
        return new HibernatePersistenceConfiguration("familyqa")
                .managedClasses(FamilyEntity.class, QuestionEntity.class, AnswerEntity.class,
                        MqttAccessEntity.class, AdminTokenEntity.class)
                .property("hibernate.connection.datasource", dataSource)
                .property("hibernate.connection.provider_disables_autocommit", true)
                .property("hibernate.jdbc.batch_size", 50)
                .schemaToolingAction(Action.VALIDATE)
                .createEntityManagerFactory();
    }

    public FamilyRepository families() {
        return families;
    }

    public QuestionRepository questions() {
        return questions;
    }

    public AnswerRepository answers() {
        return answers;
    }

    public Outbox outbox() {
        return outbox;
    }

    public MqttAccessRepository mqttAccess() {
        return mqttAccess;
    }

    public AdminTokenRepository adminToken() {
        return adminToken;
    }

    public ProcessedRequests processedRequests() {
        return processedRequests;
    }

    Database database() {
        return database;
    }

    /** Returns the number of pooled connections currently borrowed; 0 when the adapter is idle. */
    public int activeConnections() {
        return dataSource.getHikariPoolMXBean().getActiveConnections();
    }

    /** Returns the number of pooled connections, borrowed or idle. */
    public int totalConnections() {
        return dataSource.getHikariPoolMXBean().getTotalConnections();
    }

    /** Closes the session factory and the pool. Calls to the ports fail afterwards. */
    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            dataSource.close();
            LOG.info("Persistence stopped on {}", dataSource.getJdbcUrl());
        }
    }
}
