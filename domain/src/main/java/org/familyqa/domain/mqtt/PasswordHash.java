package org.familyqa.domain.mqtt;

import java.util.Objects;

/**
 * A stored secret's hash in an encoded, self-describing form such as {@code sha256$<salt>$<hash>}.
 *
 * <p>The encoding belongs to the hasher that produced it; the domain only carries it. {@link #toString()} hides the
 * value so that a hash never lands in a log by accident.
 */
public record PasswordHash(String encoded) {

    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.isBlank()) {
            throw new IllegalArgumentException("encoded hash must not be blank");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[hidden]";
    }
}
