package org.familyqa.ports.in;

import java.util.Optional;

import org.familyqa.domain.family.FamilyId;

/**
 * Checking API tokens, and issuing the admin token.
 *
 * <p>A family token has the form {@code fqa_<family id without hyphens>_<secret>}, so that it is checked against one
 * stored hash, in constant time, without searching.
 *
 * @since 0.1.0
 */
public interface AuthenticationUseCases {

    /** Returns the family whose token this is; empty for a malformed, unknown or wrong token. */
    Optional<FamilyId> authenticateFamily(String token);

    /** Returns whether this is the admin token. */
    boolean authenticateAdmin(String token);

    /**
     * Makes sure an admin token exists, at server start.
     *
     * @param configured the token from configuration, if the operator set one; its hash replaces the stored one
     * @return a newly generated token to show the operator once, or empty if a token was configured or already
     *         stored
     */
    Optional<String> initializeAdminToken(Optional<String> configured);
}
