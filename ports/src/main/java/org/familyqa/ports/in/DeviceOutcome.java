package org.familyqa.ports.in;

import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.Rejection;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.DeviceTopic;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.Question;

/**
 * What became of one device message. Stored questions and answers reach the family's topics through the outbox;
 * the MQTT adapter answers a rejection on {@code <prefix>/errors}, and an MQTT 5 request on its response topic.
 *
 * @since 0.1.0
 */
public sealed interface DeviceOutcome {

    /** Returns the topic the message arrived on. */
    DeviceTopic topic();

    /**
     * The question was stored, or had been stored before under the same request id.
     *
     * @param duplicate whether it had been stored before, so that no new event was queued
     */
    record QuestionStored(DeviceTopic topic, Question question, boolean duplicate) implements DeviceOutcome {
        public QuestionStored {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(question, "question");
        }
    }

    /**
     * The answer was stored, or had been stored before under the same request id.
     *
     * @param duplicate whether it had been stored before, so that no new event was queued
     */
    record AnswerStored(DeviceTopic topic, Answer answer, boolean duplicate) implements DeviceOutcome {
        public AnswerStored {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(answer, "answer");
        }
    }

    /**
     * The message was rejected and nothing was stored.
     *
     * @param familyId  the family that sent it
     * @param rejection why
     * @param requestId the request id exactly as sent, if any, to echo in the error
     */
    record Rejected(DeviceTopic topic, FamilyId familyId, Rejection rejection, Optional<String> requestId)
            implements DeviceOutcome {
        public Rejected {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(familyId, "familyId");
            Objects.requireNonNull(rejection, "rejection");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /**
     * No family has the topic's prefix, as after a family was deleted while a message was queued; nothing was stored
     * and there is no errors topic to answer on.
     */
    record UnknownFamily(DeviceTopic topic) implements DeviceOutcome {
        public UnknownFamily {
            Objects.requireNonNull(topic, "topic");
        }
    }
}
