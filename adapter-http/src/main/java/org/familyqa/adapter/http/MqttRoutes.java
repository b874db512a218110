package org.familyqa.adapter.http;

import java.time.Duration;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.ports.in.MqttAccessUseCases;
import org.familyqa.ports.in.MqttAccessUseCases.MqttCredentials;
import org.familyqa.ports.in.MqttAccessUseCases.MqttStatus;

import spark.Request;
import spark.Response;

/**
 * {@code /api/families/:id/mqtt/...}: turn MQTT on and off, read its status, reset the password, test the broker.
 *
 * <p>These routes take no request body; one that is sent is not read.
 */
final class MqttRoutes {

    private final MqttAccessUseCases mqttAccess;
    private final RouteSupport support;
    private final HttpSettings.BrokerAddress broker;

    MqttRoutes(MqttAccessUseCases mqttAccess, RouteSupport support, HttpSettings.BrokerAddress broker) {
        this.mqttAccess = mqttAccess;
        this.support = support;
        this.broker = broker;
    }

    Object enable(Request request, Response response) {
        FamilyId familyId = support.accessibleFamily(request);
        MqttCredentials credentials = RouteSupport.ok(mqttAccess.enable(familyId));
        return support.json(response, 200, credentials(credentials));
    }

    Object disable(Request request, Response response) {
        FamilyId familyId = support.accessibleFamily(request);
        MqttStatus status = RouteSupport.ok(mqttAccess.disable(familyId));
        return support.json(response, 200, status(status));
    }

    Object status(Request request, Response response) {
        FamilyId familyId = support.accessibleFamily(request);
        MqttStatus status = RouteSupport.ok(mqttAccess.status(familyId));
        return support.json(response, 200, status(status));
    }

    Object resetCredentials(Request request, Response response) {
        FamilyId familyId = support.accessibleFamily(request);
        MqttCredentials credentials = RouteSupport.ok(mqttAccess.resetCredentials(familyId));
        return support.json(response, 200, credentials(credentials));
    }

    Object test(Request request, Response response) {
        FamilyId familyId = support.accessibleFamily(request);
        Duration roundTrip = RouteSupport.ok(mqttAccess.testConnection(familyId));
        ObjectNode body = support.codec().object();
        body.put("status", "ok");
        body.put("round_trip_ms", roundTrip.toNanos() / 1_000_000.0);
        return support.json(response, 200, body);
    }

    private ObjectNode credentials(MqttCredentials credentials) {
        ObjectNode body = support.codec().object();
        body.put("enabled", true);
        body.put("username", credentials.username().value());
        body.put("password", credentials.password());
        body.put("topic_prefix", credentials.prefix().value());
        body.set("topics", support.codec().strings(credentials.topics()));
        body.put("issued_at", JsonCodec.time(credentials.issuedAt()));
        body.set("broker", broker());
        return body;
    }

    private ObjectNode status(MqttStatus status) {
        ObjectNode body = support.codec().object();
        body.put("enabled", status.enabled());
        body.put("username", status.username().map(MqttUsername::value).orElse(null));
        body.put("topic_prefix", status.prefix().value());
        body.set("topics", support.codec().strings(status.topics()));
        body.put("issued_at", status.issuedAt().map(JsonCodec::time).orElse(null));
        body.put("needs_credentials_reset", status.needsCredentialsReset());
        body.set("broker", broker());
        return body;
    }

    private ObjectNode broker() {
        ObjectNode node = support.codec().object();
        node.put("host", broker.host());
        node.put("port", broker.port());
        node.put("tls_port", broker.tlsPort() == 0 ? null : broker.tlsPort());
        return node;
    }
}
