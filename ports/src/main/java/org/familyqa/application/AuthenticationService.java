package org.familyqa.application;

import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.mqtt.Secrets;
import org.familyqa.ports.in.AuthenticationUseCases;
import org.familyqa.ports.out.AdminTokenRepository;
import org.familyqa.ports.out.FamilyRepository;
import org.familyqa.ports.out.PasswordHasher;

/**
 * Checks family and admin tokens against their stored hashes, and issues the admin token at start.
 *
 * @since 0.1.0
 */
public final class AuthenticationService implements AuthenticationUseCases {

    private final FamilyRepository families;
    private final AdminTokenRepository adminTokens;
    private final PasswordHasher hasher;
    private final Secrets secrets;

    AuthenticationService(FamilyRepository families, AdminTokenRepository adminTokens, PasswordHasher hasher,
                          Secrets secrets) {
        this.families = Objects.requireNonNull(families, "families");
        this.adminTokens = Objects.requireNonNull(adminTokens, "adminTokens");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /** Returns the family whose token this is; empty for a malformed, unknown or wrong token, or {@code null}. */
    @Override
    public Optional<FamilyId> authenticateFamily(String token) {
        Optional<FamilyId> named = FamilyTokens.familyOf(token);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Optional<PasswordHash> hash = families.findTokenHash(named.get());
        if (hash.isPresent() && hasher.matches(token, hash.get())) {
            return named;
        }
        return Optional.empty();
    }

    /** Returns whether this is the admin token; false for {@code null} or when no admin token is stored. */
    @Override
    public boolean authenticateAdmin(String token) {
        if (token == null || token.isEmpty()) {
            return false;
        }
        return adminTokens.find().map(hash -> hasher.matches(token, hash)).orElse(false);
    }

    /**
     * Makes sure an admin token exists. A configured token replaces the stored hash; otherwise a token is generated
     * only if none is stored, and only the server instance whose hash was stored first gets it back.
     *
     * @throws IllegalArgumentException if the configured token is blank
     */
    @Override
    public Optional<String> initializeAdminToken(Optional<String> configured) {
        if (configured.isPresent()) {
            if (configured.get().isBlank()) {
                throw new IllegalArgumentException("the configured admin token must not be blank");
            }
            adminTokens.replace(hasher.hash(configured.get()));
            return Optional.empty();
        }
        if (adminTokens.find().isPresent()) {
            return Optional.empty();
        }
        String token = secrets.newSecret();
        return adminTokens.saveIfAbsent(hasher.hash(token)) ? Optional.of(token) : Optional.empty();
    }
}
