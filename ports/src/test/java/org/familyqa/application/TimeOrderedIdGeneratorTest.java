package org.familyqa.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdGeneratorTest {

    private static final Instant TIME = Instant.parse("2025-03-01T12:00:00.123Z");

    @Test
    void idIsVersion7WithClockTime() {
        TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(Clock.fixed(TIME, ZoneOffset.UTC),
                new SecureRandom());

        UUID id = generator.newId();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(TIME.toEpochMilli());
    }

    @Test
    void idsIncreaseWithinOneMillisecond() {
        TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(Clock.fixed(TIME, ZoneOffset.UTC),
                new SecureRandom());
        List<String> ids = new ArrayList<>();

        for (int i = 0; i < 10_000; i++) {
            ids.add(generator.newId().toString());
        }

        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(UUID.fromString(ids.get(ids.size() - 1)).version()).isEqualTo(7);
    }

    @Test
    void idsIncreaseWhenClockStepsBack() {
        MutableClock clock = new MutableClock(TIME);
        TimeOrderedIdGenerator generator = new TimeOrderedIdGenerator(clock, new SecureRandom());

        String first = generator.newId().toString();
        clock.now = TIME.minusSeconds(60);
        String second = generator.newId().toString();

        assertThat(second).isGreaterThan(first);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
