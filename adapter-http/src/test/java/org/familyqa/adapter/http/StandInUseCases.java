package org.familyqa.adapter.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.family.FamilyName;
import org.familyqa.domain.message.AskRequest;
import org.familyqa.domain.message.RespondRequest;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.AnswerId;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.domain.question.Source;
import org.familyqa.ports.in.AuthenticationUseCases;
import org.familyqa.ports.in.FamilyUseCases;
import org.familyqa.ports.in.MqttAccessUseCases;
import org.familyqa.ports.in.Page;
import org.familyqa.ports.in.QuestionUseCases;
import org.familyqa.ports.in.Result;

/**
 * A minimal in-memory implementation of the four use case interfaces the HTTP adapter calls.
 *
 * <p>TODO: replace with the core's services ({@code org.familyqa.application}) over the ports' in-memory store
 * once they are merged; until then this stand-in checks only what the routes need: token lookup, family scoping,
 * newest-first paging with an opaque cursor, and conflicts.
 */
final class StandInUseCases implements FamilyUseCases, AuthenticationUseCases, QuestionUseCases,
        MqttAccessUseCases {

    static final String ADMIN_TOKEN = "admin-" + UUID.randomUUID();

    private final Map<FamilyId, Family> families = new HashMap<>();
    private final Map<String, FamilyId> tokens = new HashMap<>();
    private final List<Question> questions = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();
    private final Map<FamilyId, Boolean> mqttEnabled = new HashMap<>();
    private long clockMicros = Instant.now().toEpochMilli() * 1000;

    HttpUseCases asHttpUseCases() {
        return new HttpUseCases(this, this, this, this);
    }

    private Instant tick() {
        clockMicros++;
        return Instant.ofEpochSecond(0, clockMicros * 1000);
    }

    @Override
    public synchronized Result<CreatedFamily> createFamily(FamilyName name, Optional<TopicPrefix> topicSlug) {
        FamilyId id = new FamilyId(UUID.randomUUID());
        TopicPrefix prefix = topicSlug.orElse(TopicPrefix.ofFamily(id));
        if (families.values().stream().anyMatch(family -> family.topicPrefix().equals(prefix))) {
            return Result.rejected(Rejection.of(ErrorCode.CONFLICT, TopicPrefix.FIELD, "topic_slug is taken."));
        }
        Family family = new Family(id, name, prefix, tick());
        families.put(id, family);
        String token = "fqa_" + id.value().toString().replace("-", "") + "_" + UUID.randomUUID().toString()
                .replace("-", "");
        tokens.put(token, id);
        return Result.ok(new CreatedFamily(family, token));
    }

    @Override
    public synchronized Optional<Family> getFamily(FamilyId id) {
        return Optional.ofNullable(families.get(id));
    }

    @Override
    public synchronized Result<Page<Family>> listFamilies(Optional<String> cursor, int limit) {
        List<Family> all = families.values().stream().sorted(Comparator.comparing(Family::createdAt)).toList();
        return Result.ok(new Page<>(all.subList(0, Math.min(limit, all.size())), Optional.empty()));
    }

    @Override
    public synchronized Optional<FamilyId> authenticateFamily(String token) {
        return Optional.ofNullable(tokens.get(token));
    }

    @Override
    public boolean authenticateAdmin(String token) {
        return ADMIN_TOKEN.equals(token);
    }

    @Override
    public Optional<String> initializeAdminToken(Optional<String> configured) {
        return Optional.empty();
    }

    @Override
    public synchronized Result<Question> ask(FamilyId familyId, AskRequest request, Source source) {
        if (!families.containsKey(familyId)) {
            return Result.rejected(Rejection.ofMessage(ErrorCode.NOT_FOUND, "Family not found."));
        }
        Question question = new Question(new QuestionId(UUID.randomUUID()), familyId, request.text(),
                request.category(), request.askedBy(), source, tick());
        questions.add(question);
        return Result.ok(question);
    }

    @Override
    public synchronized Result<Answer> answer(FamilyId familyId, RespondRequest request, Source source) {
        boolean known = questions.stream()
                .anyMatch(q -> q.id().equals(request.questionId()) && q.familyId().equals(familyId));
        if (!known) {
            return Result.rejected(Rejection.of(ErrorCode.UNKNOWN_QUESTION, QuestionId.FIELD,
                    "No question " + request.rawQuestionId() + " in this family."));
        }
        Answer answer = new Answer(new AnswerId(UUID.randomUUID()), request.questionId(), familyId, request.text(),
                request.answeredBy(), source, tick());
        answers.add(answer);
        return Result.ok(answer);
    }

    @Override
    public synchronized Result<Page<Question>> listQuestions(FamilyId familyId, Optional<Category> category,
                                                             Optional<String> cursor, int limit) {
        List<Question> newestFirst = questions.stream()
                .filter(q -> q.familyId().equals(familyId))
                .filter(q -> category.map(c -> c.equals(q.category())).orElse(true))
                .sorted(Comparator.comparing(Question::createdAt).reversed())
                .toList();
        int start = 0;
        if (cursor.isPresent()) {
            start = indexAfter(newestFirst, cursor.get());
            if (start < 0) {
                return Result.rejected(Rejection.of(ErrorCode.INVALID_FIELD, "cursor", "cursor is not valid."));
            }
        }
        int end = Math.min(newestFirst.size(), start + limit);
        Optional<String> next = end < newestFirst.size()
                ? Optional.of(newestFirst.get(end - 1).id().toString())
                : Optional.empty();
        return Result.ok(new Page<>(newestFirst.subList(start, end), next));
    }

    private static int indexAfter(List<Question> list, String cursor) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().toString().equals(cursor)) {
                return i + 1;
            }
        }
        return -1;
    }

    @Override
    public synchronized Optional<QuestionWithAnswers> getQuestion(FamilyId familyId, QuestionId questionId) {
        return questions.stream()
                .filter(q -> q.id().equals(questionId) && q.familyId().equals(familyId))
                .findFirst()
                .map(q -> new QuestionWithAnswers(q, answers.stream()
                        .filter(a -> a.questionId().equals(questionId)).toList()));
    }

    @Override
    public synchronized Result<MqttCredentials> enable(FamilyId familyId) {
        if (!families.containsKey(familyId)) {
            return Result.rejected(Rejection.ofMessage(ErrorCode.NOT_FOUND, "Family not found."));
        }
        mqttEnabled.put(familyId, true);
        return Result.ok(credentials(familyId));
    }

    @Override
    public synchronized Result<MqttStatus> disable(FamilyId familyId) {
        mqttEnabled.put(familyId, false);
        return status(familyId);
    }

    @Override
    public synchronized Result<MqttStatus> status(FamilyId familyId) {
        TopicPrefix prefix = families.get(familyId).topicPrefix();
        boolean enabled = mqttEnabled.getOrDefault(familyId, false);
        return Result.ok(new MqttStatus(enabled, Optional.of(MqttUsername.forPrefix(prefix)), prefix,
                topics(prefix), Optional.empty(), false));
    }

    @Override
    public synchronized Result<MqttCredentials> resetCredentials(FamilyId familyId) {
        if (!mqttEnabled.getOrDefault(familyId, false)) {
            return Result.rejected(Rejection.ofMessage(ErrorCode.CONFLICT, "MQTT is disabled."));
        }
        return Result.ok(credentials(familyId));
    }

    @Override
    public Result<Duration> testConnection(FamilyId familyId) {
        return Result.ok(Duration.ofMillis(3));
    }

    private MqttCredentials credentials(FamilyId familyId) {
        TopicPrefix prefix = families.get(familyId).topicPrefix();
        return new MqttCredentials(MqttUsername.forPrefix(prefix), "pw-" + UUID.randomUUID(), prefix, topics(prefix),
                tick());
    }

    private static List<String> topics(TopicPrefix prefix) {
        return Stream.of(FamilyTopic.values()).map(prefix::topic).toList();
    }
}
