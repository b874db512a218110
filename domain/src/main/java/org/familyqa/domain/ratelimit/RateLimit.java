package org.familyqa.domain.ratelimit;

/**
 * A rate limit: a sustained rate and a burst allowance.
 *
 * @param ratePerSecond tokens added per second, greater than 0
 * @param burst         the bucket's capacity, at least 1
 */
public record RateLimit(double ratePerSecond, int burst) {

    /** Default limit on a family's ask and respond messages together: 10 per second, bursts of 30. */
    public static final RateLimit DEFAULT = new RateLimit(10, 30);

    public RateLimit {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("ratePerSecond must be a finite number above 0, not " + ratePerSecond);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, not " + burst);
        }
    }
}
