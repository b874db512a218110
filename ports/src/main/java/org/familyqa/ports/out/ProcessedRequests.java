package org.familyqa.ports.out;

import java.time.Instant;

/**
 * Retention of the request ids that make asks and answers idempotent.
 *
 * @since 0.1.0
 */
public interface ProcessedRequests {

    /**
     * Forgets request ids first seen before {@code cutoff}, so that they may be used again.
     *
     * @return how many were forgotten
     * @throws StoreUnavailableException if the store failed
     */
    int purgeBefore(Instant cutoff);
}
