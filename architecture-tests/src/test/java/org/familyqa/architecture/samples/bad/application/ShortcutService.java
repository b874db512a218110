package org.familyqa.architecture.samples.bad.application;

import org.familyqa.architecture.samples.bad.adapter.http.SampleHttpApi;

/** Breaks "the application depends only on the core": it calls an adapter directly. */
public final class ShortcutService {

    public String answer() {
        return SampleHttpApi.render("shortcut");
    }
}
