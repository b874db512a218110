package org.familyqa.adapter.mqtt.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import org.familyqa.domain.mqtt.TopicPrefix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyTopicsTest {

    private final TopicPrefix prefix = new TopicPrefix("smith");

    @Test
    void acceptsTopicBelowPrefix() {
        assertThat(ReplyTopics.replyTopic(prefix, "family/smith/replies/kitchen-1"))
                .contains("family/smith/replies/kitchen-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"family/jones/replies", "family/smith", "family/smith/", "family/smith/ask",
            "family/smith/respond", "family/smith/questions", "family/smith/errors", "family/smith/probe",
            "family/smith/a//b", "family/smith/+", "family/smith/#", "family/smithy/replies", "$SYS/x",
            "family/smith/a/b/c/d/e/f/g/h/i", "family/smith/caf\u00e9"})
    void rejectsTopicOutsideOrReserved(String responseTopic) {
        assertThat(ReplyTopics.replyTopic(prefix, responseTopic)).isEmpty();
    }
}
