package org.familyqa.domain.family;

import java.time.Instant;
import java.util.Objects;

import org.familyqa.domain.mqtt.TopicPrefix;

/**
 * A family: the unit that owns questions, answers, an API token and MQTT access.
 *
 * @param id          the family's identifier
 * @param name        the display name
 * @param topicPrefix the MQTT topic prefix, fixed when the family is created
 * @param createdAt   when the family was created
 */
public record Family(FamilyId id, FamilyName name, TopicPrefix topicPrefix, Instant createdAt) {

    public Family {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
