package org.familyqa.architecture.samples.bad.bootstrap;

/** Wiring that the HTTP adapter depends on, which breaks the rule. */
public final class SampleMain {

    // Not a compile-time constant, so javac does not inline it and the dependency stays in the bytecode.
    public static final String SERVER_NAME = new StringBuilder("familyqa").toString();

    private SampleMain() {
    }
}
