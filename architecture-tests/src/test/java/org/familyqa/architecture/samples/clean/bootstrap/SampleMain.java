package org.familyqa.architecture.samples.clean.bootstrap;

import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import jakarta.persistence.EntityManager;

import org.familyqa.architecture.samples.clean.adapter.http.SampleHttpApi;
import org.familyqa.architecture.samples.clean.adapter.mqtt.SampleMqttBridge;
import org.familyqa.architecture.samples.clean.adapter.postgres.SamplePostgresStore;
import org.familyqa.architecture.samples.clean.application.SampleAskService;

/** Wiring that may depend on every adapter. */
public final class SampleMain {

    private SampleMain() {
    }

    public static SampleHttpApi wire(EntityManager entityManager, Mqtt5Client client) {
        SampleAskService service = new SampleAskService(new SamplePostgresStore(entityManager));
        new SampleMqttBridge(client, service);
        return new SampleHttpApi(service);
    }
}
