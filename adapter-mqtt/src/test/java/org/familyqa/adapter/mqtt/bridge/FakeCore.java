package org.familyqa.adapter.mqtt.bridge;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.message.AskRequest;
import org.familyqa.domain.message.RequestRules;
import org.familyqa.domain.message.RespondRequest;
import org.familyqa.domain.message.Validated;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.AnswerId;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.domain.question.QuestionText;
import org.familyqa.domain.question.Source;
import org.familyqa.domain.ratelimit.FamilyRateLimiter;
import org.familyqa.domain.ratelimit.RateLimit;
import org.familyqa.ports.in.DeviceMessage;
import org.familyqa.ports.in.DeviceMessageUseCase;
import org.familyqa.ports.in.DeviceOutcome;
import org.familyqa.ports.in.OutboxRelayUseCase;
import org.familyqa.ports.out.EventPublisher;
import org.familyqa.ports.out.FamilyEvent;
import org.familyqa.ports.out.OutboxSignal;
import org.familyqa.ports.out.StoreUnavailableException;

/**
 * A small in-memory stand-in for the core's device-message and outbox-relay services, with the domain's rules, so
 * that the bridge can be tested on a real broker without a database. It can fail the store on demand.
 */
final class FakeCore implements DeviceMessageUseCase, OutboxRelayUseCase {

    private final Map<TopicPrefix, FamilyId> families = new ConcurrentHashMap<>();
    private final Map<QuestionId, Question> questions = new ConcurrentHashMap<>();
    private final Map<AnswerId, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, DeviceOutcome> byRequestId = new HashMap<>();
    private final Deque<FamilyEvent> outbox = new ConcurrentLinkedDeque<>();
    private final Set<FamilyId> strictlyLimited = ConcurrentHashMap.newKeySet();
    private final FamilyRateLimiter generousLimiter = new FamilyRateLimiter(new RateLimit(10_000, 100_000));
    private final FamilyRateLimiter strictLimiter = new FamilyRateLimiter(RateLimit.DEFAULT);
    private final AtomicInteger storeFailuresToInject = new AtomicInteger();
    private final AtomicInteger handleCalls = new AtomicInteger();
    private volatile boolean relayPaused;
    private volatile EventPublisher publisher;
    private volatile OutboxSignal signal = OutboxSignal.none();

    void connect(EventPublisher eventPublisher, OutboxSignal outboxSignal) {
        this.publisher = eventPublisher;
        this.signal = outboxSignal;
    }

    /** Registers a family under a new random slug and returns its prefix. */
    TopicPrefix addFamily(String slugStart, boolean defaultRateLimit) {
        TopicPrefix prefix = new TopicPrefix(slugStart + "-" + UUID.randomUUID().toString().substring(0, 8));
        FamilyId id = new FamilyId(UUID.randomUUID());
        families.put(prefix, id);
        if (defaultRateLimit) {
            strictlyLimited.add(id);
        }
        return prefix;
    }

    FamilyId familyId(TopicPrefix prefix) {
        return families.get(prefix);
    }

    /** Stores a question as if it came over HTTP, and queues its event. */
    Question storeQuestion(TopicPrefix prefix, String text) {
        Question question = new Question(new QuestionId(UUID.randomUUID()), families.get(prefix),
                new QuestionText(text), Category.GENERAL,
                Optional.empty(), Source.API, now());
        questions.put(question.id(), question);
        outbox.add(new FamilyEvent.QuestionAsked(question, prefix, Optional.empty()));
        signal.eventsCommitted();
        return question;
    }

    long questionCount(TopicPrefix prefix) {
        FamilyId id = families.get(prefix);
        return questions.values().stream().filter(question -> question.familyId().equals(id)).count();
    }

    long answerCount(TopicPrefix prefix) {
        FamilyId id = families.get(prefix);
        return answers.values().stream().filter(answer -> answer.familyId().equals(id)).count();
    }

    void failStore(int times) {
        storeFailuresToInject.set(times);
    }

    /** Makes {@link #relayBatch()} publish nothing while paused, as if the store were locked. */
    void pauseRelay(boolean paused) {
        relayPaused = paused;
    }

    int handleCalls() {
        return handleCalls.get();
    }

    @Override
    public synchronized List<DeviceOutcome> handle(List<DeviceMessage> messages) {
        handleCalls.incrementAndGet();
        if (storeFailuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new StoreUnavailableException("Injected store failure", new RuntimeException("test"));
        }
        List<DeviceOutcome> outcomes = new ArrayList<>(messages.size());
        for (DeviceMessage message : messages) {
            outcomes.add(handleOne(message));
        }
        signal.eventsCommitted();
        return outcomes;
    }

    private DeviceOutcome handleOne(DeviceMessage message) {
        FamilyId familyId = families.get(message.topic().prefix());
        if (familyId == null) {
            return new DeviceOutcome.UnknownFamily(message.topic());
        }
        FamilyRateLimiter limiter = strictlyLimited.contains(familyId) ? strictLimiter : generousLimiter;
        if (!limiter.tryAcquire(familyId, Instant.now())) {
            return rejected(message, familyId, Rejection.ofMessage(ErrorCode.RATE_LIMITED,
                    "Too many messages; the limit is 10 per second."), Optional.empty());
        }
        if (message.body() instanceof DeviceMessage.Unreadable unreadable) {
            return rejected(message, familyId, unreadable.rejection(), unreadable.requestId());
        }
        var members = ((DeviceMessage.Fields) message.body()).members();
        if (message.topic().kind() == FamilyTopic.ASK) {
            Validated<AskRequest> ask = RequestRules.readAsk(members);
            if (ask instanceof Validated.Rejected<AskRequest> rejected) {
                return rejected(message, familyId, rejected.rejection(), rejected.requestId());
            }
            return ask(message, familyId, ((Validated.Accepted<AskRequest>) ask).value());
        }
        Validated<RespondRequest> respond = RequestRules.readRespond(members);
        if (respond instanceof Validated.Rejected<RespondRequest> rejected) {
            return rejected(message, familyId, rejected.rejection(), rejected.requestId());
        }
        return respond(message, familyId, ((Validated.Accepted<RespondRequest>) respond).value());
    }

    private DeviceOutcome ask(DeviceMessage message, FamilyId familyId, AskRequest request) {
        String key = request.requestId().map(id -> familyId + "/" + id).orElse(null);
        if (key != null && byRequestId.get(key) instanceof DeviceOutcome.QuestionStored earlier) {
            return new DeviceOutcome.QuestionStored(message.topic(), earlier.question(), true);
        }
        Question question = new Question(new QuestionId(UUID.randomUUID()), familyId, request.text(),
                request.category(), request.askedBy(), Source.MQTT, now());
        questions.put(question.id(), question);
        outbox.add(new FamilyEvent.QuestionAsked(question, message.topic().prefix(), request.requestId()));
        DeviceOutcome outcome = new DeviceOutcome.QuestionStored(message.topic(), question, false);
        if (key != null) {
            byRequestId.put(key, outcome);
        }
        return outcome;
    }

    private DeviceOutcome respond(DeviceMessage message, FamilyId familyId, RespondRequest request) {
        Question question = questions.get(request.questionId());
        if (question == null || !question.familyId().equals(familyId)) {
            return rejected(message, familyId, Rejection.of(ErrorCode.UNKNOWN_QUESTION, "question_id",
                    "No question with the id " + request.rawQuestionId() + " exists."), request.requestId()
                    .map(Object::toString));
        }
        Answer answer = new Answer(new AnswerId(UUID.randomUUID()), question.id(), familyId, request.text(),
                request.answeredBy(), Source.MQTT, now());
        answers.put(answer.id(), answer);
        outbox.add(new FamilyEvent.QuestionAnswered(answer, message.topic().prefix(), request.requestId()));
        return new DeviceOutcome.AnswerStored(message.topic(), answer, false);
    }

    private static DeviceOutcome rejected(DeviceMessage message, FamilyId familyId, Rejection rejection,
                                          Optional<String> requestId) {
        return new DeviceOutcome.Rejected(message.topic(), familyId, rejection, requestId);
    }

    @Override
    public int relayBatch() {
        if (relayPaused) {
            return 0;
        }
        List<FamilyEvent> batch = new ArrayList<>();
        for (FamilyEvent event; batch.size() < 200 && (event = outbox.poll()) != null; ) {
            batch.add(event);
        }
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (FamilyEvent event : batch) {
            sent.add(publisher.publish(event));
        }
        int published = 0;
        for (int i = sent.size() - 1; i >= 0; i--) {
            try {
                sent.get(i).get(15, TimeUnit.SECONDS);
                published++;
            } catch (Exception e) {
                outbox.addFirst(batch.get(i));
            }
        }
        return published;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
