package org.familyqa.application;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.familyqa.domain.family.Family;
import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.FamilyTopic;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.mqtt.Secrets;
import org.familyqa.domain.mqtt.TopicPrefix;
import org.familyqa.ports.in.MqttAccessUseCases;
import org.familyqa.ports.in.Result;
import org.familyqa.ports.out.BrokerAccounts;
import org.familyqa.ports.out.BrokerProbe;
import org.familyqa.ports.out.BrokerUnavailableException;
import org.familyqa.ports.out.FamilyRepository;
import org.familyqa.ports.out.MqttAccessRepository;
import org.familyqa.ports.out.PasswordHasher;

/**
 * Turns families' MQTT access on and off and issues their broker passwords.
 *
 * <p>A new password goes to the broker first and is stored (as a hash) only after the broker applied it; if storing
 * fails, the broker account is disabled again so that no password works that the store does not know. Disabling
 * stores the disabled record first, then disables the account on the broker. Changes of one family are serialized
 * within this instance. The plain password exists only in the returned credentials and in the call to the broker.
 *
 * @since 0.1.0
 */
public final class MqttAccessService implements MqttAccessUseCases {

    private static final System.Logger LOG = System.getLogger(MqttAccessService.class.getName());

    private final FamilyRepository families;
    private final MqttAccessRepository accessRecords;
    private final BrokerAccounts broker;
    private final BrokerProbe probe;
    private final PasswordHasher hasher;
    private final Secrets secrets;
    private final Clock clock;
    private final Duration probeTimeout;
    private final Set<MqttUsername> needsReset = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<FamilyId, Object> familyLocks = new ConcurrentHashMap<>();

    MqttAccessService(FamilyRepository families, MqttAccessRepository accessRecords, BrokerAccounts broker,
                      BrokerProbe probe, PasswordHasher hasher, Secrets secrets, Clock clock, Duration probeTimeout) {
        this.families = Objects.requireNonNull(families, "families");
        this.accessRecords = Objects.requireNonNull(accessRecords, "accessRecords");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.probeTimeout = Objects.requireNonNull(probeTimeout, "probeTimeout");
    }

    /** Enables MQTT with a new password, on the broker first, then in the store. */
    @Override
    public Result<MqttCredentials> enable(FamilyId familyId) {
        Optional<Family> family = families.findById(familyId);
        if (family.isEmpty()) {
            return Rejections.familyNotFound();
        }
        synchronized (lockOf(familyId)) {
            return Result.ok(issuePassword(family.get(), accessRecords.findByFamily(familyId)));
        }
    }

    /** Stores the record disabled, then disables the account on the broker; a family never enabled is left as is. */
    @Override
    public Result<MqttStatus> disable(FamilyId familyId) {
        Optional<Family> family = families.findById(familyId);
        if (family.isEmpty()) {
            return Rejections.familyNotFound();
        }
        synchronized (lockOf(familyId)) {
            Optional<MqttAccess> current = accessRecords.findByFamily(familyId);
            if (current.isEmpty()) {
                return Result.ok(statusOf(family.get(), current));
            }
            MqttAccess disabled = current.get().disabled();
            if (current.get().enabled()) {
                accessRecords.save(disabled);
            }
            broker.disable(disabled.username());
            needsReset.remove(disabled.username());
            LOG.log(Level.INFO, () -> "Disabled MQTT of family " + familyId);
            return Result.ok(statusOf(family.get(), Optional.of(disabled)));
        }
    }

    /** Returns the MQTT status, never the password. */
    @Override
    public Result<MqttStatus> status(FamilyId familyId) {
        Optional<Family> family = families.findById(familyId);
        if (family.isEmpty()) {
            return Rejections.familyNotFound();
        }
        return Result.ok(statusOf(family.get(), accessRecords.findByFamily(familyId)));
    }

    /**
     * Issues a new password, on the broker first, then in the store.
     *
     * @return the new credentials, or {@link ErrorCode#CONFLICT} if MQTT is disabled
     */
    @Override
    public Result<MqttCredentials> resetCredentials(FamilyId familyId) {
        Optional<Family> family = families.findById(familyId);
        if (family.isEmpty()) {
            return Rejections.familyNotFound();
        }
        synchronized (lockOf(familyId)) {
            Optional<MqttAccess> current = accessRecords.findByFamily(familyId);
            if (current.isEmpty() || !current.get().enabled()) {
                return Result.rejected(Rejection.ofMessage(ErrorCode.CONFLICT,
                        "MQTT is disabled for this family; enable it to get new credentials."));
            }
            return Result.ok(issuePassword(family.get(), current));
        }
    }

    /**
     * Sends a probe message through the broker on the family's topics.
     *
     * @return the round-trip time, or {@link ErrorCode#UNAVAILABLE} if the probe did not come back in time
     */
    @Override
    public Result<Duration> testConnection(FamilyId familyId) {
        Optional<Family> family = families.findById(familyId);
        if (family.isEmpty()) {
            return Rejections.familyNotFound();
        }
        try {
            return Result.ok(probe.roundTrip(family.get().topicPrefix(), probeTimeout));
        } catch (BrokerUnavailableException e) {
            LOG.log(Level.WARNING, "MQTT test of family " + familyId + " failed: " + e.getMessage());
            return Result.rejected(Rejection.ofMessage(ErrorCode.UNAVAILABLE, "The test message did not come back "
                    + "through the broker within " + probeTimeout.toMillis() + " ms; try again later."));
        }
    }

    /** Reconciles the broker's accounts with the stored records and remembers which families need a reset. */
    @Override
    public Set<MqttUsername> reconcileBroker() {
        Set<MqttUsername> missing = broker.reconcile(accessRecords.listAll());
        needsReset.clear();
        needsReset.addAll(missing);
        if (!missing.isEmpty()) {
            LOG.log(Level.WARNING, () -> missing.size() + " enabled MQTT accounts are missing on the broker; "
                    + "their families must reset their credentials: " + missing);
        }
        return Set.copyOf(missing);
    }

    private MqttCredentials issuePassword(Family family, Optional<MqttAccess> current) {
        String password = secrets.newSecret();
        PasswordHash hash = hasher.hash(password);
        Instant now = Rejections.now(clock);
        TopicPrefix prefix = family.topicPrefix();
        MqttAccess access = current.map(existing -> existing.withNewPassword(hash, now))
                .orElseGet(() -> new MqttAccess(family.id(), true, MqttUsername.forPrefix(prefix), hash, prefix, now));

        broker.enable(access, password);
        try {
            accessRecords.save(access);
        } catch (RuntimeException e) {
            disableAfterFailedSave(access.username(), e);
            throw e;
        }
        needsReset.remove(access.username());
        LOG.log(Level.INFO, () -> "Issued a new MQTT password for family " + family.id());
        return new MqttCredentials(access.username(), password, prefix, topicsOf(prefix), now);
    }

    private void disableAfterFailedSave(MqttUsername username, RuntimeException saveFailure) {
        try {
            broker.disable(username);
        } catch (RuntimeException e) {
            saveFailure.addSuppressed(e);
            LOG.log(Level.ERROR, "Storing the new MQTT password of " + username + " failed, and disabling the "
                    + "account on the broker failed too; the broker may accept a password the store does not know",
                    e);
        }
        // The broker account is now disabled while the store may still record it as enabled, so the family must reset.
        needsReset.add(username);
    }

    private MqttStatus statusOf(Family family, Optional<MqttAccess> access) {
        boolean enabled = access.map(MqttAccess::enabled).orElse(false);
        Optional<MqttUsername> username = access.map(MqttAccess::username);
        boolean reset = enabled && needsReset.contains(username.get());
        return new MqttStatus(enabled, username, family.topicPrefix(), topicsOf(family.topicPrefix()),
                access.map(MqttAccess::issuedAt), reset);
    }

    private static List<String> topicsOf(TopicPrefix prefix) {
        return Arrays.stream(FamilyTopic.values()).map(prefix::topic).toList();
    }

    private Object lockOf(FamilyId familyId) {
        return familyLocks.computeIfAbsent(familyId, id -> new Object());
    }
}
