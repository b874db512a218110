package org.familyqa.domain.mqtt;

import java.time.Instant;
import java.util.Objects;

import org.familyqa.domain.family.FamilyId;

/**
 * A family's MQTT access: its broker account and whether it is enabled.
 *
 * <p>The password is kept only as a hash. Disabling keeps the record, so that enabling again issues new credentials
 * under the same username and prefix.
 *
 * @param familyId     the family
 * @param enabled      whether the account may connect
 * @param username     the broker username
 * @param passwordHash the hash of the current password
 * @param prefix       the family's topic prefix
 * @param issuedAt     when the current password was issued
 */
public record MqttAccess(FamilyId familyId, boolean enabled, MqttUsername username, PasswordHash passwordHash,
                         TopicPrefix prefix, Instant issuedAt) {

    public MqttAccess {
        Objects.requireNonNull(familyId, "familyId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (!username.prefix().equals(prefix)) {
            throw new IllegalArgumentException("username " + username + " does not belong to prefix " + prefix);
        }
    }

    /** Returns a copy with the account disabled. */
    public MqttAccess disabled() {
        return new MqttAccess(familyId, false, username, passwordHash, prefix, issuedAt);
    }

    /** Returns an enabled copy with a new password hash issued at {@code now}. */
    public MqttAccess withNewPassword(PasswordHash newHash, Instant now) {
        return new MqttAccess(familyId, true, username, newHash, prefix, now);
    }
}
