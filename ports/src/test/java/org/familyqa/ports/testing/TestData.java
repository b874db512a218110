package org.familyqa.ports.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.family.FamilyName;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.AnswerId;
import org.familyqa.domain.question.AnswerText;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.MemberName;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.domain.question.QuestionText;
import org.familyqa.domain.question.RequestId;
import org.familyqa.domain.question.Source;
import org.familyqa.ports.out.NewAnswer;
import org.familyqa.ports.out.NewQuestion;

/**
 * Builders of families, questions, answers and MQTT access records with valid defaults, for tests.
 *
 * <p>Every default id and topic slug is random, so that tests sharing one database do not collide, and every
 * default time is the current time truncated to microseconds, the precision the stores keep.
 */
public final class TestData {

    private TestData() {
    }

    /** Returns the current time truncated to microseconds. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Returns a random topic slug, unique for practical purposes. */
    public static String randomSlug() {
        return "t-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    /** Starts a family with a random id and slug. */
    public static FamilyBuilder family() {
        return new FamilyBuilder();
    }

    /** Starts a question of the family, asked over the API now. */
    public static QuestionBuilder question(FamilyId familyId) {
        return new QuestionBuilder(familyId);
    }

    /** Starts an answer to the question, in the question's family, given over the API now. */
    public static AnswerBuilder answer(Question question) {
        return new AnswerBuilder(question.id(), question.familyId());
    }

    /** Starts an answer to a question id, in the given family, which need not own the question. */
    public static AnswerBuilder answer(FamilyId familyId, QuestionId questionId) {
        return new AnswerBuilder(questionId, familyId);
    }

    /** Starts an enabled MQTT access record for the family, with the username of its prefix. */
    public static MqttAccessBuilder mqttAccess(Family family) {
        return new MqttAccessBuilder(family.id(), family.topicPrefix());
    }

    /** Builder of a {@link Family}. */
    public static final class FamilyBuilder {
        private UUID id = UUID.randomUUID();
        private String name = "The Riveras";
        private String slug = randomSlug();
        private Instant createdAt = now();

        public FamilyBuilder id(UUID value) {
            this.id = value;
            return this;
        }

        public FamilyBuilder name(String value) {
            this.name = value;
            return this;
        }

        public FamilyBuilder slug(String value) {
            this.slug = value;
            return this;
        }

        public FamilyBuilder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public Family build() {
            return new Family(new FamilyId(id), new FamilyName(name), new TopicPrefix(slug), createdAt);
        }
    }

    /** Builder of a {@link Question} and of the {@link NewQuestion} that stores it. */
    public static final class QuestionBuilder {
        private final FamilyId familyId;
        private UUID id = UUID.randomUUID();
        private String text = "What was your first pet called?";
        private String category = Category.GENERAL.value();
        private Optional<String> askedBy = Optional.of("Ana");
        private Source source = Source.API;
        private Instant createdAt = now();
        private Optional<String> requestId = Optional.empty();

        private QuestionBuilder(FamilyId familyId) {
            this.familyId = Objects.requireNonNull(familyId, "familyId");
        }

        public QuestionBuilder id(UUID value) {
            this.id = value;
            return this;
        }

        public QuestionBuilder text(String value) {
            this.text = value;
            return this;
        }

        public QuestionBuilder category(String value) {
            this.category = value;
            return this;
        }

        public QuestionBuilder askedBy(String value) {
            this.askedBy = Optional.ofNullable(value);
            return this;
        }

        public QuestionBuilder source(Source value) {
            this.source = value;
            return this;
        }

        public QuestionBuilder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public QuestionBuilder requestId(String value) {
            this.requestId = Optional.ofNullable(value);
            return this;
        }

        public Question build() {
            return new Question(new QuestionId(id), familyId, new QuestionText(text), new Category(category),
                    askedBy.map(MemberName::new), source, createdAt);
        }

        /** Returns the question with the builder's request id, ready for {@code QuestionRepository.addAll}. */
        public NewQuestion toNew() {
            return new NewQuestion(build(), requestId.map(RequestId::new));
        }
    }

    /** Builder of an {@link Answer} and of the {@link NewAnswer} that stores it. */
    public static final class AnswerBuilder {
        private final QuestionId questionId;
        private final FamilyId familyId;
        private UUID id = UUID.randomUUID();
        private String text = "Biscuit, a very loud beagle.";
        private Optional<String> answeredBy = Optional.of("Grandpa Joe");
        private Source source = Source.API;
        private Instant createdAt = now();
        private Optional<String> requestId = Optional.empty();

        private AnswerBuilder(QuestionId questionId, FamilyId familyId) {
            this.questionId = Objects.requireNonNull(questionId, "questionId");
            this.familyId = Objects.requireNonNull(familyId, "familyId");
        }

        public AnswerBuilder id(UUID value) {
            this.id = value;
            return this;
        }

        public AnswerBuilder text(String value) {
            this.text = value;
            return this;
        }

        public AnswerBuilder answeredBy(String value) {
            this.answeredBy = Optional.ofNullable(value);
            return this;
        }

        public AnswerBuilder source(Source value) {
            this.source = value;
            return this;
        }

        public AnswerBuilder createdAt(Instant value) {
            this.createdAt = value;
            return this;
        }

        public AnswerBuilder requestId(String value) {
            this.requestId = Optional.ofNullable(value);
            return this;
        }

        public Answer build() {
            return new Answer(new AnswerId(id), questionId, familyId, new AnswerText(text),
                    answeredBy.map(MemberName::new), source, createdAt);
        }

        /** Returns the answer with the builder's request id, ready for {@code AnswerRepository.addAll}. */
        public NewAnswer toNew() {
            return new NewAnswer(build(), requestId.map(RequestId::new));
        }
    }

    /** Builder of a {@link MqttAccess}. */
    public static final class MqttAccessBuilder {
        private final FamilyId familyId;
        private TopicPrefix prefix;
        private boolean enabled = true;
        private String passwordHash = "sha256$c2FsdA==$aGFzaA==";
        private Instant issuedAt = now();

        private MqttAccessBuilder(FamilyId familyId, TopicPrefix prefix) {
            this.familyId = familyId;
            this.prefix = prefix;
        }

        /** Sets the prefix, and with it the username. */
        public MqttAccessBuilder prefix(TopicPrefix value) {
            this.prefix = value;
            return this;
        }

        public MqttAccessBuilder enabled(boolean value) {
            this.enabled = value;
            return this;
        }

        public MqttAccessBuilder passwordHash(String value) {
            this.passwordHash = value;
            return this;
        }

        public MqttAccessBuilder issuedAt(Instant value) {
            this.issuedAt = value;
            return this;
        }

        public MqttAccess build() {
            return new MqttAccess(familyId, enabled, MqttUsername.forPrefix(prefix), new PasswordHash(passwordHash),
                    prefix, issuedAt);
        }
    }
}
