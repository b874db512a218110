package org.familyqa.adapter.mqtt.mosquitto;

import java.nio.file.Path;
import java.security.SecureRandom;

import org.familyqa.adapter.mqtt.BrokerAccessContract;
import org.familyqa.adapter.mqtt.BrokerAccessFixture;
import org.familyqa.adapter.mqtt.testing.MapMqttAccessRepository;
import org.familyqa.adapter.mqtt.testing.MosquittoProcess;
import org.familyqa.application.SaltedSha256PasswordHasher;
import org.familyqa.ports.out.BrokerAccounts;
import org.familyqa.ports.out.MqttAccessRepository;
import org.familyqa.ports.out.PasswordHasher;

/** Runs the broker access contract against a real Mosquitto with the dynamic security plugin. */
class MosquittoBrokerAccessTest extends BrokerAccessContract {

    @Override
    protected BrokerAccessFixture startBroker() {
        MosquittoProcess mosquitto = MosquittoProcess.builder().dynamicSecurity().tls().start();
        try {
            MosquittoBrokerAccounts accounts = MosquittoBrokerAccounts.start(TestFamilies.settings(mosquitto));
            return new Fixture(mosquitto, accounts, new MapMqttAccessRepository(),
                    new SaltedSha256PasswordHasher(new SecureRandom()));
        } catch (RuntimeException e) {
            mosquitto.close();
            throw e;
        }
    }

    private record Fixture(MosquittoProcess mosquitto, MosquittoBrokerAccounts accounts,
                           MqttAccessRepository repository, PasswordHasher passwordHasher)
            implements BrokerAccessFixture {

        @Override
        public String host() {
            return mosquitto.host();
        }

        @Override
        public int mqttPort() {
            return mosquitto.port();
        }

        @Override
        public int tlsPort() {
            return mosquitto.tlsPort();
        }

        @Override
        public Path trustedCertificatePem() {
            return mosquitto.caFile();
        }

        @Override
        public String serverUsername() {
            return TestFamilies.SERVER_USERNAME;
        }

        @Override
        public String serverPassword() {
            return TestFamilies.SERVER_PASSWORD;
        }

        @Override
        public BrokerAccounts brokerAccounts() {
            return accounts;
        }

        @Override
        public void close() {
            accounts.close();
            mosquitto.close();
        }
    }
}
