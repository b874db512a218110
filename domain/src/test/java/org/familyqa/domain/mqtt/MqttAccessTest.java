package org.familyqa.domain.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.familyqa.domain.family.FamilyId;
import org.junit.jupiter.api.Test;

class MqttAccessTest {

    private static final FamilyId FAMILY = new FamilyId(UUID.fromString("3f2b8c1e-9a4d-4e7f-8b6a-0c5d2e1f4a7b"));
    private static final TopicPrefix PREFIX = new TopicPrefix("rivera");
    private static final Instant ISSUED = Instant.parse("2025-01-01T10:00:00Z");

    private final MqttAccess access = new MqttAccess(FAMILY, true, MqttUsername.forPrefix(PREFIX),
            new PasswordHash("sha256$old"), PREFIX, ISSUED);

    @Test
    void rejectsUsernameOfAnotherPrefix() {
        assertThatThrownBy(() -> new MqttAccess(FAMILY, true, new MqttUsername("fam-other"),
                new PasswordHash("sha256$x"), PREFIX, ISSUED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fam-other");
    }

    @Test
    void disablingKeepsUsernameAndPrefix() {
        MqttAccess disabled = access.disabled();

        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.username()).isEqualTo(access.username());
        assertThat(disabled.prefix()).isEqualTo(PREFIX);
    }

    @Test
    void newPasswordEnablesAndRecordsIssueTime() {
        Instant later = ISSUED.plusSeconds(60);

        MqttAccess renewed = access.disabled().withNewPassword(new PasswordHash("sha256$new"), later);

        assertThat(renewed.enabled()).isTrue();
        assertThat(renewed.passwordHash()).isEqualTo(new PasswordHash("sha256$new"));
        assertThat(renewed.issuedAt()).isEqualTo(later);
    }
}
