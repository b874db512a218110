package org.familyqa.domain.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.familyqa.domain.family.FamilyId;
import org.junit.jupiter.api.Test;

class FamilyRateLimiterTest {

    private static final Instant START = Instant.parse("2025-01-01T10:00:00Z");
    private static final FamilyId FAMILY_A = new FamilyId(UUID.fromString("00000000-0000-4000-8000-00000000000a"));
    private static final FamilyId FAMILY_B = new FamilyId(UUID.fromString("00000000-0000-4000-8000-00000000000b"));

    private final FamilyRateLimiter limiter = new FamilyRateLimiter(RateLimit.DEFAULT);

    private void exhaust(FamilyId family, Instant now) {
        for (int i = 0; i < 30; i++) {
            assertThat(limiter.tryAcquire(family, now)).as("message %d of the burst", i + 1).isTrue();
        }
    }

    @Test
    void rejectsMessageAfterBurst() {
        exhaust(FAMILY_A, START);

        assertThat(limiter.tryAcquire(FAMILY_A, START)).isFalse();
    }

    @Test
    void keepsFamiliesApart() {
        exhaust(FAMILY_A, START);

        assertThat(limiter.tryAcquire(FAMILY_B, START)).isTrue();
        assertThat(limiter.tryAcquire(FAMILY_A, START)).isFalse();
    }

    @Test
    void refillsAtConfiguredRate() {
        exhaust(FAMILY_A, START);

        assertThat(limiter.tryAcquire(FAMILY_A, START.plusMillis(100))).isTrue();
        assertThat(limiter.tryAcquire(FAMILY_A, START.plusMillis(100))).isFalse();
    }

    @Test
    void evictionKeepsPartlyEmptyBuckets() {
        exhaust(FAMILY_A, START);

        limiter.evictIdle(START.plusSeconds(1));

        for (int i = 0; i < 10; i++) {
            assertThat(limiter.tryAcquire(FAMILY_A, START.plusSeconds(1))).isTrue();
        }
        assertThat(limiter.tryAcquire(FAMILY_A, START.plusSeconds(1))).isFalse();
    }

    @Test
    void evictionOfFullBucketsChangesNothingVisible() {
        exhaust(FAMILY_A, START);
        Instant refilled = START.plusSeconds(3);

        limiter.evictIdle(refilled);

        exhaust(FAMILY_A, refilled);
        assertThat(limiter.tryAcquire(FAMILY_A, refilled)).isFalse();
    }

    @Test
    void usesConfiguredLimit() {
        FamilyRateLimiter strict = new FamilyRateLimiter(new RateLimit(1, 2));

        assertThat(strict.tryAcquire(FAMILY_A, START)).isTrue();
        assertThat(strict.tryAcquire(FAMILY_A, START)).isTrue();
        assertThat(strict.tryAcquire(FAMILY_A, START)).isFalse();
        assertThat(strict.tryAcquire(FAMILY_A, START.plusSeconds(1))).isTrue();
        assertThat(strict.limit()).isEqualTo(new RateLimit(1, 2));
    }
}
