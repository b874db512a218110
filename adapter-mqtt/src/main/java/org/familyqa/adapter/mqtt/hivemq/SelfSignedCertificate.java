package org.familyqa.adapter.mqtt.hivemq;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.familyqa.domain.mqtt.Secrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's generated TLS identity: a self-signed RSA certificate that is its own CA, kept in a PKCS12 keystore
 * with a PEM copy that device users add to their trust store.
 *
 * <p>The certificate names {@code 127.0.0.1}, {@code localhost} and the configured host. It is created at first
 * start and reused afterwards; a stored certificate that does not name the configured host is replaced.
 */
final class SelfSignedCertificate {

    static final String KEYSTORE_FILE = "broker-keystore.p12";
    static final String PASSWORD_FILE = "broker-keystore.password";
    static final String CERTIFICATE_PEM_FILE = "broker-ca.pem";

    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificate.class);
    private static final String KEY_ALIAS = "broker";
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int SAN_DNS_NAME = 2;
    private static final int SAN_IP_ADDRESS = 7;

    private SelfSignedCertificate() {
    }

    /** Loads the keystore from {@code tlsFolder}, or creates it when it is missing or does not name {@code host}. */
    static TlsKeystore loadOrCreate(Path tlsFolder, String host) throws IOException {
        Path keystore = tlsFolder.resolve(KEYSTORE_FILE);
        Path passwordFile = tlsFolder.resolve(PASSWORD_FILE);
        Path pem = tlsFolder.resolve(CERTIFICATE_PEM_FILE);
        Set<String> names = subjectAlternativeNames(host);
        if (Files.isRegularFile(keystore) && Files.isRegularFile(passwordFile) && Files.isRegularFile(pem)) {
            String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
            if (storedCertificateNames(keystore, password).containsAll(names)) {
                return new TlsKeystore(keystore, password, Optional.of(pem));
            }
            LOG.warn("Replacing the broker certificate in {} because it does not name all of {}", tlsFolder, names);
        }
        return create(tlsFolder, names);
    }

    private static TlsKeystore create(Path tlsFolder, Set<String> names) throws IOException {
        Files.createDirectories(tlsFolder);
        String password = new Secrets(new SecureRandom()).newSecret();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keyPair = generator.generateKeyPair();
            X509Certificate certificate = sign(keyPair, names);

            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(KEY_ALIAS, keyPair.getPrivate(), password.toCharArray(),
                    new Certificate[] {certificate});
            Path keystore = tlsFolder.resolve(KEYSTORE_FILE);
            writeOwnerOnly(tlsFolder.resolve(PASSWORD_FILE), password.getBytes(StandardCharsets.UTF_8));
            try (OutputStream out = Files.newOutputStream(keystore)) {
                store.store(out, password.toCharArray());
            }
            restrictToOwner(keystore);
            Path pem = tlsFolder.resolve(CERTIFICATE_PEM_FILE);
            Files.writeString(pem, toPem(certificate), StandardCharsets.US_ASCII);
            LOG.info("Generated a self-signed broker certificate for {}; clients trust {}", names, pem);
            return new TlsKeystore(keystore, password, Optional.of(pem));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot generate the broker's TLS certificate in " + tlsFolder, e);
        }
    }

    private static X509Certificate sign(KeyPair keyPair, Set<String> names)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X500Name subject = new X500Name("CN=FamilyQA embedded MQTT broker");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(VALIDITY)), subject, keyPair.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true,
                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment | KeyUsage.keyCertSign));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                extensions.createAuthorityKeyIdentifier(keyPair.getPublic()));
        List<GeneralName> sans = new ArrayList<>();
        for (String name : names) {
            sans.add(isIpAddress(name) ? new GeneralName(GeneralName.iPAddress, name)
                    : new GeneralName(GeneralName.dNSName, name));
        }
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(sans.toArray(GeneralName[]::new)));
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate())));
    }

    private static Set<String> subjectAlternativeNames(String host) {
        Set<String> names = new LinkedHashSet<>(List.of("127.0.0.1", "localhost"));
        boolean wildcardAddress = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
        if (!wildcardAddress) {
            names.add(host);
        }
        return names;
    }

    private static Set<String> storedCertificateNames(Path keystore, String password) {
        Set<String> names = new LinkedHashSet<>();
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            X509Certificate certificate = (X509Certificate) store.getCertificate(KEY_ALIAS);
            Collection<List<?>> sans = certificate == null ? null : certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == SAN_DNS_NAME || type == SAN_IP_ADDRESS) {
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            LOG.warn("Cannot read the stored broker keystore {}, generating a new one", keystore, e);
        }
        return names;
    }

    private static boolean isIpAddress(String name) {
        return IPV4.matcher(name).matches() || name.contains(":");
    }

    private static String toPem(X509Certificate certificate) throws GeneralSecurityException {
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        return "-----BEGIN CERTIFICATE-----\n" + encoder.encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Files.write(file, content);
        restrictToOwner(file);
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
