package org.familyqa.domain.mqtt;

import java.util.Objects;
import java.util.Optional;

/**
 * A topic that devices publish on, {@code family/<slug>/ask} or {@code family/<slug>/respond}, split into its parts.
 *
 * @param prefix the family's prefix
 * @param kind   {@link FamilyTopic#ASK} or {@link FamilyTopic#RESPOND}
 */
public record DeviceTopic(TopicPrefix prefix, FamilyTopic kind) {

    public DeviceTopic {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(kind, "kind");
        if (!kind.deviceWritable()) {
            throw new IllegalArgumentException("kind must be a topic devices publish on, not " + kind);
        }
    }

    /**
     * Parses a topic name of exactly three levels: {@code family}, a valid slug, and {@code ask} or {@code respond}.
     *
     * @return the parsed topic, or empty for any other topic
     */
    public static Optional<DeviceTopic> parse(String topic) {
        if (topic == null) {
            return Optional.empty();
        }
        String[] levels = topic.split("/", -1);
        if (levels.length != 3 || !TopicPrefix.ROOT.equals(levels[0]) || !TopicPrefix.isValidSlug(levels[1])) {
            return Optional.empty();
        }
        return FamilyTopic.ofLevel(levels[2])
                .filter(FamilyTopic::deviceWritable)
                .map(kind -> new DeviceTopic(new TopicPrefix(levels[1]), kind));
    }

    /** Returns the full topic name. */
    public String topic() {
        return prefix.topic(kind);
    }
}
