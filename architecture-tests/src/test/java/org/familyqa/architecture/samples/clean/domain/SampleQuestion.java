package org.familyqa.architecture.samples.clean.domain;

import java.time.Instant;

/** A domain class that uses only the JDK. */
public record SampleQuestion(String text, Instant createdAt) {
}
