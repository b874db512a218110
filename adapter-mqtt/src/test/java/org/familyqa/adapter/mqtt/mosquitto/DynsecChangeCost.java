package org.familyqa.adapter.mqtt.mosquitto;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.familyqa.adapter.mqtt.testing.MosquittoProcess;
import org.familyqa.domain.mqtt.MqttAccess;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Measures what one family's account change costs on Mosquitto with many families, for the deployment guide.
 *
 * <p>Not a test: run it with {@code java -cp <test classpath> ...DynsecChangeCost 1000 5000}. It writes the plugin's
 * file with N families directly (copying one real client's password hash), restarts the broker, and times
 * {@code createRole}, {@code createClient} and {@code addClientRole} sent one message each, as the plugin rewrites its
 * file after every one of them.
 */
public final class DynsecChangeCost {

    private static final int SAMPLES = 7;

    private DynsecChangeCost() {
    }

    public static void main(String[] args) throws Exception {
        for (String arg : args) {
            measure(Integer.parseInt(arg));
        }
    }

    private static void measure(int families) throws Exception {
        try (MosquittoProcess mosquitto = MosquittoProcess.startWithDynamicSecurity()) {
            MosquittoSettings settings = TestFamilies.settings(mosquitto);
            MqttAccess template = TestFamilies.family("template");
            try (MosquittoBrokerAccounts accounts = MosquittoBrokerAccounts.start(settings)) {
                accounts.enable(template, "template-password");
            }
            mosquitto.stop();
            fill(mosquitto, template, families);
            mosquitto.restart();

            List<Long> micros = new ArrayList<>();
            try (DynsecConnection connection = DynsecConnection.open(settings)) {
                for (int i = 0; i < SAMPLES; i++) {
                    MqttAccess access = TestFamilies.family("measure");
                    String name = access.username().value();
                    long start = System.nanoTime();
                    connection.execute(List.of(DynsecCommands.createRole(name,
                            AccountRoles.familyAcls(access.prefix())))).get(0).requireSuccess();
                    ObjectNode createClient = DynsecCommands.createClient(name, "pw", name);
                    createClient.remove("roles");
                    connection.execute(List.of(createClient)).get(0).requireSuccess();
                    connection.execute(List.of(DynsecCommands.addClientRole(name, name))).get(0).requireSuccess();
                    micros.add((System.nanoTime() - start) / 1000);
                }
            }
            List<Long> enableMicros = new ArrayList<>();
            try (MosquittoBrokerAccounts accounts = MosquittoBrokerAccounts.start(settings)) {
                for (int i = 0; i < SAMPLES; i++) {
                    long start = System.nanoTime();
                    accounts.enable(TestFamilies.family("enable"), "pw");
                    enableMicros.add((System.nanoTime() - start) / 1000);
                }
            }
            enableMicros.sort(Long::compare);
            System.out.printf("%d families: MosquittoBrokerAccounts.enable of a new family median %.1f ms, "
                    + "min %.1f ms, max %.1f ms%n", families, enableMicros.get(SAMPLES / 2) / 1000.0,
                    enableMicros.get(0) / 1000.0, enableMicros.get(SAMPLES - 1) / 1000.0);
            micros.sort(Long::compare);
            System.out.printf("%d families, file %d KiB: createRole+createClient+addClientRole median %.1f ms, "
                    + "min %.1f ms, max %.1f ms (%d samples)%n", families,
                    Files.size(mosquitto.dynamicSecurityFile()) / 1024, micros.get(SAMPLES / 2) / 1000.0,
                    micros.get(0) / 1000.0, micros.get(SAMPLES - 1) / 1000.0, SAMPLES);
        }
    }

    private static void fill(MosquittoProcess mosquitto, MqttAccess template, int families) throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(mosquitto.dynamicSecurityFile().toFile());
        ArrayNode clients = (ArrayNode) root.get("clients");
        ArrayNode roles = (ArrayNode) root.get("roles");
        String name = template.username().value();
        ObjectNode clientTemplate = find(clients, "username", name);
        ObjectNode roleTemplate = find(roles, "rolename", name);
        String slug = template.prefix().slug();
        for (int i = 0; i < families; i++) {
            String copy = "fam-fill-" + i;
            clients.add(json.readTree(json.writeValueAsString(clientTemplate).replace(name, copy)));
            roles.add(json.readTree(json.writeValueAsString(roleTemplate).replace(name, copy)
                    .replace("family/" + slug + "/", "family/fill-" + i + "/")));
        }
        json.writeValue(mosquitto.dynamicSecurityFile().toFile(), root);
    }

    private static ObjectNode find(ArrayNode array, String field, String value) {
        for (var node : array) {
            if (value.equals(node.path(field).asText())) {
                return (ObjectNode) node;
            }
        }
        throw new IllegalStateException(field + " " + value + " not found in the dynamic security file");
    }
}
