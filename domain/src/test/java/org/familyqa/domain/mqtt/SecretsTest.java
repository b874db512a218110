package org.familyqa.domain.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SecretsTest {

    private final Secrets secrets = new Secrets(new SecureRandom());

    @Test
    void secretIsThirtyTwoUrlSafeCharacters() {
        String secret = secrets.newSecret();

        assertThat(secret).hasSize(32);
        assertThat(secret).matches("[A-Za-z0-9_-]{32}");
    }

    @Test
    void secretCarriesAtLeast128Bits() {
        byte[] decoded = Base64.getUrlDecoder().decode(secrets.newSecret());

        assertThat(decoded.length * 8).isGreaterThanOrEqualTo(128);
        assertThat(Secrets.SECRET_BYTES * 8).isGreaterThanOrEqualTo(128);
    }

    @Test
    void thousandSecretsAreDistinct() {
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 1000; i++) {
            String secret = secrets.newSecret();
            assertThat(secret).matches("[A-Za-z0-9_-]{32}");
            seen.add(secret);
        }

        assertThat(seen).hasSize(1000);
    }

    @Test
    void passwordHashHidesItsValue() {
        PasswordHash hash = new PasswordHash("sha256$c2FsdA$aGFzaA");

        assertThat(hash.toString()).doesNotContain("c2FsdA").doesNotContain("aGFzaA");
    }
}
