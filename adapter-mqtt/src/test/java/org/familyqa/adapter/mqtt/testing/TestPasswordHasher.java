package org.familyqa.adapter.mqtt.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.ports.out.PasswordHasher;

/**
 * A salted SHA-256 {@link PasswordHasher} for broker tests, encoding {@code sha256$<salt>$<hash>}.
 *
 * <p>TODO: replace with the application's salted SHA-256 hasher once it exists.
 */
public final class TestPasswordHasher implements PasswordHasher {

    private final SecureRandom random = new SecureRandom();

    @Override
    public PasswordHash hash(String secret) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Base64.Encoder encoder = Base64.getEncoder().withoutPadding();
        return new PasswordHash("sha256$" + encoder.encodeToString(salt) + "$"
                + encoder.encodeToString(digest(salt, secret)));
    }

    @Override
    public boolean matches(String secret, PasswordHash hash) {
        String[] parts = hash.encoded().split("\\$", -1);
        if (parts.length != 3 || !parts[0].equals("sha256")) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[1]);
        byte[] expected = Base64.getDecoder().decode(parts[2]);
        return MessageDigest.isEqual(expected, digest(salt, secret));
    }

    private static byte[] digest(byte[] salt, String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
