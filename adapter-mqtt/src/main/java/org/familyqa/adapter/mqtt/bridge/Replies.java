package org.familyqa.adapter.mqtt.bridge;

import java.nio.ByteBuffer;
import java.util.Optional;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import org.familyqa.domain.Rejection;
import org.familyqa.domain.ValidationException;
import org.familyqa.domain.message.FieldValue;
import org.familyqa.domain.mqtt.DeviceTopic;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.domain.question.RequestId;
import org.familyqa.ports.in.DeviceMessage;
import org.familyqa.ports.in.DeviceOutcome;
import org.familyqa.ports.out.FamilyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the replies to a device message: a rejection goes to {@code <prefix>/errors}, and an MQTT 5 request with a response topic
 * under the family's prefix also gets a reply there. Newly stored questions and answers need no message here, because
 * the outbox publishes them. A repeated request id is announced again on {@code questions} or {@code answers} with the
 * first item, because a device without MQTT 5 replies resends exactly when it missed that echo. Every topic is built
 * from the message's {@code TopicPrefix}.
 */
final class Replies {

    private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

    private final Outbound outbound;
    private final MessageJson json;
    private final PayloadReader reader = new PayloadReader();

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
            if (stored.duplicate() && publish.getResponseTopic().isEmpty()) {
                announceAgain(new FamilyEvent.QuestionAsked(stored.question(), stored.topic().prefix(),
                        requestIdOf(publish)), FamilyTopic.QUESTIONS);
            }
        } else if (outcome instanceof DeviceOutcome.AnswerStored stored) {
            LOG.debug("Stored answer {} from {}", stored.answer().id(), stored.topic().topic());
            reply(publish, stored.topic(), json.answerStored(stored.answer()));
            if (stored.duplicate() && publish.getResponseTopic().isEmpty()) {
                announceAgain(new FamilyEvent.QuestionAnswered(stored.answer(), stored.topic().prefix(),
                        requestIdOf(publish)), FamilyTopic.ANSWERS);
            }
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

    /** Publishes a stored item again, outside the outbox: if this copy is lost, the device resends and gets another. */
    private void announceAgain(FamilyEvent event, FamilyTopic subtopic) {
        LOG.debug("Announcing again the item of repeated request id {} on {}", event.requestId().orElse(null),
                event.prefix().topic(subtopic));
        send(event.prefix().topic(subtopic), json.event(event), Optional.empty());
    }

    private Optional<RequestId> requestIdOf(Mqtt5Publish publish) {
        if (reader.read(publish.getPayloadAsBytes()) instanceof DeviceMessage.Fields fields
                && fields.members().get(RequestId.FIELD) instanceof FieldValue.Text text) {
            try {
                return Optional.of(new RequestId(text.value()));
            } catch (ValidationException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
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
