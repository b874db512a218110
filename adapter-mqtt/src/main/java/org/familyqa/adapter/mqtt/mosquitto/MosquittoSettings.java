package org.familyqa.adapter.mqtt.mosquitto;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.familyqa.domain.mqtt.MqttUsername;

/**
 * How the server reaches Mosquitto's dynamic security plugin, and the server's own broker account.
 *
 * @param host                where the broker listens, such as {@code 127.0.0.1} or {@code mosquitto}
 * @param port                the MQTT port of {@code host}, plain or TLS as {@code tls} selects
 * @param tls                 whether {@code port} speaks MQTT over TLS
 * @param trustedCaFile       the PEM file of the CA that signed the broker's certificate, or {@code null} to trust
 *                            the JVM's default CAs; only used with TLS
 * @param adminUsername       the dynamic security administrator created by {@code mosquitto_ctrl dynsec init}
 * @param adminPassword       its password
 * @param serverUsername      the server's own account, which reads every family's ask and respond topics
 * @param serverPassword      its password; the adapter creates the account with it, or sets it if it differs
 * @param shareGroup          the shared subscription group that server instances use, such as {@code familyqa}
 * @param commandTimeout      how long one dynamic security command may take; a batch of n commands waits n times
 *                            as long, because the plugin rewrites its whole file once per command
 */
public record MosquittoSettings(String host, int port, boolean tls, Path trustedCaFile, String adminUsername,
                                String adminPassword, String serverUsername, String serverPassword,
                                String shareGroup, Duration commandTimeout) {

    private static final Pattern SHARE_GROUP = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public MosquittoSettings {
        requireText(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        requireText(adminUsername, "adminUsername");
        requireText(adminPassword, "adminPassword");
        requireText(serverUsername, "serverUsername");
        requireText(serverPassword, "serverPassword");
        if (serverUsername.equals(adminUsername) || MqttUsername.isFamilyUsername(serverUsername)
                || serverUsername.startsWith(MqttUsername.FAMILY_PREFIX)) {
            throw new IllegalArgumentException("serverUsername must differ from adminUsername and must not start with '"
                    + MqttUsername.FAMILY_PREFIX + "', was '" + serverUsername + "'");
        }
        if (adminUsername.startsWith(MqttUsername.FAMILY_PREFIX)) {
            throw new IllegalArgumentException("adminUsername must not start with '" + MqttUsername.FAMILY_PREFIX
                    + "', was '" + adminUsername + "'");
        }
        if (shareGroup == null || !SHARE_GROUP.matcher(shareGroup).matches()) {
            throw new IllegalArgumentException(
                    "shareGroup must be 1 to 64 characters of A-Z, a-z, 0-9, '_' and '-', was '" + shareGroup + "'");
        }
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("commandTimeout must be positive, was " + commandTimeout);
        }
    }

    /** Returns the CA file to trust for TLS, if one was configured. */
    public Optional<Path> trustedCa() {
        return Optional.ofNullable(trustedCaFile);
    }

    /** Returns the settings without the two passwords, which never appear in logs. */
    @Override
    public String toString() {
        return "MosquittoSettings[host=" + host + ", port=" + port + ", tls=" + tls + ", trustedCaFile=" + trustedCaFile
                + ", adminUsername=" + adminUsername + ", serverUsername=" + serverUsername + ", shareGroup="
                + shareGroup + ", commandTimeout=" + commandTimeout + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
