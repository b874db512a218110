package org.familyqa.adapter.mqtt.bridge;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.domain.mqtt.TopicPrefix;

/**
 * Checks the response topic of an MQTT 5 request and rebuilds it from the family's prefix.
 *
 * <p>A reply goes only below the prefix of the family that sent the request. The levels after the prefix are limited
 * to {@code [A-Za-z0-9._-]}, so no wildcard, empty level or {@code $} can reach a topic the server publishes on, and
 * the family's fixed topics ({@code questions}, {@code answers}, {@code ask}, {@code respond}, {@code errors}) and the
 * probe topic are refused: a reply on {@code ask} would be read back by the server as a new request, and one on the
 * others would mix with the messages devices expect there.
 */
final class ReplyTopics {

    static final int MAX_SUFFIX_LEVELS = 8;

    private static final Pattern LEVEL = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> RESERVED_LEVELS = reservedLevels();

    private ReplyTopics() {
    }

    /** Returns the topic to reply on, or empty if {@code responseTopic} is not an allowed topic under the prefix. */
    static Optional<String> replyTopic(TopicPrefix prefix, String responseTopic) {
        String start = prefix.value() + "/";
        if (responseTopic == null || !responseTopic.startsWith(start)) {
            return Optional.empty();
        }
        String[] levels = responseTopic.substring(start.length()).split("/", -1);
        if (levels.length > MAX_SUFFIX_LEVELS || RESERVED_LEVELS.contains(levels[0])) {
            return Optional.empty();
        }
        StringBuilder topic = new StringBuilder(prefix.value());
        for (String level : levels) {
            if (!LEVEL.matcher(level).matches()) {
                return Optional.empty();
            }
            topic.append('/').append(level);
        }
        return Optional.of(topic.toString());
    }

    private static Set<String> reservedLevels() {
        Set<String> levels = new HashSet<>();
        for (FamilyTopic topic : FamilyTopic.values()) {
            levels.add(topic.level());
        }
        levels.add(MqttBridge.PROBE_LEVEL);
        return Set.copyOf(levels);
    }
}
