package org.familyqa.adapter.mqtt.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Locale;

import javax.net.ssl.TrustManagerFactory;

/** Loads the certificates the bridge trusts for TLS from a PEM file or a PKCS12 trust store. */
final class TrustFiles {

    private TrustFiles() {
    }

    /**
     * Builds a trust manager factory from {@code file}: a PKCS12 store if its name ends in {@code .p12} or
     * {@code .pfx} (read without a password, which is enough for certificate entries), otherwise PEM certificates.
     *
     * @throws IllegalArgumentException if the file cannot be read or contains no certificate
     */
    static TrustManagerFactory load(Path file) {
        try {
            KeyStore store = isPkcs12(file) ? readPkcs12(file) : readPem(file);
            if (store.size() == 0) {
                throw new IllegalArgumentException("The TLS trust file " + file + " contains no certificate");
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Reading the TLS trust file " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static boolean isPkcs12(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx");
    }

    private static KeyStore readPkcs12(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, null);
        }
        return store;
    }

    private static KeyStore readPem(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        CertificateFactory certificates = CertificateFactory.getInstance("X.509");
        int index = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate certificate : certificates.generateCertificates(in)) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
        }
        return store;
    }
}
