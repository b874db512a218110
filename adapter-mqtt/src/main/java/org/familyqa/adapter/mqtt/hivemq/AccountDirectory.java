package org.familyqa.adapter.mqtt.hivemq;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.familyqa.domain.mqtt.BrokerAccount;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.ports.out.MqttAccessRepository;
import org.familyqa.ports.out.PasswordHasher;

/**
 * Checks broker logins: the server's account against a hash kept in memory, family accounts against the last
 * enable or disable command of this run, or else against the stored access records.
 *
 * <p>The core calls {@link org.familyqa.ports.out.BrokerAccounts} before it saves the record, so for a moment the
 * repository still holds the old password. Remembering the commands closes that gap: a device that reconnects right
 * after being cut off meets the new state. Commands are kept until the broker stops, one small entry per family
 * changed during the run. Thread-safe.
 */
final class AccountDirectory {

    private final MqttAccessRepository repository;
    private final PasswordHasher hasher;
    private final String serverUsername;
    private final PasswordHash serverPasswordHash;
    private final Map<MqttUsername, Command> commands = new ConcurrentHashMap<>();
    private final AtomicLong commandCounter = new AtomicLong();

    AccountDirectory(MqttAccessRepository repository, PasswordHasher hasher, String serverUsername,
                     String serverPassword) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.serverUsername = Objects.requireNonNull(serverUsername, "serverUsername");
        this.serverPasswordHash = hasher.hash(Objects.requireNonNull(serverPassword, "serverPassword"));
    }

    /**
     * Checks a login.
     *
     * @return the account, or empty for an unknown username, a disabled family or a wrong password
     * @throws org.familyqa.ports.out.StoreUnavailableException if the repository failed
     */
    Optional<Login> authenticate(String username, String password) {
        if (username.equals(serverUsername)) {
            return hasher.matches(password, serverPasswordHash)
                    ? Optional.of(new Login(username, new BrokerAccount.Server(), 0))
                    : Optional.empty();
        }
        if (!MqttUsername.isFamilyUsername(username)) {
            return Optional.empty();
        }
        MqttUsername family = new MqttUsername(username);
        long version = versionOf(family);
        Command command = commands.get(family);
        Optional<PasswordHash> validHash = command != null
                ? command.passwordHash()
                : repository.findByUsername(family).filter(MqttAccess::enabled).map(MqttAccess::passwordHash);
        return validHash.filter(hash -> hasher.matches(password, hash))
                .map(hash -> new Login(username, new BrokerAccount.Family(family.prefix()), version));
    }

    /** Returns whether no enable or disable command for the login's username arrived since it was checked. */
    boolean isCurrent(Login login) {
        return !MqttUsername.isFamilyUsername(login.username())
                || versionOf(new MqttUsername(login.username())) == login.version();
    }

    /** Records that {@code access} is now enabled with the hash of {@code password}. */
    void enable(MqttAccess access, String password) {
        if (!access.enabled()) {
            throw new IllegalArgumentException("access of " + access.username() + " must be enabled to enable it");
        }
        if (!hasher.matches(password, access.passwordHash())) {
            throw new IllegalArgumentException("password does not match the password hash of " + access.username());
        }
        commands.put(access.username(), new Command(Optional.of(access.passwordHash()), nextVersion()));
    }

    /** Records that {@code username} may no longer connect. */
    void disable(MqttUsername username) {
        commands.put(username, new Command(Optional.empty(), nextVersion()));
    }

    private long versionOf(MqttUsername username) {
        Command command = commands.get(username);
        return command == null ? 0 : command.version();
    }

    private long nextVersion() {
        return commandCounter.incrementAndGet();
    }

    /**
     * A successful login.
     *
     * @param username the broker username
     * @param account  whose permissions apply
     * @param version  the version of the username's last command when the password was checked, 0 if none
     */
    record Login(String username, BrokerAccount account, long version) {
    }

    /** The last enable (with the valid hash) or disable (no hash) command for a username. */
    private record Command(Optional<PasswordHash> passwordHash, long version) {
    }
}
