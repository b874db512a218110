package org.familyqa.adapter.mqtt.hivemq;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.mqtt.BrokerAccount;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.extension.sdk.api.packets.general.Qos;
import com.hivemq.extension.sdk.api.services.publish.PublishService;
import com.hivemq.extension.sdk.api.services.Services;
import com.hivemq.extension.sdk.api.services.builder.Builders;

/**
 * Publisher of an {@code unauthorized} error on a family's {@code errors} topic when the broker drops one of its
 * devices' messages. MQTT 3.1.1 clients learn of the rejection only this way, because their PUBACK has no reason code.
 */
final class RejectionNotices {

    private static final Logger LOG = LoggerFactory.getLogger(RejectionNotices.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile PublishService publishService;

    /** Sets the broker's publish service; called when the extension starts. */
    void usePublishService(PublishService service) {
        this.publishService = service;
    }

    void publishRejected(BrokerAccount account, String topic) {
        PublishService service = publishService;
        if (!(account instanceof BrokerAccount.Family family) || service == null) {
            return;
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("error", ErrorCode.UNAUTHORIZED.code());
        error.put("message", "This account may publish only on " + family.prefix().topic(FamilyTopic.ASK) + " and "
                + family.prefix().topic(FamilyTopic.RESPOND) + "; the message was dropped.");
        error.put("field", null);
        error.put("topic", topic);
        error.put("request_id", null);
        try {
            byte[] payload = JSON.writeValueAsBytes(error);
            service.publish(Builders.publish()
                            .topic(family.prefix().topic(FamilyTopic.ERRORS))
                            .qos(Qos.AT_LEAST_ONCE)
                            .payload(ByteBuffer.wrap(payload))
                            .contentType("application/json")
                            .build())
                    .exceptionally(failure -> {
                        LOG.warn("Cannot publish the rejection notice for {}", family.prefix(), failure);
                        return null;
                    });
        } catch (JsonProcessingException e) {
            LOG.error("Cannot encode the rejection notice for {}", family.prefix(), e);
        }
    }
}
