package org.familyqa.adapter.mqtt;

import java.nio.file.Path;

import org.familyqa.ports.out.BrokerAccounts;
import org.familyqa.ports.out.MqttAccessRepository;
import org.familyqa.ports.out.PasswordHasher;

/**
 * A running broker with family access control, as {@link BrokerAccessContract} needs it.
 *
 * <p>The contract provisions families itself, the way the core does: it calls {@link #brokerAccounts()} first and
 * saves the record in {@link #repository()} afterwards. {@link #close()} stops the broker and everything the fixture
 * started.
 */
public interface BrokerAccessFixture extends AutoCloseable {

    /** Returns the host that clients connect to, such as {@code 127.0.0.1}. */
    String host();

    /** Returns the plain MQTT port. */
    int mqttPort();

    /** Returns the MQTT over TLS port. */
    int tlsPort();

    /** Returns a PEM file with the certificate that TLS clients trust (the broker's CA or its self-signed cert). */
    Path trustedCertificatePem();

    /** Returns the username of the server's own account. */
    String serverUsername();

    /** Returns the password of the server's own account. */
    String serverPassword();

    /** Returns the broker's account management, the port under test. */
    BrokerAccounts brokerAccounts();

    /** Returns the repository of family access records that the broker reads or that mirrors it. */
    MqttAccessRepository repository();

    /** Returns the hasher that produced the stored password hashes. */
    PasswordHasher passwordHasher();
}
