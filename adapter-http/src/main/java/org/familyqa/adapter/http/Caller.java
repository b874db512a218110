package org.familyqa.adapter.http;

import java.util.Objects;

import org.familyqa.domain.family.FamilyId;

/** The sender of a request, as proven by its bearer token. */
sealed interface Caller {

    /** Returns whether this caller may act on the family. */
    boolean mayAccess(FamilyId familyId);

    /** The server administrator: may create and list families and act on every family. */
    record Admin() implements Caller {
        @Override
        public boolean mayAccess(FamilyId familyId) {
            return true;
        }
    }

    /** A family's token: may act on that family only. */
    record Member(FamilyId familyId) implements Caller {
        public Member {
            Objects.requireNonNull(familyId, "familyId");
        }

        @Override
        public boolean mayAccess(FamilyId other) {
            return familyId.equals(other);
        }
    }
}
