package org.familyqa.ports.in;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.domain.mqtt.TopicPrefix;

/**
 * Turning a family's MQTT access on and off, and managing its broker credentials.
 *
 * <p>Every method returns {@link org.familyqa.domain.ErrorCode#NOT_FOUND} for a family that does not exist. Methods
 * that change the broker throw {@link org.familyqa.ports.out.BrokerUnavailableException} when the broker did not
 * apply the change; the stored state is then left as it was before the call. The exception is {@link #disable}: its
 * record stays disabled, so that a broker that checks the store already refuses the family, and calling it again
 * retries the broker.
 *
 * @since 0.1.0
 */
public interface MqttAccessUseCases {

    /**
     * Enables MQTT with a new password. Calling it on an enabled family issues a new password, like
     * {@link #resetCredentials}.
     */
    Result<MqttCredentials> enable(FamilyId familyId);

    /** Disables MQTT; the family's connected devices are cut off at once. Disabling twice is not an error. */
    Result<MqttStatus> disable(FamilyId familyId);

    /** Returns the MQTT status, never the password. */
    Result<MqttStatus> status(FamilyId familyId);

    /**
     * Issues a new password; the old one stops working at once and connected devices are cut off.
     *
     * @return the new credentials, or {@link org.familyqa.domain.ErrorCode#CONFLICT} if MQTT is disabled
     */
    Result<MqttCredentials> resetCredentials(FamilyId familyId);

    /**
     * Sends a message through the broker on the family's topics and measures its round trip.
     *
     * @return the round-trip time, or {@link org.familyqa.domain.ErrorCode#UNAVAILABLE} if it did not come back
     */
    Result<Duration> testConnection(FamilyId familyId);

    /**
     * Compares the broker's accounts with the stored access records, at server start: disables on the broker every
     * account that is not enabled in the store, and notes the enabled families the broker has no account for. Their
     * {@link MqttStatus#needsCredentialsReset()} is true until they enable MQTT again or reset their credentials.
     *
     * <p>The default does nothing and returns an empty set, for implementations without a broker of their own.
     *
     * @return the usernames whose families need a credentials reset
     * @throws org.familyqa.ports.out.BrokerUnavailableException if the broker could not be read or changed
     * @since 0.1.0
     */
    default Set<MqttUsername> reconcileBroker() {
        return Set.of();
    }

    /**
     * Newly issued credentials, shown once.
     *
     * @param username the broker username
     * @param password the password in plain text; only its hash is stored
     * @param prefix   the topic prefix
     * @param topics   every topic under the prefix
     * @param issuedAt when the password was issued
     */
    record MqttCredentials(MqttUsername username, String password, TopicPrefix prefix, List<String> topics,
                           Instant issuedAt) {
        public MqttCredentials {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(prefix, "prefix");
            topics = List.copyOf(topics);
            Objects.requireNonNull(issuedAt, "issuedAt");
        }

        @Override
        public String toString() {
            return "MqttCredentials[username=" + username + ", password=hidden, prefix=" + prefix + "]";
        }
    }

    /**
     * A family's MQTT status.
     *
     * @param enabled            whether devices may connect
     * @param username           the broker username, if MQTT was ever enabled
     * @param prefix             the topic prefix
     * @param topics             every topic under the prefix
     * @param issuedAt           when the current password was issued, if ever
     * @param needsCredentialsReset whether the broker lost the account (found when the server started), so the
     *                           family must reset its credentials before devices can connect again
     */
    record MqttStatus(boolean enabled, Optional<MqttUsername> username, TopicPrefix prefix, List<String> topics,
                      Optional<Instant> issuedAt, boolean needsCredentialsReset) {
        public MqttStatus {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(prefix, "prefix");
            topics = List.copyOf(topics);
            Objects.requireNonNull(issuedAt, "issuedAt");
        }
    }
}
