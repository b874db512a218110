package org.familyqa.domain.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A token bucket: {@code burst} tokens at most, refilled continuously at {@code ratePerSecond}.
 *
 * <p>The caller passes the current time into every call, so the bucket has no clock of its own and tests can drive
 * it exactly. Instances are not thread-safe; {@link FamilyRateLimiter} serialises access per family.
 */
public final class TokenBucket {

    private final RateLimit limit;
    private double tokens;
    private Instant lastRefill;

    public TokenBucket(RateLimit limit, Instant now) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.tokens = limit.burst();
        this.lastRefill = Objects.requireNonNull(now, "now");
    }

    /**
     * Takes one token if one is available.
     *
     * @param now the current time; a time before the previous call is treated as no time passing
     * @return whether a token was taken
     */
    public boolean tryTake(Instant now) {
        refill(now);
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }

    /** Returns whether the bucket is full at {@code now}, so that an idle family's bucket can be dropped. */
    public boolean isFull(Instant now) {
        refill(now);
        return tokens >= limit.burst();
    }

    private void refill(Instant now) {
        if (now.isAfter(lastRefill)) {
            double seconds = Duration.between(lastRefill, now).toNanos() / 1e9;
            tokens = Math.min(limit.burst(), tokens + seconds * limit.ratePerSecond());
            lastRefill = now;
        }
    }
}
