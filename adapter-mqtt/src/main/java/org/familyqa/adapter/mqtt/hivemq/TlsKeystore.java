package org.familyqa.adapter.mqtt.hivemq;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The keystore that the TLS listener serves, and the PEM certificate that clients trust if it was generated.
 *
 * @param path                the keystore file
 * @param password            the password of the keystore and of its key
 * @param trustedCertificatePem the generated self-signed certificate as PEM, empty for a keystore from the settings
 */
record TlsKeystore(Path path, String password, Optional<Path> trustedCertificatePem) {

    TlsKeystore {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(trustedCertificatePem, "trustedCertificatePem");
    }

    @Override
    public String toString() {
        return "TlsKeystore[path=" + path + ", password=hidden]";
    }
}
