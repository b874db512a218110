package org.familyqa.architecture.samples.clean.application;

import java.time.Instant;

import org.familyqa.architecture.samples.clean.domain.SampleQuestion;
import org.familyqa.architecture.samples.clean.ports.SampleQuestionStore;

/** A use case implementation that uses only the JDK, the domain and the ports. */
public final class SampleAskService {

    private final SampleQuestionStore store;

    public SampleAskService(SampleQuestionStore store) {
        this.store = store;
    }

    public void ask(String text) {
        store.save(new SampleQuestion(text, Instant.now()));
    }
}
