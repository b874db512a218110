package org.familyqa.architecture.samples.bad.adapter.mqtt;

import org.familyqa.architecture.samples.bad.adapter.postgres.SampleRepository;

/** Breaks "adapters are independent" and closes a cycle with the persistence adapter. */
public final class SampleBridge {

    private SampleBridge() {
    }

    public static void publish(String text) {
        if (SampleRepository.count() > text.length()) {
            throw new IllegalStateException(text);
        }
    }
}
