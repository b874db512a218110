package org.familyqa.architecture.samples.bad.adapter.http;

import org.familyqa.architecture.samples.bad.bootstrap.SampleMain;

/** Breaks "adapters never depend on bootstrap": it reads a setting from the wiring. */
public final class SampleHttpApi {

    private SampleHttpApi() {
    }

    public static String render(String text) {
        return SampleMain.SERVER_NAME + ": " + text;
    }
}
