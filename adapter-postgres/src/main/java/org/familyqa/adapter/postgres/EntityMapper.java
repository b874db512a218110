package org.familyqa.adapter.postgres;

import java.util.Locale;
import java.util.Optional;

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
import org.familyqa.domain.question.Source;

/** Converts between JPA entities and domain records. */
final class EntityMapper {

    private EntityMapper() {
    }

    static FamilyEntity toEntity(Family family, PasswordHash tokenHash) {
        FamilyEntity entity = new FamilyEntity();
        entity.id = family.id().value();
        entity.name = family.name().value();
        entity.topicSlug = family.topicPrefix().slug();
        entity.tokenHash = tokenHash.encoded();
        entity.createdAt = Database.truncate(family.createdAt());
        return entity;
    }

    static Family toDomain(FamilyEntity entity) {
        return new Family(new FamilyId(entity.id), new FamilyName(entity.name), new TopicPrefix(entity.topicSlug),
                entity.createdAt);
    }

    static Question toDomain(QuestionEntity entity) {
        return new Question(new QuestionId(entity.id), new FamilyId(entity.familyId), new QuestionText(entity.text),
                new Category(entity.category), member(entity.askedBy), source(entity.source), entity.createdAt);
    }

    static Answer toDomain(AnswerEntity entity) {
        return new Answer(new AnswerId(entity.id), new QuestionId(entity.questionId), new FamilyId(entity.familyId),
                new AnswerText(entity.text), member(entity.answeredBy), source(entity.source), entity.createdAt);
    }

    static MqttAccessEntity toEntity(MqttAccess access) {
        MqttAccessEntity entity = new MqttAccessEntity();
        entity.familyId = access.familyId().value();
        entity.enabled = access.enabled();
        entity.username = access.username().value();
        entity.passwordHash = access.passwordHash().encoded();
        entity.topicSlug = access.prefix().slug();
        entity.issuedAt = Database.truncate(access.issuedAt());
        return entity;
    }

    static MqttAccess toDomain(MqttAccessEntity entity) {
        return new MqttAccess(new FamilyId(entity.familyId), entity.enabled, new MqttUsername(entity.username),
                new PasswordHash(entity.passwordHash), new TopicPrefix(entity.topicSlug), entity.issuedAt);
    }

    static Optional<MemberName> member(String storedName) {
        return Optional.ofNullable(storedName).map(MemberName::new);
    }

    static Source source(String code) {
        return Source.valueOf(code.toUpperCase(Locale.ROOT));
    }
}
