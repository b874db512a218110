package org.familyqa.adapter.mqtt.mosquitto;

import java.util.List;

import org.familyqa.adapter.mqtt.mosquitto.DynsecCommands.Acl;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.domain.mqtt.TopicPrefix;

/**
 * The dynamic security roles that grant what {@link org.familyqa.domain.mqtt.TopicAccessPolicy} allows.
 *
 * <p>The plugin checks a subscription filter against {@code subscribePattern} and then each delivered message against
 * {@code publishClientReceive}, so a family's {@code #} subscription is rejected, and a granted wildcard still
 * delivers only the family's own topics. A shared subscription is checked with its {@code $share/<group>/} start, so
 * the server's role lists those filters separately.
 */
final class AccountRoles {

    private AccountRoles() {
    }

    /** Returns the role name of a family's account; it equals the username. */
    static String familyRole(MqttUsername username) {
        return username.value();
    }

    /**
     * Returns a family's grants: publish on its {@code ask} and {@code respond} topics, and subscribe, receive and
     * unsubscribe within its prefix.
     */
    static List<Acl> familyAcls(TopicPrefix prefix) {
        String everything = prefix.value() + "/#";
        return List.of(
                new Acl(Acl.PUBLISH_SEND, prefix.topic(FamilyTopic.ASK)),
                new Acl(Acl.PUBLISH_SEND, prefix.topic(FamilyTopic.RESPOND)),
                new Acl(Acl.SUBSCRIBE, everything),
                new Acl(Acl.PUBLISH_RECEIVE, everything),
                new Acl(Acl.UNSUBSCRIBE, everything));
    }

    /** Returns the server account's role name. */
    static String serverRole(String serverUsername) {
        return serverUsername;
    }

    /**
     * Returns the server's grants: publish anywhere below {@code family/} (questions, answers, errors and MQTT 5
     * replies), and subscribe, shared in {@code shareGroup} or not, to filters below {@code family/<slug or +>}.
     */
    static List<Acl> serverAcls(String shareGroup) {
        String families = TopicPrefix.ROOT + "/#";
        String belowEveryFamily = TopicPrefix.ROOT + "/+/#";
        String sharedBelowEveryFamily = "$share/" + shareGroup + "/" + belowEveryFamily;
        return List.of(
                new Acl(Acl.PUBLISH_SEND, families),
                new Acl(Acl.PUBLISH_RECEIVE, families),
                new Acl(Acl.SUBSCRIBE, belowEveryFamily),
                new Acl(Acl.SUBSCRIBE, sharedBelowEveryFamily),
                new Acl(Acl.UNSUBSCRIBE, belowEveryFamily),
                new Acl(Acl.UNSUBSCRIBE, sharedBelowEveryFamily));
    }
}
