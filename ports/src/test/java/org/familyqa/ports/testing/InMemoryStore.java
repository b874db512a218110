package org.familyqa.ports.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.domain.question.RequestId;
import org.familyqa.ports.contract.StoreFixture;
import org.familyqa.ports.out.AdminTokenRepository;
import org.familyqa.ports.out.AnswerRepository;
import org.familyqa.ports.out.FamilyEvent;
import org.familyqa.ports.out.FamilyRepository;
import org.familyqa.ports.out.MqttAccessRepository;
import org.familyqa.ports.out.Outbox;
import org.familyqa.ports.out.ProcessedRequests;
import org.familyqa.ports.out.QuestionRepository;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.out.StoredBatch;

/**
 * An in-memory store behind every data-holding driven port, for tests of the core.
 *
 * <p>All ports share one lock, so each call is atomic and sees the effects of every call before it, as one
 * serializable transaction would. A request id counts as first seen at the creation time of the question or
 * answer that used it; request ids of questions and of answers are kept apart. Lease expiry in the outbox is read
 * from the clock given to the constructor.
 */
public final class InMemoryStore implements StoreFixture {

    /** Orders UUIDs as unsigned 128-bit numbers, which is the order of their canonical text and of PostgreSQL. */
    static final Comparator<UUID> UUID_ORDER = Comparator
            .comparing((UUID id) -> id.getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    final Object lock = new Object();
    final Clock clock;

    final Map<FamilyId, Family> families = new HashMap<>();
    final Map<FamilyId, PasswordHash> tokenHashes = new HashMap<>();
    final Map<TopicPrefix, FamilyId> familiesByPrefix = new HashMap<>();
    final Map<QuestionId, Question> questions = new HashMap<>();
    final List<Answer> answers = new ArrayList<>();
    final Map<RequestKey, ProcessedRequest> processed = new HashMap<>();
    final List<OutboxEntry> outboxEntries = new ArrayList<>();
    final Map<FamilyId, MqttAccess> mqttAccess = new HashMap<>();
    Optional<PasswordHash> adminTokenHash = Optional.empty();
    long lastSequence;

    private final FamilyRepository familyRepository = new InMemoryFamilyRepository(this);
    private final QuestionRepository questionRepository = new InMemoryQuestionRepository(this);
    private final AnswerRepository answerRepository = new InMemoryAnswerRepository(this);
    private final Outbox outbox = new InMemoryOutbox(this);
    private final MqttAccessRepository mqttAccessRepository = new InMemoryMqttAccessRepository(this);
    private final AdminTokenRepository adminTokenRepository = new InMemoryAdminTokenRepository(this);
    private final ProcessedRequests processedRequests = new InMemoryProcessedRequests(this);

    /** Creates an empty store whose outbox leases follow the system clock. */
    public InMemoryStore() {
        this(Clock.systemUTC());
    }

    /** Creates an empty store whose outbox leases follow {@code clock}. */
    public InMemoryStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public FamilyRepository families() {
        return familyRepository;
    }

    @Override
    public QuestionRepository questions() {
        return questionRepository;
    }

    @Override
    public AnswerRepository answers() {
        return answerRepository;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public MqttAccessRepository mqttAccess() {
        return mqttAccessRepository;
    }

    @Override
    public AdminTokenRepository adminToken() {
        return adminTokenRepository;
    }

    @Override
    public ProcessedRequests processedRequests() {
        return processedRequests;
    }

    /** Returns every event ever appended, published or not, in sequence order; for assertions in tests. */
    public List<FamilyEvent> allEvents() {
        synchronized (lock) {
            return outboxEntries.stream().map(entry -> entry.event).toList();
        }
    }

    /** Returns the prefix of a stored family; the caller holds the lock. */
    TopicPrefix prefixOf(FamilyId familyId) {
        Family family = families.get(familyId);
        if (family == null) {
            throw new IllegalArgumentException("family " + familyId + " is not stored");
        }
        return family.topicPrefix();
    }

    /** Appends an event to the outbox; the caller holds the lock. */
    void append(FamilyEvent event) {
        lastSequence++;
        outboxEntries.add(new OutboxEntry(lastSequence, event));
    }

    /**
     * Claims the events appended since the outbox held {@code before} entries for {@code owner}, and pairs them, in
     * order, with the stored results; the caller holds the lock.
     */
    <T> StoredBatch<T> claimAppended(int before, List<StoreResult<T>> results, String owner, Duration lease) {
        Objects.requireNonNull(owner, "owner");
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive, but was " + lease);
        }
        Instant leaseEnd = clock.instant().plus(lease);
        List<OutboxEntry> appended = outboxEntries.subList(before, outboxEntries.size());
        List<OptionalLong> sequences = new ArrayList<>(results.size());
        int next = 0;
        for (StoreResult<T> result : results) {
            if (result instanceof StoreResult.Stored<T>) {
                OutboxEntry entry = appended.get(next++);
                entry.owner = owner;
                entry.leaseEnd = leaseEnd;
                sequences.add(OptionalLong.of(entry.sequence));
            } else {
                sequences.add(OptionalLong.empty());
            }
        }
        return new StoredBatch<>(results, sequences);
    }

    /** Which request ids are remembered: per family and per kind of request. */
    record RequestKey(FamilyId familyId, Class<?> kind, RequestId requestId) {
    }

    /** What a remembered request id stored, and when it was first seen. */
    record ProcessedRequest(Object stored, Instant firstSeen) {
    }

    /** One event in the outbox, with its claim; mutable and guarded by the store's lock. */
    static final class OutboxEntry {
        final long sequence;
        final FamilyEvent event;
        String owner;
        Instant leaseEnd;
        boolean published;

        OutboxEntry(long sequence, FamilyEvent event) {
            this.sequence = sequence;
            this.event = event;
        }
    }
}
