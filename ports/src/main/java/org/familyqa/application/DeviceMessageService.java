package org.familyqa.application;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.familyqa.domain.Rejection;
import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.message.AskRequest;
import org.familyqa.domain.message.FieldValue;
import org.familyqa.domain.message.RequestRules;
import org.familyqa.domain.message.RespondRequest;
import org.familyqa.domain.message.Validated;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.RequestId;
import org.familyqa.domain.question.Source;
import org.familyqa.domain.ratelimit.FamilyRateLimiter;
import org.familyqa.ports.in.DeviceMessage;
import org.familyqa.ports.in.DeviceMessageUseCase;
import org.familyqa.ports.in.DeviceOutcome;
import org.familyqa.ports.out.AnswerRepository;
import org.familyqa.ports.out.FamilyEvent;
import org.familyqa.ports.out.FamilyRepository;
import org.familyqa.ports.out.IdGenerator;
import org.familyqa.ports.out.NewAnswer;
import org.familyqa.ports.out.NewQuestion;
import org.familyqa.ports.out.OutboxEvent;
import org.familyqa.ports.out.OutboxSignal;
import org.familyqa.ports.out.QuestionRepository;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.out.StoredBatch;

/**
 * Checks, rate-limits and stores batches of device messages, with one store call for all valid asks and one for all
 * valid answers of a batch.
 *
 * <p>Each message takes a token from its family's rate limit before it is read, so rejected messages count too.
 * Families are found by topic prefix and kept in memory, because families are never deleted and a prefix never
 * changes. Asks are stored before answers, so an answer may refer to a question asked earlier in the same batch.
 *
 * <p>With {@link DirectPublishing}, the events of each store call are published straight after its commit, in
 * order; otherwise, and while direct publishing is paused after a failure, the relay is woken to publish them.
 *
 * @since 0.1.0
 */
public final class DeviceMessageService implements DeviceMessageUseCase {

    private static final System.Logger LOG = System.getLogger(DeviceMessageService.class.getName());
    private static final Duration EVICT_INTERVAL = Duration.ofMinutes(1);

    private final FamilyRepository families;
    private final QuestionRepository questions;
    private final AnswerRepository answers;
    private final IdGenerator ids;
    private final OutboxSignal signal;
    private final Clock clock;
    private final FamilyRateLimiter rateLimiter;
    private final DirectPublishing direct;
    private final Map<TopicPrefix, Family> familiesByPrefix = new ConcurrentHashMap<>();
    private volatile Instant lastEviction = Instant.MIN;

    DeviceMessageService(FamilyRepository families, QuestionRepository questions, AnswerRepository answers,
                         IdGenerator ids, OutboxSignal signal, Clock clock, FamilyRateLimiter rateLimiter) {
        this(families, questions, answers, ids, signal, clock, rateLimiter, null);
    }

    /** Creates a service that publishes stored events through {@code direct}, or leaves them to the relay if null. */
    DeviceMessageService(FamilyRepository families, QuestionRepository questions, AnswerRepository answers,
                         IdGenerator ids, OutboxSignal signal, Clock clock, FamilyRateLimiter rateLimiter,
                         DirectPublishing direct) {
        this.direct = direct;
        this.families = Objects.requireNonNull(families, "families");
        this.questions = Objects.requireNonNull(questions, "questions");
        this.answers = Objects.requireNonNull(answers, "answers");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.signal = Objects.requireNonNull(signal, "signal");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    }

    /**
     * Checks, rate-limits and stores a batch of device messages, returning one outcome per message in input order.
     *
     * <p>NOTE: asks and answers are two store calls. If the answers fail with a
     * {@link org.familyqa.ports.out.StoreUnavailableException}, the asks of the batch are already stored. A retried
     * batch stores those asks again unless they carry request ids.
     */
    @Override
    public List<DeviceOutcome> handle(List<DeviceMessage> messages) {
        if (messages.isEmpty() || messages.size() > 1000) {
            throw new IllegalArgumentException("a batch must have 1 to 1000 messages, not " + messages.size());
        }
        Instant now = clock.instant();
        evictIdleBuckets(now);
        DeviceOutcome[] outcomes = new DeviceOutcome[messages.size()];
        List<Pending<NewQuestion>> asks = new ArrayList<>();
        List<Pending<NewAnswer>> responds = new ArrayList<>();

        for (int i = 0; i < messages.size(); i++) {
            DeviceMessage message = messages.get(i);
            Optional<Family> family = familyOf(message.topic().prefix());
            if (family.isEmpty()) {
                outcomes[i] = new DeviceOutcome.UnknownFamily(message.topic());
                continue;
            }
            FamilyId familyId = family.get().id();
            if (!rateLimiter.tryAcquire(familyId, now)) {
                outcomes[i] = new DeviceOutcome.Rejected(message.topic(), familyId, rateLimited(),
                        rawRequestId(message));
            } else if (message.body() instanceof DeviceMessage.Unreadable unreadable) {
                outcomes[i] = new DeviceOutcome.Rejected(message.topic(), familyId, unreadable.rejection(),
                        unreadable.requestId());
            } else {
                Map<String, FieldValue> fields = ((DeviceMessage.Fields) message.body()).members();
                read(i, message, familyId, fields, asks, responds, outcomes);
            }
        }

        storeAsks(messages, asks, outcomes);
        storeAnswers(messages, responds, outcomes);
        logRejections(outcomes);
        return Arrays.asList(outcomes);
    }

    /** Reads a message into {@code asks} or {@code responds}, or puts its rejection into {@code outcomes}. */
    private void read(int index, DeviceMessage message, FamilyId familyId, Map<String, FieldValue> fields,
                      List<Pending<NewQuestion>> asks, List<Pending<NewAnswer>> responds, DeviceOutcome[] outcomes) {
        if (message.topic().kind() == FamilyTopic.ASK) {
            Validated<AskRequest> ask = RequestRules.readAsk(fields);
            if (ask instanceof Validated.Accepted<AskRequest> accepted) {
                AskRequest request = accepted.value();
                NewQuestion item = new NewQuestion(newQuestion(familyId, request), request.requestId());
                asks.add(new Pending<>(index, item, ""));
            } else {
                outcomes[index] = rejected(message, familyId, (Validated.Rejected<AskRequest>) ask);
            }
            return;
        }
        Validated<RespondRequest> respond = RequestRules.readRespond(fields);
        if (respond instanceof Validated.Accepted<RespondRequest> accepted) {
            RespondRequest request = accepted.value();
            NewAnswer item = new NewAnswer(newAnswer(familyId, request), request.requestId());
            responds.add(new Pending<>(index, item, request.rawQuestionId()));
        } else {
            outcomes[index] = rejected(message, familyId, (Validated.Rejected<RespondRequest>) respond);
        }
    }

    private static DeviceOutcome rejected(DeviceMessage message, FamilyId familyId, Validated.Rejected<?> rejected) {
        return new DeviceOutcome.Rejected(message.topic(), familyId, rejected.rejection(), rejected.requestId());
    }

    private void storeAsks(List<DeviceMessage> messages, List<Pending<NewQuestion>> asks, DeviceOutcome[] outcomes) {
        if (asks.isEmpty()) {
            return;
        }
        List<NewQuestion> items = asks.stream().map(Pending::item).toList();
        StoredBatch<Question> batch = publishesDirectly()
                ? questions.addAllClaimed(items, direct.owner(), direct.lease())
                : StoredBatch.unclaimed(questions.addAll(items));
        List<StoreResult<Question>> results = batch.results();
        List<OutboxEvent> claimed = new ArrayList<>();
        boolean anyStored = false;
        for (int i = 0; i < asks.size(); i++) {
            int index = asks.get(i).index();
            StoreResult<Question> result = results.get(i);
            if (result instanceof StoreResult.Stored<Question> stored) {
                outcomes[index] = new DeviceOutcome.QuestionStored(messages.get(index).topic(), stored.value(), false);
                OptionalLong sequence = batch.sequences().get(i);
                if (sequence.isPresent()) {
                    claimed.add(new OutboxEvent(sequence.getAsLong(), new FamilyEvent.QuestionAsked(stored.value(),
                            messages.get(index).topic().prefix(), items.get(i).requestId())));
                } else {
                    anyStored = true;
                }
            } else if (result instanceof StoreResult.Duplicate<Question> duplicate) {
                outcomes[index] = new DeviceOutcome.QuestionStored(messages.get(index).topic(), duplicate.existing(),
                        true);
            } else {
                throw new IllegalStateException("the question repository returned " + result + " for a question");
            }
        }
        publish(claimed, anyStored);
    }

    private void storeAnswers(List<DeviceMessage> messages, List<Pending<NewAnswer>> responds,
                              DeviceOutcome[] outcomes) {
        if (responds.isEmpty()) {
            return;
        }
        List<NewAnswer> items = responds.stream().map(Pending::item).toList();
        StoredBatch<Answer> batch = publishesDirectly()
                ? answers.addAllClaimed(items, direct.owner(), direct.lease())
                : StoredBatch.unclaimed(answers.addAll(items));
        List<StoreResult<Answer>> results = batch.results();
        List<OutboxEvent> claimed = new ArrayList<>();
        boolean anyStored = false;
        for (int i = 0; i < responds.size(); i++) {
            Pending<NewAnswer> pending = responds.get(i);
            DeviceMessage message = messages.get(pending.index());
            StoreResult<Answer> result = results.get(i);
            if (result instanceof StoreResult.Stored<Answer> stored) {
                outcomes[pending.index()] = new DeviceOutcome.AnswerStored(message.topic(), stored.value(), false);
                OptionalLong sequence = batch.sequences().get(i);
                if (sequence.isPresent()) {
                    claimed.add(new OutboxEvent(sequence.getAsLong(), new FamilyEvent.QuestionAnswered(
                            stored.value(), message.topic().prefix(), items.get(i).requestId())));
                } else {
                    anyStored = true;
                }
            } else if (result instanceof StoreResult.Duplicate<Answer> duplicate) {
                outcomes[pending.index()] = new DeviceOutcome.AnswerStored(message.topic(), duplicate.existing(),
                        true);
            } else {
                outcomes[pending.index()] = new DeviceOutcome.Rejected(message.topic(),
                        pending.item().answer().familyId(), QuestionService.unknownQuestion(pending.rawQuestionId()),
                        pending.item().requestId().map(RequestId::value));
            }
        }
        publish(claimed, anyStored);
    }

    private boolean publishesDirectly() {
        return direct != null && !direct.paused();
    }

    /** Publishes the events stored under the direct claim, and wakes the relay for those stored without one. */
    private void publish(List<OutboxEvent> claimed, boolean unclaimedStored) {
        if (!claimed.isEmpty()) {
            direct.publish(claimed);
        }
        if (unclaimedStored) {
            signal.eventsCommitted();
        }
    }

    private Optional<Family> familyOf(TopicPrefix prefix) {
        Family cached = familiesByPrefix.get(prefix);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Family> found = families.findByTopicPrefix(prefix);
        found.ifPresent(family -> familiesByPrefix.put(prefix, family));
        return found;
    }

    private Question newQuestion(FamilyId familyId, AskRequest request) {
        return QuestionService.newQuestion(ids, clock, familyId, request, Source.MQTT);
    }

    private Answer newAnswer(FamilyId familyId, RespondRequest request) {
        return QuestionService.newAnswer(ids, clock, familyId, request, Source.MQTT);
    }

    private Rejection rateLimited() {
        return Rejections.rateLimited(rateLimiter.limit());
    }

    private static Optional<String> rawRequestId(DeviceMessage message) {
        if (message.body() instanceof DeviceMessage.Fields fields
                && fields.members().get(RequestId.FIELD) instanceof FieldValue.Text text) {
            return Optional.of(text.value());
        }
        if (message.body() instanceof DeviceMessage.Unreadable unreadable) {
            return unreadable.requestId();
        }
        return Optional.empty();
    }

    private void evictIdleBuckets(Instant now) {
        if (Duration.between(lastEviction, now).compareTo(EVICT_INTERVAL) >= 0) {
            lastEviction = now;
            rateLimiter.evictIdle(now);
        }
    }

    private static void logRejections(DeviceOutcome[] outcomes) {
        for (DeviceOutcome outcome : outcomes) {
            if (outcome instanceof DeviceOutcome.Rejected rejected) {
                LOG.log(Level.DEBUG, () -> "Rejected a message of family " + rejected.familyId() + " on "
                        + rejected.topic().topic() + ": " + rejected.rejection().code().code());
            } else if (outcome instanceof DeviceOutcome.UnknownFamily unknown) {
                LOG.log(Level.WARNING, () -> "No family has the prefix of topic " + unknown.topic().topic()
                        + "; the message was dropped");
            }
        }
    }

    /** A valid message waiting to be stored, with its position in the batch. */
    private record Pending<T>(int index, T item, String rawQuestionId) {
    }
}
