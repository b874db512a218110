package org.familyqa.adapter.mqtt.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Generates a CA and a server certificate for 127.0.0.1 and localhost with {@code openssl}. */
final class TestCertificates {

    static final String CA_CERTIFICATE = "ca.crt";
    static final String SERVER_CERTIFICATE = "server.crt";
    static final String SERVER_KEY = "server.key";

    private TestCertificates() {
    }

    /**
     * Writes {@code ca.crt}, {@code server.crt} and {@code server.key} into {@code folder}.
     *
     * @return the CA certificate file
     */
    static Path generate(Path folder) {
        try {
            Files.writeString(folder.resolve("server.ext"),
                    "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openssl(folder, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-keyout", "ca.key", "-out", CA_CERTIFICATE, "-subj", "/CN=FamilyQA test CA");
        openssl(folder, "req", "-newkey", "rsa:2048", "-nodes",
                "-keyout", SERVER_KEY, "-out", "server.csr", "-subj", "/CN=localhost");
        openssl(folder, "x509", "-req", "-in", "server.csr", "-CA", CA_CERTIFICATE, "-CAkey", "ca.key",
                "-CAcreateserial", "-days", "2", "-extfile", "server.ext", "-out", SERVER_CERTIFICATE);
        return folder.resolve(CA_CERTIFICATE);
    }

    private static void openssl(Path folder, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(arguments));
        Binaries.run(command, folder);
    }
}
