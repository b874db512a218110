package org.familyqa.adapter.mqtt.hivemq;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writer of the broker's {@code config.xml}.
 *
 * <p>The broker would otherwise read the sample from the folder of its own jar, which listens on 0.0.0.0:1883 and
 * sends usage statistics. Sessions are kept in memory, so a broker restart forgets sessions and queued messages of
 * offline devices; the server republishes what it stored through its outbox.
 */
final class BrokerConfigFile {

    static final String FILE_NAME = "config.xml";

    private BrokerConfigFile() {
    }

    /** Writes the configuration into {@code configFolder}, readable only by the owner because it holds a password. */
    static void write(Path configFolder, EmbeddedBrokerSettings settings, TlsKeystore keystore) throws IOException {
        Files.createDirectories(configFolder);
        Path file = configFolder.resolve(FILE_NAME);
        Files.writeString(file, render(settings, keystore), StandardCharsets.UTF_8);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    static String render(EmbeddedBrokerSettings settings, TlsKeystore keystore) {
        String host = escape(settings.bindHost());
        String password = escape(keystore.password());
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <hivemq>
                    <listeners>
                        <tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                            <name>mqtt</name>
                        </tcp-listener>
                        <tls-tcp-listener>
                            <port>%d</port>
                            <bind-address>%s</bind-address>
                            <name>mqtt-tls</name>
                            <tls>
                                <keystore>
                                    <path>%s</path>
                                    <password>%s</password>
                                    <private-key-password>%s</private-key-password>
                                </keystore>
                                <protocols>
                                    <protocol>TLSv1.3</protocol>
                                    <protocol>TLSv1.2</protocol>
                                </protocols>
                            </tls>
                        </tls-tcp-listener>
                    </listeners>
                    <mqtt>
                        <packets>
                            <max-packet-size>%d</max-packet-size>
                        </packets>
                    </mqtt>
                    <anonymous-usage-statistics>
                        <enabled>false</enabled>
                    </anonymous-usage-statistics>
                    <persistence>
                        <mode>in-memory</mode>
                    </persistence>
                </hivemq>
                """.formatted(settings.mqttPort(), host, settings.tlsPort(), host,
                escape(keystore.path().toAbsolutePath().toString()), password, password,
                EmbeddedBrokerSettings.MAX_PACKET_SIZE);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&apos;");
    }
}
