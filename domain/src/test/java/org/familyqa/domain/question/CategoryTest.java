package org.familyqa.domain.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyqa.domain.Rejections.rejectionOf;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CategoryTest {

    @ParameterizedTest
    @ValueSource(strings = {"general", "a", "0", "2024-trip", "school-", "a--b", "z9"})
    void acceptsValidSlug(String slug) {
        assertThat(new Category(slug).value()).isEqualTo(slug);
    }

    @Test
    void acceptsFiftyCharacters() {
        String slug = "a".repeat(50);

        assertThat(new Category(slug).value()).isEqualTo(slug);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "General", "GENERAL", "-general", "gen eral", " general", "general ", "gen_eral", "gen/eral", "gen+eral",
        "gen#eral", "caf\u00e9", "gen\u0000eral", "\uD83C\uDF6A"
    })
    void rejectsInvalidSlugNamingCategory(String slug) {
        Rejection rejection = rejectionOf(() -> new Category(slug));

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo("category");
        assertThat(rejection.message()).contains("1 to 50 characters");
    }

    @Test
    void rejectsFiftyOneCharacters() {
        Rejection rejection = rejectionOf(() -> new Category("a".repeat(51)));

        assertThat(rejection.field()).isEqualTo("category");
    }

    @Test
    void defaultCategoryIsGeneral() {
        assertThat(Category.GENERAL.value()).isEqualTo("general");
    }
}
