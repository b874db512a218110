package org.familyqa.domain.mqtt;

import java.util.List;
import java.util.Optional;

/**
 * The one place that decides which topics an account may publish to and which filters it may subscribe to.
 *
 * <p>A family's account may publish only to its own {@code ask} and {@code respond} topics and subscribe only to
 * filters inside its own prefix (the prefix itself, or anything below it), never with a shared subscription. The
 * server's account may publish to any topic below any family prefix (questions, answers, errors and MQTT 5 replies)
 * and subscribe, shared or not, to filters below {@code family/<slug or +>}. Nobody may use {@code $}-topics such as
 * {@code $SYS} or {@code $CONTROL}, a filter with an empty level, or one that matches topics of several families
 * through {@code #} or {@code +} at the slug level, except the server's {@code +}.
 *
 * <p>Every broker adapter enforces exactly these rules, so that devices see the same behaviour on every broker.
 */
public final class TopicAccessPolicy {

    private TopicAccessPolicy() {
    }

    /** Returns whether {@code account} may publish a message on {@code topic}. */
    public static boolean mayPublish(BrokerAccount account, String topic) {
        Optional<TopicFilter> parsed = TopicFilter.parseTopicName(topic);
        if (parsed.isEmpty() || parsed.get().hasEmptyLevel() || parsed.get().isDollarTopic()) {
            return false;
        }
        List<String> levels = parsed.get().levels();
        if (account instanceof BrokerAccount.Family family) {
            return DeviceTopic.parse(topic).map(device -> device.prefix().equals(family.prefix())).orElse(false);
        }
        return levels.size() >= 3 && isFamilyLevel(levels) && TopicPrefix.isValidSlug(levels.get(1));
    }

    /** Returns whether {@code account} may subscribe to {@code filter}, which may be a {@code $share/...} filter. */
    public static boolean maySubscribe(BrokerAccount account, String filter) {
        Optional<TopicFilter> parsed = TopicFilter.parseFilter(filter);
        if (parsed.isEmpty() || parsed.get().hasEmptyLevel() || parsed.get().isDollarTopic()) {
            return false;
        }
        TopicFilter topicFilter = parsed.get();
        List<String> levels = topicFilter.levels();
        if (levels.size() < 2 || !isFamilyLevel(levels)) {
            return false;
        }
        String slugLevel = levels.get(1);
        if (account instanceof BrokerAccount.Family family) {
            return topicFilter.shareGroup().isEmpty() && slugLevel.equals(family.prefix().slug());
        }
        return slugLevel.equals("+") || TopicPrefix.isValidSlug(slugLevel);
    }

    private static boolean isFamilyLevel(List<String> levels) {
        return TopicPrefix.ROOT.equals(levels.get(0));
    }
}
