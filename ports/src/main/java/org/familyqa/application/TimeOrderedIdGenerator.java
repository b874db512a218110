package org.familyqa.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

import org.familyqa.ports.out.IdGenerator;

/**
 * Generator of version 7 UUIDs (RFC 9562): a 48-bit Unix time in milliseconds, then random bits.
 *
 * <p>Ids from one generator increase strictly, also within one millisecond and when the clock steps back: the 12
 * bits after the version count up from a random start, and the time part never moves backwards. Ids therefore sort
 * in creation order, which keeps database indexes compact and lists of families in creation order. Safe to use from
 * many threads.
 *
 * @since 0.1.0
 */
public final class TimeOrderedIdGenerator implements IdGenerator {

    private static final int COUNTER_BITS = 12;
    private static final int COUNTER_MAX = (1 << COUNTER_BITS) - 1;

    private final Clock clock;
    private final SecureRandom random;
    private long lastMillis = Long.MIN_VALUE;
    private int counter;

    /** Creates a generator that reads the time from {@code clock} and random bits from {@code random}. */
    public TimeOrderedIdGenerator(Clock clock, SecureRandom random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Returns a new version 7 UUID, greater than every id this generator returned before. */
    @Override
    public UUID newId() {
        long millis;
        int sequence;
        synchronized (this) {
            millis = clock.millis();
            if (millis > lastMillis) {
                // Start in the lower half so that many ids in one millisecond still fit before the counter overflows.
                counter = random.nextInt(COUNTER_MAX / 2);
            } else {
                millis = lastMillis;
                counter++;
                if (counter > COUNTER_MAX) {
                    millis++;
                    counter = 0;
                }
            }
            lastMillis = millis;
            sequence = counter;
        }
        long mostSignificant = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | sequence;
        long leastSignificant = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
