package org.familyqa.architecture.samples.bad.domain;

/** A domain class that keeps the rules, so that each violation below comes from one class. */
public record SampleQuestion(String text) {
}
