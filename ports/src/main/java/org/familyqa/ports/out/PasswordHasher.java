package org.familyqa.ports.out;

import org.familyqa.domain.mqtt.PasswordHash;

/**
 * Hashing of server-generated secrets: API tokens and broker passwords.
 *
 * <p>Implementations salt every hash and compare in constant time. The secrets hashed here are random with at
 * least 128 bits, so a fast salted hash is as strong as a slow one. See {@link org.familyqa.domain.mqtt.Secrets}.
 *
 * @since 0.1.0
 */
public interface PasswordHasher {

    /** Hashes a secret with a new random salt. */
    PasswordHash hash(String secret);

    /** Returns whether {@code secret} matches {@code hash}; false for a hash in an unknown format. */
    boolean matches(String secret, PasswordHash hash);
}
