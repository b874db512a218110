package org.familyqa.application;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.ValidationException;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.ports.out.QuestionCursor;

/**
 * Opaque page cursors: URL-safe Base64 without padding of the last item's position.
 *
 * <p>A question cursor holds the creation time in microseconds since the epoch (8 bytes) and the id (16 bytes); a
 * family cursor holds the id. Clients treat them as opaque strings, so the layout can change between versions.
 */
final class PageCursors {

    static final String FIELD = "cursor";

    private static final int ID_BYTES = 16;
    private static final int TIME_BYTES = 8;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private PageCursors() {
    }

    static String ofQuestion(Question last) {
        Instant time = last.createdAt();
        long micros = Math.addExact(Math.multiplyExact(time.getEpochSecond(), MICROS_PER_SECOND),
                time.getNano() / 1000);
        ByteBuffer buffer = ByteBuffer.allocate(TIME_BYTES + ID_BYTES);
        buffer.putLong(micros);
        putId(buffer, last.id().value());
        return encode(buffer);
    }

    static Optional<QuestionCursor> readQuestion(Optional<String> cursor) {
        return cursor.map(text -> {
            ByteBuffer buffer = decode(text, TIME_BYTES + ID_BYTES);
            long micros = buffer.getLong();
            Instant time = Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                    Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
            return new QuestionCursor(time, new QuestionId(new UUID(buffer.getLong(), buffer.getLong())));
        });
    }

    static String ofFamily(FamilyId last) {
        ByteBuffer buffer = ByteBuffer.allocate(ID_BYTES);
        putId(buffer, last.value());
        return encode(buffer);
    }

    static Optional<FamilyId> readFamily(Optional<String> cursor) {
        return cursor.map(text -> {
            ByteBuffer buffer = decode(text, ID_BYTES);
            return new FamilyId(new UUID(buffer.getLong(), buffer.getLong()));
        });
    }

    private static void putId(ByteBuffer buffer, UUID id) {
        buffer.putLong(id.getMostSignificantBits());
        buffer.putLong(id.getLeastSignificantBits());
    }

    private static String encode(ByteBuffer buffer) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
    }

    private static ByteBuffer decode(String text, int expectedBytes) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (bytes.length != expectedBytes) {
            throw invalid();
        }
        return ByteBuffer.wrap(bytes);
    }

    private static ValidationException invalid() {
        return new ValidationException(ErrorCode.INVALID_FIELD, FIELD,
                "cursor is not a cursor of this list; pass the next_cursor of the previous page, or no cursor for the "
                        + "first page.");
    }
}
