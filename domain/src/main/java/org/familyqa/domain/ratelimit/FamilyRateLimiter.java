package org.familyqa.domain.ratelimit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.familyqa.domain.family.FamilyId;

/**
 * One token bucket per family, safe to call from many threads.
 *
 * <p>Buckets that have refilled completely carry no information, so {@link #evictIdle} drops them and memory stays
 * proportional to the families that were active recently.
 */
public final class FamilyRateLimiter {

    private final RateLimit limit;
    private final Map<FamilyId, TokenBucket> buckets = new ConcurrentHashMap<>();

    public FamilyRateLimiter(RateLimit limit) {
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    /** Takes one token from the family's bucket, returning whether the message is within the limit. */
    public boolean tryAcquire(FamilyId familyId, Instant now) {
        TokenBucket bucket = buckets.computeIfAbsent(familyId, id -> new TokenBucket(limit, now));
        synchronized (bucket) {
            return bucket.tryTake(now);
        }
    }

    /** Drops the buckets that are full at {@code now}. */
    public void evictIdle(Instant now) {
        buckets.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return entry.getValue().isFull(now);
            }
        });
    }

    public RateLimit limit() {
        return limit;
    }
}
