package org.familyqa.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.ports.out.PasswordHasher;

/**
 * Salted SHA-256 hashing of server-generated secrets, encoded as {@code sha256$<base64 salt>$<base64 hash>}.
 *
 * <p>The hash is SHA-256 over a random 16-byte salt followed by the secret's UTF-8 bytes. A fast hash is enough
 * because every secret hashed here carries at least 128 random bits, and it keeps thousands of reconnecting devices
 * cheap to check. Comparison runs in constant time. Safe to use from many threads.
 *
 * @since 0.1.0
 */
public final class SaltedSha256PasswordHasher implements PasswordHasher {

    /** The name at the start of every encoded hash. */
    public static final String SCHEME = "sha256";

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final SecureRandom random;

    /** Creates a hasher that draws salts from {@code random}. */
    public SaltedSha256PasswordHasher(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Hashes {@code secret} with a new random salt. */
    @Override
    public PasswordHash hash(String secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder base64 = Base64.getEncoder();
        return new PasswordHash(SCHEME + "$" + base64.encodeToString(salt) + "$"
                + base64.encodeToString(digest(salt, secret)));
    }

    /** Returns whether {@code secret} matches {@code hash}; false for a hash that is not in this class's format. */
    @Override
    public boolean matches(String secret, PasswordHash hash) {
        Objects.requireNonNull(secret, "secret");
        String[] parts = hash.encoded().split("\\$", -1);
        if (parts.length != 3 || !SCHEME.equals(parts[0])) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(parts[1]);
            expected = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (expected.length != HASH_BYTES) {
            return false;
        }
        return MessageDigest.isEqual(expected, digest(salt, secret));
    }

    private static byte[] digest(byte[] salt, String secret) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
        sha256.update(salt);
        return sha256.digest(secret.getBytes(StandardCharsets.UTF_8));
    }
}
