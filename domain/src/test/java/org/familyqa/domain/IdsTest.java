package org.familyqa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.familyqa.domain.Rejections.rejectionOf;

import java.util.UUID;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.question.AnswerId;
import org.familyqa.domain.question.QuestionId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    private static final String CANONICAL = "3f2b8c1e-9a4d-4e7f-8b6a-0c5d2e1f4a7b";

    @Test
    void parsesCanonicalLowerCaseId() {
        assertThat(Ids.parseUuid(CANONICAL, "question_id")).isEqualTo(UUID.fromString(CANONICAL));
    }

    @Test
    void parsesUpperCaseIdAsSameUuid() {
        assertThat(Ids.parseUuid(CANONICAL.toUpperCase(), "question_id")).isEqualTo(UUID.fromString(CANONICAL));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "1-2-3-4-5",
        "not-a-valid-id",
        "00000001-0002-0003-0004-000000000005x",
        "3f2b8c1e9a4d4e7f8b6a0c5d2e1f4a7b",
        "{3f2b8c1e-9a4d-4e7f-8b6a-0c5d2e1f4a7b}",
        "urn:uuid:3f2b8c1e-9a4d-4e7f-8b6a-0c5d2e1f4a7b",
        " 3f2b8c1e-9a4d-4e7f-8b6a-0c5d2e1f4a7b",
        "3f2b8c1e-9a4d-4e7f-8b6a-0c5d2e1f4a7 ",
        "3f2b8c1e-9a4d-4e7f-8b6a-0c5d2e1f4a7g",
        "3f2b8c1e+9a4d-4e7f-8b6a-0c5d2e1f4a7b",
        "3f2b8c1e-9a4d-4e7f-8b6a0-c5d2e1f4a7b",
        "\uff13f2b8c1e-9a4d-4e7f-8b6a-0c5d2e1f4a7",
        "9007199254740993",
        "42.0"
    })
    void rejectsNonCanonicalIdNamingField(String raw) {
        Rejection rejection = rejectionOf(() -> Ids.parseUuid(raw, "question_id"));

        assertThat(rejection.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(rejection.field()).isEqualTo("question_id");
        assertThat(rejection.message()).contains("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
    }

    @Test
    void typedParsersNameTheirField() {
        assertThat(rejectionOf(() -> QuestionId.parse("1-2-3-4-5")).field()).isEqualTo("question_id");
        assertThat(rejectionOf(() -> AnswerId.parse("1-2-3-4-5")).field()).isEqualTo("answer_id");
        assertThat(rejectionOf(() -> FamilyId.parse("1-2-3-4-5")).field()).isEqualTo("family_id");
    }

    @Test
    void typedIdsPrintCanonicalForm() {
        assertThat(QuestionId.parse(CANONICAL.toUpperCase())).hasToString(CANONICAL);
        assertThat(AnswerId.parse(CANONICAL)).hasToString(CANONICAL);
        assertThat(FamilyId.parse(CANONICAL)).hasToString(CANONICAL);
    }
}
