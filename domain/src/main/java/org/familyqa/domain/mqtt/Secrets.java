package org.familyqa.domain.mqtt;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * Generator of server-issued secrets: broker passwords and API tokens.
 *
 * <p>Each secret carries {@value #SECRET_BYTES} random bytes (192 bits) from a {@link SecureRandom}, encoded as
 * URL-safe Base64 without padding, so it is 32 characters of {@code [A-Za-z0-9_-]} and safe in a shell, a URL, a
 * YAML file or C source.
 */
public final class Secrets {

    /** Random bytes per secret; 24 bytes give 192 bits, above the 128 bits the product requires. */
    public static final int SECRET_BYTES = 24;

    private final SecureRandom random;

    public Secrets(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Returns a new random secret of 32 URL-safe characters. */
    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
