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

    /** Units per token. Counting whole units keeps many small refills exact, where doubles would add up short. */
    private static final long UNITS_PER_TOKEN = 1_000_000_000L;

    private final RateLimit limit;
    private long units;
    private Instant lastRefill;

    public TokenBucket(RateLimit limit, Instant now) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.units = capacity();
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
        if (units >= UNITS_PER_TOKEN) {
            units -= UNITS_PER_TOKEN;
            return true;
        }
        return false;
    }

    /** Returns whether the bucket is full at {@code now}, so that an idle family's bucket can be dropped. */
    public boolean isFull(Instant now) {
        refill(now);
        return units >= capacity();
    }

    private long capacity() {
        return limit.burst() * UNITS_PER_TOKEN;
    }

    private void refill(Instant now) {
        if (now.isAfter(lastRefill)) {
            Duration elapsed = Duration.between(lastRefill, now);
            // One unit per nanosecond at one token per second; the rounding down loses under a unit per call.
            double added = (elapsed.getSeconds() * (double) UNITS_PER_TOKEN + elapsed.getNano())
                    * limit.ratePerSecond();
            units = (long) Math.min(capacity(), units + added);
            lastRefill = now;
        }
    }
}
