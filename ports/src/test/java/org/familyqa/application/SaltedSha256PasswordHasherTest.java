package org.familyqa.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

import org.familyqa.domain.mqtt.PasswordHash;

class SaltedSha256PasswordHasherTest {

    private final SaltedSha256PasswordHasher hasher = new SaltedSha256PasswordHasher(new SecureRandom());

    @Test
    void hashMatchesItsSecret() {
        PasswordHash hash = hasher.hash("s3cret-🍪");

        assertThat(hasher.matches("s3cret-🍪", hash)).isTrue();
        assertThat(hasher.matches("s3cret-", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
    }

    @Test
    void hashHasSchemeSaltAndDigest() {
        String encoded = hasher.hash("secret").encoded();

        assertThat(encoded).matches("sha256\\$[A-Za-z0-9+/]{22}==\\$[A-Za-z0-9+/]{43}=");
        assertThat(encoded).doesNotContain("secret".substring(1));
    }

    @Test
    void sameSecretGetsDifferentSalts() {
        PasswordHash first = hasher.hash("secret");
        PasswordHash second = hasher.hash("secret");

        assertThat(first.encoded()).isNotEqualTo(second.encoded());
        assertThat(hasher.matches("secret", second)).isTrue();
    }

    @Test
    void unknownFormatsNeverMatch() {
        String valid = hasher.hash("secret").encoded();
        String[] parts = valid.split("\\$");

        assertThat(hasher.matches("secret", new PasswordHash("bcrypt$" + parts[1] + "$" + parts[2]))).isFalse();
        assertThat(hasher.matches("secret", new PasswordHash("sha256$" + parts[1]))).isFalse();
        assertThat(hasher.matches("secret", new PasswordHash("sha256$!!$" + parts[2]))).isFalse();
        assertThat(hasher.matches("secret", new PasswordHash("sha256$" + parts[1] + "$AAAA"))).isFalse();
        assertThat(hasher.matches("secret", new PasswordHash(valid + "$x"))).isFalse();
    }
}
