package org.familyqa.domain;

import java.util.UUID;

/** Parsing of the UUID-shaped identifiers that clients send as strings. */
public final class Ids {

    private Ids() {
    }

    /**
     * Parses a client-supplied identifier in the canonical 8-4-4-4-12 hexadecimal form.
     *
     * <p>{@link UUID#fromString} alone accepts shortened groups such as {@code 1-2-3-4-5}; this parser does not, so one
     * question can never be reached by two spellings of its id.
     *
     * @param raw   the identifier as sent
     * @param field the wire name reported in a rejection
     * @return the parsed UUID
     * @throws ValidationException if {@code raw} is not a canonical UUID
     */
    public static UUID parseUuid(String raw, String field) {
        if (raw == null || raw.length() != 36 || !raw.matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")) {
            throw new ValidationException(ErrorCode.INVALID_FIELD, field, field + " is " + quoted(raw)
                    + "; it must be an id of the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.");
        }
        return UUID.fromString(raw);
    }

    /** Returns the value as sent for an error message: control characters as '?', at most 64 characters. */
    private static String quoted(String raw) {
        if (raw == null) {
            return "missing";
        }
        String printable = raw.replaceAll("\\p{Cntrl}", "?");
        return "'" + (printable.length() <= 64 ? printable : printable.substring(0, 64) + "...") + "'";
    }
}
