package org.familyqa.ports.out;

import java.util.Optional;

import org.familyqa.domain.mqtt.PasswordHash;

/**
 * The hash of the server's admin token, which may create and list families.
 *
 * @since 0.1.0
 */
public interface AdminTokenRepository {

    /** Returns the stored hash, if a token was ever issued. */
    Optional<PasswordHash> find();

    /**
     * Stores the hash unless one is stored already.
     *
     * @return whether this call stored it; {@code false} when another server instance was first
     * @throws StoreUnavailableException if the store failed
     */
    boolean saveIfAbsent(PasswordHash hash);

    /**
     * Replaces the stored hash, as when the operator configures a new admin token.
     *
     * @throws StoreUnavailableException if the store failed
     */
    void replace(PasswordHash hash);
}
