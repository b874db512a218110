package org.familyqa.domain.family;

import java.util.Objects;
import java.util.UUID;

import org.familyqa.domain.Ids;

/** Identifier of a family. */
public record FamilyId(UUID value) {

    public FamilyId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses a family id sent by a client.
     *
     * @throws org.familyqa.domain.ValidationException if {@code raw} is not a canonical UUID
     */
    public static FamilyId parse(String raw) {
        return new FamilyId(Ids.parseUuid(raw, "family_id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
