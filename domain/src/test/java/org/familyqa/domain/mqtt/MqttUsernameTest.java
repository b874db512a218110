package org.familyqa.domain.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyqa.domain.Rejections.rejectionOf;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MqttUsernameTest {

    @Test
    void derivesUsernameFromPrefix() {
        MqttUsername username = MqttUsername.forPrefix(new TopicPrefix("rivera"));

        assertThat(username.value()).isEqualTo("fam-rivera");
        assertThat(username.prefix()).isEqualTo(new TopicPrefix("rivera"));
    }

    @Test
    void derivesUsernameFromLongestSlug() {
        TopicPrefix prefix = new TopicPrefix("a".repeat(64));

        assertThat(MqttUsername.forPrefix(prefix).prefix()).isEqualTo(prefix);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fam-abc", "fam-3f2b8c1e-9a4d-4e7f-8b6a-0c5d2e1f4a7b", "fam-a-b"})
    void acceptsFamilyUsername(String name) {
        assertThat(new MqttUsername(name).value()).isEqualTo(name);
        assertThat(MqttUsername.isFamilyUsername(name)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "fam-", "fam-ab", "fam--abc", "Fam-abc", "fam-ABC", "fam_abc", "familyqa-server", "admin", "server",
        "fam-abc/def", "fam-abc+", "fam-abc#", " fam-abc", "fam-abc "
    })
    void rejectsOtherNames(String name) {
        Rejection rejection = rejectionOf(() -> new MqttUsername(name));

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo("username");
        assertThat(MqttUsername.isFamilyUsername(name)).isFalse();
    }

    @Test
    void rejectsSlugOverSixtyFourCharacters() {
        assertThat(MqttUsername.isFamilyUsername("fam-" + "a".repeat(64))).isTrue();
        assertThat(MqttUsername.isFamilyUsername("fam-" + "a".repeat(65))).isFalse();
    }
}
