package org.familyqa.ports.out;

import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.RequestId;

/**
 * Something stored that the family's devices must hear about on MQTT.
 *
 * @since 0.1.0
 */
public sealed interface FamilyEvent {

    /** Returns the family the event belongs to. */
    FamilyId familyId();

    /** Returns the topic prefix the event is published under. */
    TopicPrefix prefix();

    /** Returns the request id of the message that caused the event, echoed to devices. */
    Optional<RequestId> requestId();

    /** A question was stored; published on {@code <prefix>/questions}. */
    record QuestionAsked(Question question, TopicPrefix prefix, Optional<RequestId> requestId)
            implements FamilyEvent {

        public QuestionAsked {
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(requestId, "requestId");
        }

        @Override
        public FamilyId familyId() {
            return question.familyId();
        }
    }

    /** An answer was stored; published on {@code <prefix>/answers}. */
    record QuestionAnswered(Answer answer, TopicPrefix prefix, Optional<RequestId> requestId)
            implements FamilyEvent {

        public QuestionAnswered {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(requestId, "requestId");
        }

        @Override
        public FamilyId familyId() {
            return answer.familyId();
        }
    }
}
