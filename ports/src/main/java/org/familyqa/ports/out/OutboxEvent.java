package org.familyqa.ports.out;

import java.util.Objects;

/**
 * An event waiting in the outbox.
 *
 * @param sequence the position in the outbox; events of one family are published in ascending sequence order
 * @param event    the event
 * @since 0.1.0
 */
public record OutboxEvent(long sequence, FamilyEvent event) {

    public OutboxEvent {
        Objects.requireNonNull(event, "event");
    }
}
