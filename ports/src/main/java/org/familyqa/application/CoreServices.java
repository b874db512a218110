package org.familyqa.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.familyqa.domain.mqtt.Secrets;
import org.familyqa.domain.question.RequestId;
import org.familyqa.domain.ratelimit.FamilyRateLimiter;
import org.familyqa.domain.ratelimit.RateLimit;
import org.familyqa.ports.in.AuthenticationUseCases;
import org.familyqa.ports.in.DeviceMessageUseCase;
import org.familyqa.ports.in.FamilyUseCases;
import org.familyqa.ports.in.MqttAccessUseCases;
import org.familyqa.ports.in.OutboxRelayUseCase;
import org.familyqa.ports.in.QuestionUseCases;
import org.familyqa.ports.out.AdminTokenRepository;
import org.familyqa.ports.out.AnswerRepository;
import org.familyqa.ports.out.BrokerAccounts;
import org.familyqa.ports.out.BrokerProbe;
import org.familyqa.ports.out.EventPublisher;
import org.familyqa.ports.out.FamilyRepository;
import org.familyqa.ports.out.IdGenerator;
import org.familyqa.ports.out.MqttAccessRepository;
import org.familyqa.ports.out.Outbox;
import org.familyqa.ports.out.OutboxSignal;
import org.familyqa.ports.out.PasswordHasher;
import org.familyqa.ports.out.ProcessedRequests;
import org.familyqa.ports.out.QuestionRepository;

/**
 * Every use case of the core, wired from the driven ports. Build one per server with {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class CoreServices {

    /** Appended to the relay owner to name the claims of events that device batches publish themselves. */
    static final String DIRECT_OWNER_SUFFIX = "/direct";

    private final FamilyService families;
    private final AuthenticationService authentication;
    private final QuestionService questions;
    private final MqttAccessService mqttAccess;
    private final DeviceMessageService deviceMessages;
    private final OutboxRelayService outboxRelay;
    private final ProcessedRequests processedRequests;
    private final Clock clock;

    private CoreServices(Builder builder) {
        Clock clock = builder.clock;
        SecureRandom random = builder.random;
        IdGenerator ids = builder.idGenerator != null ? builder.idGenerator : new TimeOrderedIdGenerator(clock, random);
        PasswordHasher hasher = builder.passwordHasher != null ? builder.passwordHasher
                : new SaltedSha256PasswordHasher(random);
        Secrets secrets = new Secrets(random);

        this.families = new FamilyService(builder.families, new FamilyTokens(secrets, hasher), ids, clock);
        this.authentication = new AuthenticationService(builder.families, builder.adminTokens, hasher, secrets);
        FamilyRateLimiter rateLimiter = new FamilyRateLimiter(builder.rateLimit);
        this.questions = new QuestionService(builder.families, builder.questions, builder.answers, ids,
                builder.outboxSignal, clock, rateLimiter);
        this.mqttAccess = new MqttAccessService(builder.families, builder.mqttAccess, builder.brokerAccounts,
                builder.brokerProbe, hasher, secrets, clock, builder.probeTimeout);
        DirectPublishing direct = builder.directPublishing
                ? new DirectPublishing(builder.outbox, builder.eventPublisher, builder.outboxSignal,
                        builder.relayOwner + DIRECT_OWNER_SUFFIX, builder.relayLease, builder.publishTimeout)
                : null;
        this.deviceMessages = new DeviceMessageService(builder.families, builder.questions, builder.answers, ids,
                builder.outboxSignal, clock, rateLimiter, direct);
        this.outboxRelay = new OutboxRelayService(builder.outbox, builder.eventPublisher, builder.relayOwner,
                builder.relayBatchSize, builder.relayLease, builder.publishTimeout, direct);
        this.processedRequests = builder.processedRequests;
        this.clock = clock;
    }

    /** Starts a builder; every port and the clock and random source must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the family use cases. */
    public FamilyUseCases families() {
        return families;
    }

    /** Returns the token checks. */
    public AuthenticationUseCases authentication() {
        return authentication;
    }

    /** Returns the question use cases for the HTTP API and the web page. */
    public QuestionUseCases questions() {
        return questions;
    }

    /** Returns the MQTT access use cases; call {@link MqttAccessUseCases#reconcileBroker()} once at start. */
    public MqttAccessUseCases mqttAccess() {
        return mqttAccess;
    }

    /** Returns the handler of device messages. */
    public DeviceMessageUseCase deviceMessages() {
        return deviceMessages;
    }

    /**
     * Returns the outbox relay; run {@link OutboxRelayUseCase#relayBatch()} and
     * {@link OutboxRelayUseCase#flushPublished()} on one thread.
     */
    public OutboxRelayUseCase outboxRelay() {
        return outboxRelay;
    }

    /**
     * Forgets request ids older than their retention time of {@value RequestId#RETENTION_HOURS} hours; call it
     * periodically, for example hourly.
     *
     * @return how many request ids were forgotten
     * @throws org.familyqa.ports.out.StoreUnavailableException if the store failed
     */
    public int purgeExpiredRequestIds() {
        Instant cutoff = clock.instant().minus(Duration.ofHours(RequestId.RETENTION_HOURS));
        return processedRequests.purgeBefore(cutoff);
    }

    /**
     * Builder of {@link CoreServices}. Not thread-safe.
     *
     * @since 0.1.0
     */
    public static final class Builder {
        private FamilyRepository families;
        private QuestionRepository questions;
        private AnswerRepository answers;
        private Outbox outbox;
        private MqttAccessRepository mqttAccess;
        private AdminTokenRepository adminTokens;
        private ProcessedRequests processedRequests;
        private BrokerAccounts brokerAccounts;
        private BrokerProbe brokerProbe;
        private EventPublisher eventPublisher;
        private OutboxSignal outboxSignal = OutboxSignal.none();
        private Clock clock;
        private SecureRandom random;
        private IdGenerator idGenerator;
        private PasswordHasher passwordHasher;
        private RateLimit rateLimit = RateLimit.DEFAULT;
        private String relayOwner;
        private int relayBatchSize = 500;
        private Duration relayLease = Duration.ofSeconds(30);
        private Duration publishTimeout = Duration.ofSeconds(10);
        private Duration probeTimeout = Duration.ofSeconds(5);
        private boolean directPublishing = true;

        private Builder() {
        }

        /** Sets the family store. Required. */
        public Builder families(FamilyRepository value) {
            this.families = value;
            return this;
        }

        /** Sets the question store. Required. */
        public Builder questions(QuestionRepository value) {
            this.questions = value;
            return this;
        }

        /** Sets the answer store. Required. */
        public Builder answers(AnswerRepository value) {
            this.answers = value;
            return this;
        }

        /** Sets the outbox that the relay reads. Required. */
        public Builder outbox(Outbox value) {
            this.outbox = value;
            return this;
        }

        /** Sets the store of MQTT access records. Required. */
        public Builder mqttAccess(MqttAccessRepository value) {
            this.mqttAccess = value;
            return this;
        }

        /** Sets the store of the admin token's hash. Required. */
        public Builder adminTokens(AdminTokenRepository value) {
            this.adminTokens = value;
            return this;
        }

        /** Sets the retention of request ids. Required. */
        public Builder processedRequests(ProcessedRequests value) {
            this.processedRequests = value;
            return this;
        }

        /** Sets the broker's account management. Required. */
        public Builder brokerAccounts(BrokerAccounts value) {
            this.brokerAccounts = value;
            return this;
        }

        /** Sets the broker round-trip probe. Required. */
        public Builder brokerProbe(BrokerProbe value) {
            this.brokerProbe = value;
            return this;
        }

        /** Sets the publisher the outbox relay uses. Required. */
        public Builder eventPublisher(EventPublisher value) {
            this.eventPublisher = value;
            return this;
        }

        /** Sets what wakes the relay after a commit; {@link OutboxSignal#none()} by default. */
        public Builder outboxSignal(OutboxSignal value) {
            this.outboxSignal = value;
            return this;
        }

        /** Sets the clock for created times, rate limits and ids. Required; normally {@link Clock#systemUTC()}. */
        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        /** Sets the source of secrets, salts and id bits. Required. */
        public Builder random(SecureRandom value) {
            this.random = value;
            return this;
        }

        /** Replaces the default {@link TimeOrderedIdGenerator}. */
        public Builder idGenerator(IdGenerator value) {
            this.idGenerator = value;
            return this;
        }

        /** Replaces the default {@link SaltedSha256PasswordHasher}. */
        public Builder passwordHasher(PasswordHasher value) {
            this.passwordHasher = value;
            return this;
        }

        /** Sets the limit on each family's ask and respond messages together; {@link RateLimit#DEFAULT} by default. */
        public Builder rateLimit(RateLimit value) {
            this.rateLimit = value;
            return this;
        }

        /** Sets the relay's owner id, unique among running server instances. Required. */
        public Builder relayOwner(String value) {
            this.relayOwner = value;
            return this;
        }

        /** Sets how many events the relay claims at once, 1 to 10,000; 500 by default. */
        public Builder relayBatchSize(int value) {
            this.relayBatchSize = value;
            return this;
        }

        /** Sets how long the relay's claim lasts; 30 seconds by default. It must exceed the publish timeout. */
        public Builder relayLease(Duration value) {
            this.relayLease = value;
            return this;
        }

        /** Sets how long the relay waits for the broker's acknowledgements of a batch; 10 seconds by default. */
        public Builder publishTimeout(Duration value) {
            this.publishTimeout = value;
            return this;
        }

        /**
         * Sets whether device messages publish their events straight after storing them, under a claim of the relay
         * owner followed by {@value CoreServices#DIRECT_OWNER_SUFFIX}; true by default. When false, or when a store
         * cannot claim on insert, the relay publishes every event.
         */
        public Builder directPublishing(boolean value) {
            this.directPublishing = value;
            return this;
        }

        /** Sets how long a connection test waits for its message; 5 seconds by default. */
        public Builder probeTimeout(Duration value) {
            this.probeTimeout = value;
            return this;
        }

        /**
         * Builds the services.
         *
         * @throws NullPointerException     naming the first required setting that is missing
         * @throws IllegalArgumentException if the relay settings are out of range
         */
        public CoreServices build() {
            requireSet();
            if (relayBatchSize < 1 || relayBatchSize > 10_000) {
                throw new IllegalArgumentException("relayBatchSize must be 1 to 10000, not " + relayBatchSize);
            }
            if (relayOwner.isBlank()) {
                throw new IllegalArgumentException("relayOwner must not be blank");
            }
            requirePositive("publishTimeout", publishTimeout);
            requirePositive("probeTimeout", probeTimeout);
            if (relayLease.compareTo(publishTimeout) <= 0) {
                throw new IllegalArgumentException("relayLease (" + relayLease + ") must be longer than "
                        + "publishTimeout (" + publishTimeout + "), or another relay could claim events in flight");
            }
            return new CoreServices(this);
        }

        private void requireSet() {
            Objects.requireNonNull(families, "families");
            Objects.requireNonNull(questions, "questions");
            Objects.requireNonNull(answers, "answers");
            Objects.requireNonNull(outbox, "outbox");
            Objects.requireNonNull(mqttAccess, "mqttAccess");
            Objects.requireNonNull(adminTokens, "adminTokens");
            Objects.requireNonNull(processedRequests, "processedRequests");
            Objects.requireNonNull(brokerAccounts, "brokerAccounts");
            Objects.requireNonNull(brokerProbe, "brokerProbe");
            Objects.requireNonNull(eventPublisher, "eventPublisher");
            Objects.requireNonNull(outboxSignal, "outboxSignal");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(random, "random");
            Objects.requireNonNull(rateLimit, "rateLimit");
            Objects.requireNonNull(relayOwner, "relayOwner");
            Objects.requireNonNull(relayLease, "relayLease");
            Objects.requireNonNull(publishTimeout, "publishTimeout");
            Objects.requireNonNull(probeTimeout, "probeTimeout");
        }

        private static void requirePositive(String name, Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be longer than zero, not " + value);
            }
        }
    }
}
