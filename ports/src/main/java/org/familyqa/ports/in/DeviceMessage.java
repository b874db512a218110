package org.familyqa.ports.in;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.familyqa.domain.Rejection;
import org.familyqa.domain.message.FieldValue;
import org.familyqa.domain.mqtt.DeviceTopic;

/**
 * A message a device published on {@code <prefix>/ask} or {@code <prefix>/respond}, as read by the MQTT adapter.
 *
 * @param topic the topic it arrived on
 * @param body  its JSON object's members, or why it could not be read as a JSON object
 * @since 0.1.0
 */
public record DeviceMessage(DeviceTopic topic, Body body) {

    public DeviceMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(body, "body");
    }

    /** The payload as far as the adapter could read it. */
    public sealed interface Body {
    }

    /** The payload was a JSON object; its top-level members. */
    public record Fields(Map<String, FieldValue> members) implements Body {
        public Fields {
            members = Map.copyOf(members);
        }
    }

    /**
     * The payload was not a JSON object: empty, too large, not UTF-8, malformed, or another JSON type.
     *
     * @param rejection why
     * @param requestId the request id as sent, if the adapter could still find one
     */
    public record Unreadable(Rejection rejection, Optional<String> requestId) implements Body {
        public Unreadable {
            Objects.requireNonNull(rejection, "rejection");
            Objects.requireNonNull(requestId, "requestId");
        }
    }
}
