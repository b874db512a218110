package org.familyqa.ports.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.ports.out.Outbox;
import org.familyqa.ports.out.OutboxEvent;

/** {@link Outbox} on an {@link InMemoryStore}. */
final class InMemoryOutbox implements Outbox {

    private final InMemoryStore store;

    InMemoryOutbox(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public List<OutboxEvent> claim(String owner, int max, Duration lease) {
        Limits.check("max", max, 1, 10_000);
        synchronized (store.lock) {
            Instant now = store.clock.instant();
            Set<FamilyId> heldElsewhere = new HashSet<>();
            List<OutboxEvent> claimed = new ArrayList<>();
            for (InMemoryStore.OutboxEntry entry : store.outboxEntries) {
                if (claimed.size() == max) {
                    break;
                }
                if (entry.published) {
                    continue;
                }
                FamilyId familyId = entry.event.familyId();
                boolean leasedByOther = entry.owner != null && !entry.owner.equals(owner)
                        && entry.leaseEnd.isAfter(now);
                if (leasedByOther) {
                    heldElsewhere.add(familyId);
                } else if (!heldElsewhere.contains(familyId)) {
                    entry.owner = owner;
                    entry.leaseEnd = now.plus(lease);
                    claimed.add(new OutboxEvent(entry.sequence, entry.event));
                }
            }
            return claimed;
        }
    }

    @Override
    public void markPublished(Collection<Long> sequences) {
        Set<Long> wanted = Set.copyOf(sequences);
        synchronized (store.lock) {
            for (InMemoryStore.OutboxEntry entry : store.outboxEntries) {
                if (wanted.contains(entry.sequence)) {
                    entry.published = true;
                    entry.owner = null;
                    entry.leaseEnd = null;
                }
            }
        }
    }

    @Override
    public void release(String owner, Collection<Long> sequences) {
        Set<Long> wanted = Set.copyOf(sequences);
        synchronized (store.lock) {
            for (InMemoryStore.OutboxEntry entry : store.outboxEntries) {
                if (wanted.contains(entry.sequence) && owner.equals(entry.owner)) {
                    entry.owner = null;
                    entry.leaseEnd = null;
                }
            }
        }
    }

    @Override
    public long countUnpublished() {
        synchronized (store.lock) {
            return store.outboxEntries.stream().filter(entry -> !entry.published).count();
        }
    }
}
