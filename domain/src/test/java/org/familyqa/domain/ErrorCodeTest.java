package org.familyqa.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorCodeTest {

    @Test
    void wireCodesAreLowerSnakeCase() {
        assertThat(ErrorCode.INVALID_JSON.code()).isEqualTo("invalid_json");
        assertThat(ErrorCode.MISSING_FIELD.code()).isEqualTo("missing_field");
        assertThat(ErrorCode.INVALID_FIELD.code()).isEqualTo("invalid_field");
        assertThat(ErrorCode.TOO_LONG.code()).isEqualTo("too_long");
        assertThat(ErrorCode.UNKNOWN_QUESTION.code()).isEqualTo("unknown_question");
        assertThat(ErrorCode.PAYLOAD_TOO_LARGE.code()).isEqualTo("payload_too_large");
        assertThat(ErrorCode.RATE_LIMITED.code()).isEqualTo("rate_limited");
    }

    @Test
    void rejectionWithoutFieldHasEmptyFieldName() {
        Rejection rejection = Rejection.ofMessage(ErrorCode.INVALID_JSON, "The payload is empty.");

        assertThat(rejection.field()).isNull();
        assertThat(rejection.fieldName()).isEmpty();
    }
}
