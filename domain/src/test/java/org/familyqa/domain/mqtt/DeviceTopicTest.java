package org.familyqa.domain.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceTopicTest {

    @Test
    void parsesAskAndRespondTopics() {
        DeviceTopic ask = DeviceTopic.parse("family/rivera/ask").orElseThrow();
        DeviceTopic respond = DeviceTopic.parse("family/rivera/respond").orElseThrow();

        assertThat(ask.prefix()).isEqualTo(new TopicPrefix("rivera"));
        assertThat(ask.kind()).isEqualTo(FamilyTopic.ASK);
        assertThat(respond.kind()).isEqualTo(FamilyTopic.RESPOND);
        assertThat(respond.topic()).isEqualTo("family/rivera/respond");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"family/rivera/questions", "family/rivera/ask/", "family/rivera", "family/ri/ask",
        "family//ask", "other/rivera/ask", "family/rivera/ask/x"})
    void ignoresOtherTopics(String topic) {
        assertThat(DeviceTopic.parse(topic)).isEmpty();
    }

    @Test
    void rejectsServerTopicKind() {
        assertThatThrownBy(() -> new DeviceTopic(new TopicPrefix("rivera"), FamilyTopic.QUESTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QUESTIONS");
    }
}
