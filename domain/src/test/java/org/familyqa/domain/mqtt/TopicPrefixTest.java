package org.familyqa.domain.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyqa.domain.Rejections.rejectionOf;

import java.util.UUID;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.familyqa.domain.family.FamilyId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicPrefixTest {

    @ParameterizedTest
    @ValueSource(ints = {3, 4, 63, 64})
    void acceptsSlugWithinLengthLimits(int length) {
        String slug = "a".repeat(length);

        assertThat(new TopicPrefix(slug).slug()).isEqualTo(slug);
        assertThat(TopicPrefix.isValidSlug(slug)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 65})
    void rejectsSlugOutsideLengthLimits(int length) {
        String slug = "a".repeat(length);

        Rejection rejection = rejectionOf(() -> new TopicPrefix(slug));

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo("topic_slug");
        assertThat(rejection.message()).contains("3 to 64 characters");
        assertThat(TopicPrefix.isValidSlug(slug)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "Smith", "-abc", "ab/c", "ab+c", "ab#c", "$sys", "abc ", "ab_c", "ab.c", "\u00fcn\u00efc\u00f6d\u00e9",
        "ab\u0000c", "family/abc"
    })
    void rejectsSlugWithForbiddenCharacters(String slug) {
        assertThat(rejectionOf(() -> new TopicPrefix(slug)).field()).isEqualTo("topic_slug");
        assertThat(TopicPrefix.isValidSlug(slug)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0ab", "a-b", "abc-", "smith-jones-2"})
    void acceptsSlugWithLettersDigitsAndHyphens(String slug) {
        assertThat(new TopicPrefix(slug).value()).isEqualTo("family/" + slug);
    }

    @Test
    void defaultPrefixIsFamilyId() {
        UUID id = UUID.fromString("3f2b8c1e-9a4d-4e7f-8b6a-0c5d2e1f4a7b");

        TopicPrefix prefix = TopicPrefix.ofFamily(new FamilyId(id));

        assertThat(prefix.value()).isEqualTo("family/3f2b8c1e-9a4d-4e7f-8b6a-0c5d2e1f4a7b");
    }

    @Test
    void buildsEachFamilyTopic() {
        TopicPrefix prefix = new TopicPrefix("rivera");

        assertThat(prefix.topic(FamilyTopic.QUESTIONS)).isEqualTo("family/rivera/questions");
        assertThat(prefix.topic(FamilyTopic.ANSWERS)).isEqualTo("family/rivera/answers");
        assertThat(prefix.topic(FamilyTopic.ASK)).isEqualTo("family/rivera/ask");
        assertThat(prefix.topic(FamilyTopic.RESPOND)).isEqualTo("family/rivera/respond");
        assertThat(prefix.topic(FamilyTopic.ERRORS)).isEqualTo("family/rivera/errors");
    }

    @Test
    void readsPrefixOfTopic() {
        assertThat(TopicPrefix.ofTopic("family/rivera/ask")).contains(new TopicPrefix("rivera"));
        assertThat(TopicPrefix.ofTopic("family/rivera")).contains(new TopicPrefix("rivera"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"family/ab/ask", "family//ask", "families/rivera/ask", "family", "family/", "$SYS/x",
        "family/Rivera/ask", "x/family/rivera"})
    void findsNoPrefixInOtherTopics(String topic) {
        assertThat(TopicPrefix.ofTopic(topic)).isEmpty();
    }

    @Test
    void onlyDeviceTopicsAreDeviceWritable() {
        assertThat(FamilyTopic.ASK.deviceWritable()).isTrue();
        assertThat(FamilyTopic.RESPOND.deviceWritable()).isTrue();
        assertThat(FamilyTopic.QUESTIONS.deviceWritable()).isFalse();
        assertThat(FamilyTopic.ANSWERS.deviceWritable()).isFalse();
        assertThat(FamilyTopic.ERRORS.deviceWritable()).isFalse();
    }
}
