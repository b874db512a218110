package org.familyqa.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.familyqa.domain.ratelimit.RateLimit;
import org.familyqa.ports.in.Result;

/** Rejections and small helpers that several services share. */
final class Rejections {

    static final String LIMIT_FIELD = "limit";

    private Rejections() {
    }

    static <T> Result<T> familyNotFound() {
        return Result.rejected(Rejection.of(ErrorCode.NOT_FOUND, "family_id", "No family with this id exists."));
    }

    /** Returns a rejection of {@code limit} if it is outside 1 to {@code max}, or null if it is valid. */
    static Rejection checkLimit(int limit, int max) {
        if (limit >= 1 && limit <= max) {
            return null;
        }
        return Rejection.of(ErrorCode.INVALID_FIELD, LIMIT_FIELD,
                "limit must be 1 to " + max + ", not " + limit + ".");
    }

    /** Returns the clock's time truncated to microseconds, the precision the stores keep. */
    /** Returns the rejection of a message over the family's rate limit, naming the limit. */
    static Rejection rateLimited(RateLimit limit) {
        return Rejection.ofMessage(ErrorCode.RATE_LIMITED, "The family sent more than "
                + limit.ratePerSecond() + " questions and answers per second (bursts of " + limit.burst()
                + "); send more slowly and send this one again.");
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
