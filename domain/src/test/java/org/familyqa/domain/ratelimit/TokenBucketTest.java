package org.familyqa.domain.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenBucketTest {

    private static final Instant START = Instant.parse("2025-01-01T10:00:00Z");

    private static TokenBucket emptiedBucket() {
        TokenBucket bucket = new TokenBucket(RateLimit.DEFAULT, START);
        for (int i = 0; i < 30; i++) {
            assertThat(bucket.tryTake(START)).as("token %d of the burst", i + 1).isTrue();
        }
        return bucket;
    }

    @Test
    void allowsBurstThenRejects() {
        TokenBucket bucket = emptiedBucket();

        assertThat(bucket.tryTake(START)).isFalse();
    }

    @Test
    void refillsTenTokensPerSecond() {
        TokenBucket bucket = emptiedBucket();
        Instant oneSecondLater = START.plusSeconds(1);

        for (int i = 0; i < 10; i++) {
            assertThat(bucket.tryTake(oneSecondLater)).as("token %d after one second", i + 1).isTrue();
        }
        assertThat(bucket.tryTake(oneSecondLater)).isFalse();
    }

    @Test
    void refillsOneTokenAfterHundredMilliseconds() {
        TokenBucket bucket = emptiedBucket();

        assertThat(bucket.tryTake(START.plusMillis(99))).isFalse();
        assertThat(bucket.tryTake(START.plusMillis(100))).isTrue();
        assertThat(bucket.tryTake(START.plusMillis(100))).isFalse();
    }

    @Test
    void refillsOneTokenAfterTenSmallSteps() {
        TokenBucket bucket = emptiedBucket();

        for (int step = 1; step < 10; step++) {
            assertThat(bucket.tryTake(START.plusMillis(10L * step))).as("after %d ms", 10 * step).isFalse();
        }
        assertThat(bucket.tryTake(START.plusMillis(100))).as("after 100 ms in steps of 10 ms").isTrue();
    }

    @Test
    void sustainsTenPerSecondOverOneMinute() {
        TokenBucket bucket = emptiedBucket();
        int accepted = 0;

        for (int millis = 1; millis <= 60_000; millis++) {
            if (bucket.tryTake(START.plusMillis(millis))) {
                accepted++;
            }
        }

        assertThat(accepted).isEqualTo(600);
    }

    @Test
    void neverHoldsMoreThanBurst() {
        TokenBucket bucket = emptiedBucket();
        Instant muchLater = START.plus(Duration.ofHours(1));
        int accepted = 0;

        for (int i = 0; i < 100; i++) {
            if (bucket.tryTake(muchLater)) {
                accepted++;
            }
        }

        assertThat(accepted).isEqualTo(30);
    }

    @Test
    void treatsClockGoingBackwardsAsNoTime() {
        TokenBucket bucket = emptiedBucket();

        assertThat(bucket.tryTake(START.minusSeconds(60))).isFalse();
        assertThat(bucket.tryTake(START.plusMillis(50))).isFalse();
        assertThat(bucket.tryTake(START.plusMillis(100))).isTrue();
    }

    @Test
    void reportsFullOnlyAfterCompleteRefill() {
        TokenBucket bucket = emptiedBucket();

        assertThat(bucket.isFull(START.plusMillis(2_900))).isFalse();
        assertThat(bucket.isFull(START.plusSeconds(3))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -1, Double.NaN, Double.POSITIVE_INFINITY})
    void rejectsInvalidRate(double rate) {
        assertThatThrownBy(() -> new RateLimit(rate, 30))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ratePerSecond");
    }

    @Test
    void rejectsBurstBelowOne() {
        assertThatThrownBy(() -> new RateLimit(10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("burst");
    }

    @Test
    void defaultLimitIsTenPerSecondBurstThirty() {
        assertThat(RateLimit.DEFAULT.ratePerSecond()).isEqualTo(10.0);
        assertThat(RateLimit.DEFAULT.burst()).isEqualTo(30);
    }
}
