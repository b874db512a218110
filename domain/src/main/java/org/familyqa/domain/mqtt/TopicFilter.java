package org.familyqa.domain.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A syntactically valid MQTT topic name or filter, split into levels, with the shared-subscription group split off.
 *
 * <p>Validity follows MQTT 3.1.1 and 5: not empty, at most 65,535 UTF-8 bytes, no U+0000, {@code #} only as the whole
 * last level, {@code +} only as a whole level. Empty levels are valid MQTT ({@code a//b}), so they parse here; the
 * access rules reject them because no family topic has one.
 *
 * @param shareGroup the group of a {@code $share/<group>/<filter>} subscription, if it is one
 * @param levels     the levels of the filter, without the {@code $share/<group>} part
 */
public record TopicFilter(Optional<String> shareGroup, List<String> levels) {

    private static final int MAX_BYTES = 65_535;
    private static final String SHARE_PREFIX = "$share/";

    public TopicFilter {
        Objects.requireNonNull(shareGroup, "shareGroup");
        levels = List.copyOf(levels);
    }

    /**
     * Parses a subscription filter, with or without a {@code $share/<group>/} prefix.
     *
     * @return the filter, or empty if it is not valid MQTT
     */
    public static Optional<TopicFilter> parseFilter(String filter) {
        if (!hasValidSize(filter)) {
            return Optional.empty();
        }
        Optional<String> group = Optional.empty();
        String rest = filter;
        if (filter.startsWith(SHARE_PREFIX)) {
            int groupEnd = filter.indexOf('/', SHARE_PREFIX.length());
            if (groupEnd < 0) {
                return Optional.empty();
            }
            String name = filter.substring(SHARE_PREFIX.length(), groupEnd);
            if (name.isEmpty() || name.contains("+") || name.contains("#")) {
                return Optional.empty();
            }
            group = Optional.of(name);
            rest = filter.substring(groupEnd + 1);
            if (rest.isEmpty()) {
                return Optional.empty();
            }
        }
        List<String> levels = List.of(rest.split("/", -1));
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            boolean wildcardMisplaced = (level.contains("#") && (!level.equals("#") || i != levels.size() - 1))
                    || (level.contains("+") && !level.equals("+"));
            if (wildcardMisplaced) {
                return Optional.empty();
            }
        }
        return Optional.of(new TopicFilter(group, levels));
    }

    /**
     * Parses a topic name, as used in a PUBLISH: no wildcards and no shared-subscription prefix.
     *
     * @return the topic's levels, or empty if it is not a valid topic name
     */
    public static Optional<TopicFilter> parseTopicName(String topic) {
        if (!hasValidSize(topic) || topic.contains("+") || topic.contains("#")) {
            return Optional.empty();
        }
        return Optional.of(new TopicFilter(Optional.empty(), List.of(topic.split("/", -1))));
    }

    private static boolean hasValidSize(String text) {
        return text != null && !text.isEmpty() && text.indexOf('\u0000') < 0
                && text.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    /** Returns whether any level is empty, as in {@code a//b} or a trailing {@code /}. */
    public boolean hasEmptyLevel() {
        return levels.stream().anyMatch(String::isEmpty);
    }

    /** Returns whether any level is {@code +} or {@code #}. */
    public boolean hasWildcard() {
        return levels.stream().anyMatch(level -> level.equals("+") || level.equals("#"));
    }

    /** Returns whether the first level starts with {@code $}, as broker topics such as {@code $SYS} do. */
    public boolean isDollarTopic() {
        return levels.get(0).startsWith("$");
    }
}
