package org.familyqa.architecture.samples.bad.adapter.postgres;

import org.familyqa.architecture.samples.bad.adapter.mqtt.SampleBridge;

/** Breaks "adapters are independent": it publishes through the MQTT adapter, which in turn calls back here. */
public final class SampleRepository {

    public static void store(String text) {
        SampleBridge.publish(text);
    }

    public static int count() {
        return 0;
    }
}
