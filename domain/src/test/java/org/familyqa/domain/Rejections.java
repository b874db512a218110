package org.familyqa.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Test helper that runs a factory expected to reject its input and returns the rejection it carries. */
public final class Rejections {

    private Rejections() {
    }

    /** Runs {@code call}, asserts that it throws a {@link ValidationException}, and returns its rejection. */
    public static Rejection rejectionOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a ValidationException").isInstanceOf(ValidationException.class);
        return ((ValidationException) thrown).rejection();
    }
}
