package org.familyqa.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.ValidationException;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.question.Question;
import org.familyqa.ports.out.QuestionCursor;
import org.familyqa.ports.testing.TestData;

class PageCursorsTest {

    @Test
    void questionCursorRoundTrips() {
        Question question = TestData.question(new FamilyId(UUID.randomUUID()))
                .id(UUID.fromString("ffffffff-0000-7000-8000-000000000001"))
                .createdAt(Instant.parse("1969-12-31T23:59:59.999999Z"))
                .build();

        String cursor = PageCursors.ofQuestion(question);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(PageCursors.readQuestion(Optional.of(cursor)))
                .contains(new QuestionCursor(question.createdAt(), question.id()));
    }

    @Test
    void familyCursorRoundTrips() {
        FamilyId id = new FamilyId(UUID.randomUUID());

        assertThat(PageCursors.readFamily(Optional.of(PageCursors.ofFamily(id)))).contains(id);
    }

    @Test
    void absentCursorIsFirstPage() {
        assertThat(PageCursors.readQuestion(Optional.empty())).isEmpty();
        assertThat(PageCursors.readFamily(Optional.empty())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a cursor", "AAAA", "!!!!", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void malformedCursorIsInvalidField(String cursor) {
        assertThatThrownBy(() -> PageCursors.readQuestion(Optional.of(cursor)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.rejection().code()).isEqualTo(ErrorCode.INVALID_FIELD);
                    assertThat(e.rejection().field()).isEqualTo("cursor");
                });
        assertThatThrownBy(() -> PageCursors.readFamily(Optional.of(cursor)))
                .isInstanceOf(ValidationException.class);
    }
}
