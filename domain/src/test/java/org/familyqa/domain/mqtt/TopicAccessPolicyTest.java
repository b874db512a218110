package org.familyqa.domain.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyqa.domain.mqtt.TopicAccessPolicy.mayPublish;
import static org.familyqa.domain.mqtt.TopicAccessPolicy.maySubscribe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Access rules for family A ({@code family/abc}), whose slug is the start of family B's ({@code family/abcd}). */
class TopicAccessPolicyTest {

    private static final BrokerAccount FAMILY_A = new BrokerAccount.Family(new TopicPrefix("abc"));
    private static final BrokerAccount SERVER = new BrokerAccount.Server();

    @ParameterizedTest
    @ValueSource(strings = {"family/abc/ask", "family/abc/respond"})
    void familyPublishesOwnDeviceTopics(String topic) {
        assertThat(mayPublish(FAMILY_A, topic)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "family/abc/questions", "family/abc/answers", "family/abc/errors", "family/abc", "family/abc/ask/",
        "family/abc/ask/x", "family/abc//ask", "family//ask", "family/abcd/ask", "family/ab/ask", "family/xyz/respond",
        "family/+/ask", "family/abc/#", "#", "$SYS/broker/clients", "$CONTROL/dynamic-security/v1",
        "$share/g/family/abc/ask", "/family/abc/ask", "Family/abc/ask", "family/abc/ASK", "family/abc/ask\u0000"
    })
    void familyPublishesNothingElse(String topic) {
        assertThat(mayPublish(FAMILY_A, topic)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "family/abc/#", "family/abc/questions", "family/abc", "family/abc/answers", "family/abc/errors",
        "family/abc/+", "family/abc/ask"
    })
    void familySubscribesWithinOwnPrefix(String filter) {
        assertThat(maySubscribe(FAMILY_A, filter)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "family/xyz/#", "#", "+/#", "+", "+/abc/#", "family/+/questions", "family/+/#", "family/#", "family/+",
        "family", "$SYS/#", "$SYS/broker/clients/connected", "$CONTROL/dynamic-security/v1", "$CONTROL/#",
        "family//ask", "family/abc//questions", "family/abc/", "$share/g/family/abc/#", "$share/g/family/abc/questions",
        "family/abcd/ask", "family/abcd/#", "family/ab/#", "/family/abc/#", "family/abc/#/x", "family/abc\u0000/#"
    })
    void familySubscribesNowhereElse(String filter) {
        assertThat(maySubscribe(FAMILY_A, filter)).isFalse();
    }

    @Test
    void prefixNeverMatchesLongerSlug() {
        BrokerAccount familyB = new BrokerAccount.Family(new TopicPrefix("abcd"));

        assertThat(mayPublish(FAMILY_A, "family/abcd/ask")).isFalse();
        assertThat(maySubscribe(FAMILY_A, "family/abcd/questions")).isFalse();
        assertThat(mayPublish(familyB, "family/abc/ask")).isFalse();
        assertThat(maySubscribe(familyB, "family/abc/#")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "$share/group/family/+/ask", "$share/group/family/+/respond", "family/+/ask", "family/abc/ask",
        "$share/group/family/abc/#"
    })
    void serverSubscribesToFamilyTopics(String filter) {
        assertThat(maySubscribe(SERVER, filter)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "$SYS/#", "$share/group/$SYS/#", "#", "+/#", "family/#", "$CONTROL/dynamic-security/v1", "family//ask",
        "$share/group/family//ask", "other/abc/ask", "family/ab/ask"
    })
    void serverSubscribesNowhereElse(String filter) {
        assertThat(maySubscribe(SERVER, filter)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "family/xyz/questions", "family/abc/answers", "family/abc/errors", "family/abc/replies/device-7",
        "family/3f2b8c1e-9a4d-4e7f-8b6a-0c5d2e1f4a7b/questions"
    })
    void serverPublishesBelowAnyFamilyPrefix(String topic) {
        assertThat(mayPublish(SERVER, topic)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "$SYS/broker/x", "$CONTROL/dynamic-security/v1", "family/abc", "family/+/questions", "family/abc/#",
        "family//questions", "family/abc/questions/", "family/x/questions", "other/abc/questions"
    })
    void serverPublishesNowhereElse(String topic) {
        assertThat(mayPublish(SERVER, topic)).isFalse();
    }
}
