package org.familyqa.adapter.http;

import java.util.Optional;
import java.util.regex.Pattern;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.ports.in.AuthenticationUseCases;

/** Reads the {@code Authorization: Bearer <token>} header and finds out who the caller is. */
final class Authenticator {

    /** Token characters of RFC 6750 {@code b64token}; anything else is malformed and never reaches the use case. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]{1,512}=*");
    private static final String SCHEME = "bearer ";

    private final AuthenticationUseCases authentication;

    Authenticator(AuthenticationUseCases authentication) {
        this.authentication = authentication;
    }

    /**
     * Authenticates a request by its Authorization header.
     *
     * @throws ApiException with 401 if the header is missing, malformed, or contains no valid token
     */
    Caller authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw unauthorized("The Authorization header is missing; send 'Authorization: Bearer <token>'.");
        }
        if (authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw unauthorized("The Authorization header is malformed; send 'Authorization: Bearer <token>'.");
        }
        String token = authorization.substring(SCHEME.length()).strip();
        if (!TOKEN.matcher(token).matches()) {
            throw unauthorized("The bearer token is malformed; send the family or admin token as issued.");
        }
        Optional<FamilyId> family = authentication.authenticateFamily(token);
        if (family.isPresent()) {
            return new Caller.Member(family.get());
        }
        if (authentication.authenticateAdmin(token)) {
            return new Caller.Admin();
        }
        throw unauthorized("The bearer token is not valid; check that it was copied completely.");
    }

    private static ApiException unauthorized(String message) {
        return ApiException.of(ErrorCode.UNAUTHORIZED, null, message);
    }
}
