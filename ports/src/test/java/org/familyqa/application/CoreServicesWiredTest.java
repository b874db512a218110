package org.familyqa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyqa.application.DeviceMessages.ask;
import static org.familyqa.application.DeviceMessages.respond;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyName;
import org.familyqa.domain.message.AskRequest;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionText;
import org.familyqa.domain.question.RequestId;
import org.familyqa.domain.question.Source;
import org.familyqa.ports.in.DeviceMessage;
import org.familyqa.ports.in.DeviceOutcome;
import org.familyqa.ports.in.FamilyUseCases.CreatedFamily;
import org.familyqa.ports.in.MqttAccessUseCases.MqttCredentials;
import org.familyqa.ports.in.MqttAccessUseCases.MqttStatus;
import org.familyqa.ports.in.Result;
import org.familyqa.ports.out.BrokerAccounts;
import org.familyqa.ports.out.BrokerUnavailableException;
import org.familyqa.ports.out.EventPublisher;
import org.familyqa.ports.out.FamilyEvent;
import org.familyqa.ports.testing.InMemoryStore;

/** The services wired by {@link CoreServices} to the in-memory store, with recording broker fakes. */
class CoreServicesWiredTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final RecordingBroker broker = new RecordingBroker();
    private final RecordingPublisher publisher = new RecordingPublisher();
    private CoreServices core;

    @BeforeEach
    void wire() {
        core = CoreServices.builder()
                .families(store.families())
                .questions(store.questions())
                .answers(store.answers())
                .outbox(store.outbox())
                .mqttAccess(store.mqttAccess())
                .adminTokens(store.adminToken())
                .processedRequests(store.processedRequests())
                .brokerAccounts(broker)
                .brokerProbe((prefix, timeout) -> Duration.ofMillis(3))
                .eventPublisher(publisher)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .random(new SecureRandom())
                .relayOwner("relay-test")
                .relayBatchSize(10)
                .publishTimeout(Duration.ofSeconds(2))
                .build();
    }

    @Test
    void askWithOneRequestIdIsStoredOnce() {
        Family family = createFamily("Riveras");
        AskRequest request = new AskRequest(new QuestionText("Who was your first teacher?"), Category.GENERAL,
                Optional.empty(), Optional.of(new RequestId("r-17")));

        Question first = ok(core.questions().ask(family.id(), request, Source.API));
        Question second = ok(core.questions().ask(family.id(), request, Source.API));
        List<DeviceOutcome> third = core.deviceMessages().handle(List.of(ask(family.topicPrefix(),
                "question_text", "Who was your first teacher?", "request_id", "r-17")));

        assertThat(second).isEqualTo(first);
        assertThat(third).containsExactly(new DeviceOutcome.QuestionStored(third.get(0).topic(), first, true));
        assertThat(store.outbox().countUnpublished()).isEqualTo(1);
    }

    @Test
    void thirtyFirstQuickMessageIsRateLimited() {
        Family family = createFamily("Riveras");
        List<DeviceMessage> burst = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            burst.add(ask(family.topicPrefix(), "question_text", "burst " + i));
        }

        List<DeviceOutcome> first = core.deviceMessages().handle(burst.subList(0, 30));
        List<DeviceOutcome> last = core.deviceMessages().handle(burst.subList(30, 31));

        assertThat(first).allMatch(DeviceOutcome.QuestionStored.class::isInstance);
        assertThat(last.get(0)).isInstanceOfSatisfying(DeviceOutcome.Rejected.class,
                rejected -> assertThat(rejected.rejection().code()).isEqualTo(ErrorCode.RATE_LIMITED));
        assertThat(store.outbox().countUnpublished()).isEqualTo(30);
    }

    @Test
    void batchWithGoodAndBadMessagesStoresTheGoodOnes() {
        Family family = createFamily("Riveras");
        Question asked = ok(core.questions().ask(family.id(), new AskRequest(new QuestionText("Favourite song?"),
                Category.GENERAL, Optional.empty(), Optional.empty()), Source.WEB));

        List<DeviceOutcome> outcomes = core.deviceMessages().handle(List.of(
                ask(family.topicPrefix(), "question_text", "Good one", "category", "music"),
                ask(family.topicPrefix(), "question_text", "x".repeat(1001)),
                respond(family.topicPrefix(), "question_id", asked.id().toString(), "answer_text", "Yesterday"),
                ask(family.topicPrefix(), "question_text", "Bad category", "category", "Music")));

        assertThat(outcomes.get(0)).isInstanceOf(DeviceOutcome.QuestionStored.class);
        assertThat(((DeviceOutcome.Rejected) outcomes.get(1)).rejection().code()).isEqualTo(ErrorCode.TOO_LONG);
        assertThat(outcomes.get(2)).isInstanceOf(DeviceOutcome.AnswerStored.class);
        assertThat(((DeviceOutcome.Rejected) outcomes.get(3)).rejection().field()).isEqualTo("category");
        assertThat(core.questions().getQuestion(family.id(), asked.id()).orElseThrow().answers()).hasSize(1);
    }

    @Test
    void answerToAnotherFamilysQuestionIsUnknown() {
        Family familyA = createFamily("A");
        Family familyB = createFamily("B");
        Question questionOfB = ok(core.questions().ask(familyB.id(), new AskRequest(new QuestionText("B only"),
                Category.GENERAL, Optional.empty(), Optional.empty()), Source.API));
        String unknownId = "0195a000-0000-7000-8000-00000000abcd";

        List<DeviceOutcome> outcomes = core.deviceMessages().handle(List.of(
                respond(familyA.topicPrefix(), "question_id", questionOfB.id().toString(), "answer_text", "mine"),
                respond(familyA.topicPrefix(), "question_id", unknownId, "answer_text", "mine")));

        DeviceOutcome.Rejected crossFamily = (DeviceOutcome.Rejected) outcomes.get(0);
        DeviceOutcome.Rejected missing = (DeviceOutcome.Rejected) outcomes.get(1);
        assertThat(crossFamily.rejection().code()).isEqualTo(ErrorCode.UNKNOWN_QUESTION);
        assertThat(crossFamily.rejection().message())
                .isEqualTo(missing.rejection().message().replace(unknownId, questionOfB.id().toString()));
        assertThat(core.questions().getQuestion(familyB.id(), questionOfB.id()).orElseThrow().answers()).isEmpty();
    }

    @Test
    void storedAsksArePublishedAtOnceAndMarkedPublishedByTheNextFlush() {
        Family family = createFamily("Riveras");
        for (int i = 0; i < 3; i++) {
            core.deviceMessages().handle(List.of(ask(family.topicPrefix(), "question_text", "q" + i)));
        }

        assertThat(publisher.published).extracting(event -> ((FamilyEvent.QuestionAsked) event).question().text()
                .value()).containsExactly("q0", "q1", "q2");
        assertThat(store.outbox().countUnpublished()).isEqualTo(3);
        assertThat(core.outboxRelay().flushPublished()).isEqualTo(3);
        assertThat(store.outbox().countUnpublished()).isZero();
        assertThat(core.outboxRelay().relayBatch()).isZero();
        assertThat(publisher.published).hasSize(3);
    }

    @Test
    void relayPublishesInOrderWhatFailedWhileTheBrokerWasDown() {
        Family family = createFamily("Riveras");
        publisher.failing = true;
        for (int i = 0; i < 3; i++) {
            core.deviceMessages().handle(List.of(ask(family.topicPrefix(), "question_text", "q" + i)));
        }

        int whileDown = core.outboxRelay().relayBatch();
        publisher.failing = false;
        int afterwards = core.outboxRelay().relayBatch();
        core.deviceMessages().handle(List.of(ask(family.topicPrefix(), "question_text", "q3")));
        core.outboxRelay().relayBatch();
        core.outboxRelay().flushPublished();

        assertThat(whileDown).isZero();
        assertThat(afterwards).isEqualTo(3);
        assertThat(publisher.published).extracting(event -> ((FamilyEvent.QuestionAsked) event).question().text()
                .value()).containsExactly("q0", "q1", "q2", "q3");
        assertThat(store.outbox().countUnpublished()).isZero();
    }

    @Test
    void mqttLifecycleCallsBrokerAndStoresOnlyHashes() {
        Family family = createFamily("Riveras");

        MqttCredentials enabled = ok(core.mqttAccess().enable(family.id()));
        MqttCredentials reset = ok(core.mqttAccess().resetCredentials(family.id()));
        MqttStatus disabled = ok(core.mqttAccess().disable(family.id()));
        Result<MqttCredentials> resetWhileDisabled = core.mqttAccess().resetCredentials(family.id());

        MqttAccess stored = store.mqttAccess().findByFamily(family.id()).orElseThrow();
        assertThat(broker.passwords).containsExactly(enabled.password(), reset.password());
        assertThat(broker.disabled).containsExactly(enabled.username());
        assertThat(disabled.enabled()).isFalse();
        assertThat(stored.enabled()).isFalse();
        assertThat(stored.passwordHash().encoded()).doesNotContain(reset.password())
                .doesNotContain(enabled.password());
        assertThat(new SaltedSha256PasswordHasher(new SecureRandom()).matches(reset.password(), stored.passwordHash()))
                .isTrue();
        assertThat(((Result.Rejected<MqttCredentials>) resetWhileDisabled).rejection().code())
                .isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void familyTokenWorksOnlyForItsFamily() {
        CreatedFamily created = ok(core.families().createFamily(new FamilyName("A"), Optional.empty()));
        CreatedFamily other = ok(core.families().createFamily(new FamilyName("B"), Optional.empty()));
        String token = created.token();
        String otherFamilysId = other.family().id().value().toString().replace("-", "");

        assertThat(core.authentication().authenticateFamily(token)).contains(created.family().id());
        assertThat(core.authentication().authenticateFamily(token + "x")).isEmpty();
        assertThat(core.authentication().authenticateFamily(token.substring(1))).isEmpty();
        assertThat(core.authentication().authenticateFamily("fqa_" + otherFamilysId + token.substring(36)))
                .isEmpty();
        assertThat(core.authentication().authenticateFamily(other.token())).contains(other.family().id());
    }

    @Test
    void adminTokenIsGeneratedOnce() {
        Optional<String> first = core.authentication().initializeAdminToken(Optional.empty());
        Optional<String> second = core.authentication().initializeAdminToken(Optional.empty());

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(core.authentication().authenticateAdmin(first.get())).isTrue();
        assertThat(store.adminToken().find().orElseThrow().encoded()).doesNotContain(first.get());
    }

    private Family createFamily(String name) {
        return ok(core.families().createFamily(new FamilyName(name), Optional.empty())).family();
    }

    private static <T> T ok(Result<T> result) {
        assertThat(result).isInstanceOf(Result.Ok.class);
        return ((Result.Ok<T>) result).value();
    }

    /** Records the plain passwords the broker receives, which must never reach the store. */
    private static final class RecordingBroker implements BrokerAccounts {
        final List<String> passwords = new ArrayList<>();
        final List<MqttUsername> disabled = new ArrayList<>();

        @Override
        public synchronized void enable(MqttAccess access, String password) {
            passwords.add(password);
        }

        @Override
        public synchronized void disable(MqttUsername username) {
            disabled.add(username);
        }

        @Override
        public Set<MqttUsername> reconcile(Collection<MqttAccess> stored) {
            return Set.of();
        }
    }

    /** Acknowledges every event at once, or fails every one while {@code failing} is set. */
    private static final class RecordingPublisher implements EventPublisher {
        final List<FamilyEvent> published = new ArrayList<>();
        volatile boolean failing;

        @Override
        public synchronized CompletableFuture<Void> publish(FamilyEvent event) {
            if (failing) {
                return CompletableFuture.failedFuture(new BrokerUnavailableException("broker is down"));
            }
            published.add(event);
            return CompletableFuture.completedFuture(null);
        }
    }
}
