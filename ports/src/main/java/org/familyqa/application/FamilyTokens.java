package org.familyqa.application;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.mqtt.Secrets;
import org.familyqa.ports.out.PasswordHasher;

/**
 * Family API tokens of the form {@code fqa_<family id as 32 hex digits>_<secret>}.
 *
 * <p>The id inside the token picks the one stored hash to check, so authentication needs no search. The whole token
 * is hashed, so the stored hash binds the secret to its family.
 */
final class FamilyTokens {

    private static final String START = "fqa_";
    private static final Pattern FORMAT = Pattern.compile("fqa_[0-9a-f]{32}_[A-Za-z0-9_-]{1,100}");

    private final Secrets secrets;
    private final PasswordHasher hasher;

    FamilyTokens(Secrets secrets, PasswordHasher hasher) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /** A new token in plain text and its hash. */
    record Issued(String token, PasswordHash hash) {
        @Override
        public String toString() {
            return "Issued[token=hidden]";
        }
    }

    Issued issue(FamilyId familyId) {
        String token = START + familyId.value().toString().replace("-", "") + "_" + secrets.newSecret();
        return new Issued(token, hasher.hash(token));
    }

    /** Returns the family a token names, or empty if the token is not in the family-token format. */
    static Optional<FamilyId> familyOf(String token) {
        if (token == null || !FORMAT.matcher(token).matches()) {
            return Optional.empty();
        }
        String hex = token.substring(START.length(), START.length() + 32);
        UUID id = new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                Long.parseUnsignedLong(hex.substring(16), 16));
        return Optional.of(new FamilyId(id));
    }

    boolean matches(String token, PasswordHash hash) {
        return hasher.matches(token, hash);
    }
}
