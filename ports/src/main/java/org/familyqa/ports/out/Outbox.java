package org.familyqa.ports.out;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Events committed with the data they describe, waiting to be published.
 *
 * <p>Repositories append events in the same transaction as the question or answer. A relay claims events for a
 * while (a lease), publishes them, and marks them published once the broker acknowledged them. If a relay dies, its
 * lease runs out and another relay claims the events again, so each event is published at least once.
 *
 * @since 0.1.0
 */
public interface Outbox {

    /**
     * Claims unpublished events that no other relay holds under an unexpired lease, oldest first.
     *
     * <p>Two relays calling at the same time never receive the same event. To keep each family's events in order,
     * an event is not returned while an earlier event of the same family is claimed by another relay.
     *
     * @param owner an id of the calling relay, unique among running relays
     * @param max   the maximum number of events, 1 to 10,000
     * @param lease how long the claim lasts
     * @return the claimed events in ascending sequence order
     * @throws StoreUnavailableException if the store failed
     */
    List<OutboxEvent> claim(String owner, int max, Duration lease);

    /**
     * Marks events as published, as {@link #markPublished} does, and then claims as {@link #claim} does; a store may
     * do both in one transaction. A relay uses it to delete the events of its previous batch without a commit of its
     * own.
     *
     * <p>The default calls {@link #markPublished} and then {@link #claim}.
     *
     * @param published sequences to mark published first; may be empty
     * @return the claimed events in ascending sequence order, none of them among {@code published}
     * @throws StoreUnavailableException if the store failed; then none of {@code published} may be marked, and
     *                                   nothing is claimed
     * @since 0.2.0
     */
    default List<OutboxEvent> claimAfterPublished(Collection<Long> published, String owner, int max,
                                                  Duration lease) {
        markPublished(published);
        return claim(owner, max, lease);
    }

    /**
     * Marks events as published, so that no relay claims them again. Unknown sequences are ignored.
     *
     * @throws StoreUnavailableException if the store failed; the events stay claimable after their lease
     */
    void markPublished(Collection<Long> sequences);

    /**
     * Gives up the owner's claim on events that could not be published, so that they can be claimed at once.
     *
     * @throws StoreUnavailableException if the store failed; the events stay claimable after their lease
     */
    void release(String owner, Collection<Long> sequences);

    /** Returns the number of events not yet published. */
    long countUnpublished();
}
