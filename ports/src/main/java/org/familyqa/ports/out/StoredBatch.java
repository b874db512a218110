package org.familyqa.ports.out;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The results of a store call whose outbox events were claimed for the caller as they were inserted, with the
 * outbox sequence of each stored item's event.
 *
 * @param results   one result per item, in the order of the batch
 * @param sequences one entry per result: the sequence of the item's outbox event when the result is
 *                  {@link StoreResult.Stored} and the event was inserted under the caller's claim; empty otherwise,
 *                  in which case a stored item's event is claimable by any relay at once
 * @param <T>       the stored type
 * @since 0.2.0
 */
public record StoredBatch<T>(List<StoreResult<T>> results, List<OptionalLong> sequences) {

    public StoredBatch {
        results = List.copyOf(results);
        sequences = List.copyOf(sequences);
        if (results.size() != sequences.size()) {
            throw new IllegalArgumentException("one sequence per result is needed: " + results.size()
                    + " results, " + sequences.size() + " sequences");
        }
        for (int i = 0; i < results.size(); i++) {
            if (sequences.get(i).isPresent() && !(results.get(i) instanceof StoreResult.Stored)) {
                throw new IllegalArgumentException("result " + i + " has a sequence but stored nothing");
            }
        }
    }

    /** Returns results whose events were inserted without a claim, for stores that cannot claim on insert. */
    public static <T> StoredBatch<T> unclaimed(List<StoreResult<T>> results) {
        Objects.requireNonNull(results, "results");
        return new StoredBatch<>(results, Collections.nCopies(results.size(), OptionalLong.empty()));
    }
}
