package org.familyqa.ports.testing;

import java.time.Instant;

import org.familyqa.ports.out.ProcessedRequests;

/** {@link ProcessedRequests} on an {@link InMemoryStore}. */
final class InMemoryProcessedRequests implements ProcessedRequests {

    private final InMemoryStore store;

    InMemoryProcessedRequests(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        synchronized (store.lock) {
            int before = store.processed.size();
            store.processed.values().removeIf(request -> request.firstSeen().isBefore(cutoff));
            return before - store.processed.size();
        }
    }
}
