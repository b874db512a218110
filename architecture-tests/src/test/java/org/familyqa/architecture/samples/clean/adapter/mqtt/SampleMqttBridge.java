package org.familyqa.architecture.samples.clean.adapter.mqtt;

import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;

import org.familyqa.architecture.samples.clean.application.SampleAskService;

/** An adapter that uses HiveMQ types and reaches the others only through the core. */
public final class SampleMqttBridge {

    private final Mqtt5Client client;
    private final SampleAskService service;

    public SampleMqttBridge(Mqtt5Client client, SampleAskService service) {
        this.client = client;
        this.service = service;
    }

    public void onAsk(String text) {
        if (client != null) {
            service.ask(text);
        }
    }
}
