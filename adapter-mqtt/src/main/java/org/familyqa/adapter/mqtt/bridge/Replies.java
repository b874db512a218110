package org.familyqa.adapter.mqtt.bridge;

import java.nio.ByteBuffer;
import java.util.Optional;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import org.familyqa.domain.Rejection;
import org.familyqa.domain.mqtt.DeviceTopic;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.ports.in.DeviceOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the replies to a device message: a rejection goes to {@code <prefix>/errors}, and an MQTT 5 request with a response topic
 * under the family's prefix also gets a reply there. Stored questions and answers need no message here, because the
 * outbox relay publishes them. Every topic is built from the message's {@code TopicPrefix}.
 */
final class Replies {

    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

    private final Outbound outbound;
    private final MessageJson json;

    Replies(Outbound outbound, MessageJson json) {
        this.outbound = outbound;
        this.json = json;
    }

    void outcome(Mqtt5Publish publish, DeviceOutcome outcome) {
        if (outcome instanceof DeviceOutcome.Rejected rejected) {
            error(publish, rejected.topic(), rejected.rejection(), rejected.requestId());
        } else if (outcome instanceof DeviceOutcome.QuestionStored stored) {
            LOG.debug("Stored question {} from {}", stored.question().id(), stored.topic().topic());
            reply(publish, stored.topic(), json.questionStored(stored.question()));
        } else if (outcome instanceof DeviceOutcome.AnswerStored stored) {
            LOG.debug("Stored answer {} from {}", stored.answer().id(), stored.topic().topic());
            reply(publish, stored.topic(), json.answerStored(stored.answer()));
        } else if (outcome instanceof DeviceOutcome.UnknownFamily unknown) {
            LOG.warn("Ignored a message on {}: no family has this topic prefix", unknown.topic().topic());
        }
    }

    /** Publishes a rejection on the family's errors topic and, when asked for, as an MQTT 5 reply. */
    void error(Mqtt5Publish publish, DeviceTopic topic, Rejection rejection, Optional<String> requestId) {
        LOG.warn("Rejected a message on {}: {} (field {}, request_id {})", topic.topic(), rejection.code().code(),
                rejection.field(), requestId.orElse(null));
        byte[] payload = json.error(rejection, topic.topic(), requestId);
        send(topic.prefix().topic(FamilyTopic.ERRORS), payload, Optional.empty());
        reply(publish, topic, payload);
    }

    private void reply(Mqtt5Publish publish, DeviceTopic topic, byte[] payload) {
        if (publish.getResponseTopic().isEmpty()) {
            return;
        }
        String requested = publish.getResponseTopic().get().toString();
        Optional<String> replyTopic = ReplyTopics.replyTopic(topic.prefix(), requested);
        if (replyTopic.isEmpty()) {
            LOG.warn("Ignored the response topic {} of a message on {}: replies go only below {} and not on its "
                    + "fixed topics", requested, topic.topic(), topic.prefix().value());
            return;
        }
        send(replyTopic.get(), payload, publish.getCorrelationData());
    }

    private void send(String topic, byte[] payload, Optional<ByteBuffer> correlationData) {
        outbound.publish(topic, payload, correlationData).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.warn("Publishing on {} failed: {}", topic, failure.getMessage());
            }
        });
    }
}
