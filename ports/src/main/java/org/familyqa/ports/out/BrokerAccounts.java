package org.familyqa.ports.out;

import java.util.Collection;
import java.util.Set;

import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;

/**
 * The broker's view of family accounts: who may connect, with which password, on which topics.
 *
 * <p>A broker that checks passwords against {@link MqttAccessRepository} itself (the embedded broker) needs only to
 * cut off connections here; a broker with its own account store (Mosquitto's dynamic security plugin) gets each
 * change as a command. Every method returns once the broker applied the change, and the topic permissions it applies
 * are those of {@link org.familyqa.domain.mqtt.TopicAccessPolicy}.
 *
 * @since 0.1.0
 */
public interface BrokerAccounts {

    /**
     * Creates or updates the account so that {@code password} works for {@code access.username()} on the family's
     * topics, and cuts off the username's existing connections, whose old password no longer counts.
     *
     * @param password the new password in plain text; implementations never log or keep it
     * @throws BrokerUnavailableException if the broker did not apply the change
     */
    void enable(MqttAccess access, String password);

    /**
     * Refuses further connections of the username and cuts off its existing ones at once.
     *
     * @throws BrokerUnavailableException if the broker did not apply the change
     */
    void disable(MqttUsername username);

    /**
     * Compares the broker's accounts with the stored access records, disables on the broker every account that is
     * disabled or unknown in {@code stored}, and reports the enabled records the broker has no account for.
     *
     * @return usernames that are enabled in {@code stored} but cannot log in on the broker; their families need a
     *         credentials reset
     * @throws BrokerUnavailableException if the broker could not be read or changed
     */
    Set<MqttUsername> reconcile(Collection<MqttAccess> stored);
}
