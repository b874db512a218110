package org.familyqa.architecture.samples.clean.ports;

import java.util.Optional;

import org.familyqa.architecture.samples.clean.domain.SampleQuestion;

/** A port that uses only the JDK and the domain. */
public interface SampleQuestionStore {

    void save(SampleQuestion question);

    Optional<SampleQuestion> find(String text);
}
