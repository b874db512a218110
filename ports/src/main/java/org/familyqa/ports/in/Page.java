package org.familyqa.ports.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list, with the opaque cursor of the next page.
 *
 * @param items      the items of this page
 * @param nextCursor the cursor to pass for the next page, or empty on the last page
 * @since 0.1.0
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
