package org.familyqa.domain.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicFilterTest {

    @ParameterizedTest
    @ValueSource(strings = {"#", "a/#", "+", "+/#", "a/+/b", "+/+", "family/abc/#", "a/b/c", "/", "a//b", "a/"})
    void parsesValidFilter(String filter) {
        assertThat(TopicFilter.parseFilter(filter)).isPresent();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a/#/b", "#/a", "a#", "a/b#", "a/#b", "##", "a+", "a/+b/c", "a/b+", "++", "a\u0000b"})
    void rejectsInvalidFilter(String filter) {
        assertThat(TopicFilter.parseFilter(filter)).isEmpty();
    }

    @Test
    void splitsFilterIntoLevels() {
        TopicFilter filter = TopicFilter.parseFilter("family/abc/#").orElseThrow();

        assertThat(filter.levels()).containsExactly("family", "abc", "#");
        assertThat(filter.shareGroup()).isEmpty();
        assertThat(filter.hasWildcard()).isTrue();
    }

    @Test
    void keepsEmptyLevelsIncludingTrailing() {
        assertThat(TopicFilter.parseFilter("a//b").orElseThrow().levels()).containsExactly("a", "", "b");
        assertThat(TopicFilter.parseFilter("a/b/").orElseThrow().levels()).containsExactly("a", "b", "");
        assertThat(TopicFilter.parseFilter("a/b/").orElseThrow().hasEmptyLevel()).isTrue();
        assertThat(TopicFilter.parseFilter("a/b").orElseThrow().hasEmptyLevel()).isFalse();
    }

    @Test
    void splitsOffShareGroup() {
        TopicFilter filter = TopicFilter.parseFilter("$share/g/family/+/ask").orElseThrow();

        assertThat(filter.shareGroup()).contains("g");
        assertThat(filter.levels()).containsExactly("family", "+", "ask");
        assertThat(filter.isDollarTopic()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$share/g", "$share/g/", "$share//family/+/ask", "$share/g+/a", "$share/g#/a",
        "$share/g/a/#/b"})
    void rejectsMalformedSharedSubscription(String filter) {
        assertThat(TopicFilter.parseFilter(filter)).isEmpty();
    }

    @Test
    void marksDollarTopics() {
        assertThat(TopicFilter.parseFilter("$SYS/#").orElseThrow().isDollarTopic()).isTrue();
        assertThat(TopicFilter.parseFilter("$share/g/$SYS/#").orElseThrow().isDollarTopic()).isTrue();
        assertThat(TopicFilter.parseTopicName("$CONTROL/dynamic-security/v1").orElseThrow().isDollarTopic()).isTrue();
    }

    @Test
    void acceptsLongestFilterRejectsOneByteMore() {
        String longest = "a".repeat(65_535);

        assertThat(TopicFilter.parseFilter(longest)).isPresent();
        assertThat(TopicFilter.parseFilter(longest + "b")).isEmpty();
        assertThat(TopicFilter.parseTopicName(longest)).isPresent();
        assertThat(TopicFilter.parseTopicName(longest + "b")).isEmpty();
    }

    @Test
    void countsSizeInUtf8Bytes() {
        String threeBytesEach = "\u20ac".repeat(21_845); // 65,535 bytes

        assertThat(TopicFilter.parseFilter(threeBytesEach)).isPresent();
        assertThat(TopicFilter.parseFilter(threeBytesEach + "a")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"a/+", "a/#", "+", "#", "a/b+", "a\u0000b"})
    void rejectsWildcardOrNulInTopicName(String topic) {
        assertThat(TopicFilter.parseTopicName(topic)).isEmpty();
    }

    @Test
    void parsesTopicNameIntoLevels() {
        TopicFilter topic = TopicFilter.parseTopicName("family/abc/ask").orElseThrow();

        assertThat(topic.levels()).isEqualTo(List.of("family", "abc", "ask"));
        assertThat(topic.hasWildcard()).isFalse();
    }
}
