package org.familyqa.bootstrap.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.familyqa.bootstrap.testing.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the device examples in {@code docs/examples} against an embedded server, as a user would: each asks a question,
 * waits for it on the questions topic, answers it and waits for the answer. An example whose language or MQTT
 * library is not installed is skipped, naming what is missing; {@code .ci/run} installs both on Debian.
 */
class DeviceExamplesTest {

    private static final Path EXAMPLES = locateExamples();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long EXAMPLE_TIMEOUT_SECONDS = 60;

    private static RunningServer running;

    @BeforeAll
    static void startServer() {
        running = RunningServer.start(RunningServer.Setup.EMBEDDED);
    }

    @AfterAll
    static void stopServer() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void javascriptExampleAsksAndAnswersOverMqtt5() throws Exception {
        Path folder = EXAMPLES.resolve("javascript");
        assumeTrue(succeeds(folder, "node", "--version"), "node is not installed");
        assumeTrue(Files.isDirectory(folder.resolve("node_modules/mqtt")),
                "the mqtt package is not installed; run 'npm install' in docs/examples/javascript");

        assertExampleAsksAndAnswers(folder, List.of("node", "familyqa-device.mjs"), false);
    }

    @Test
    void javascriptExampleConnectsOverTls() throws Exception {
        Path folder = EXAMPLES.resolve("javascript");
        assumeTrue(succeeds(folder, "node", "--version"), "node is not installed");
        assumeTrue(Files.isDirectory(folder.resolve("node_modules/mqtt")),
                "the mqtt package is not installed; run 'npm install' in docs/examples/javascript");

        assertExampleAsksAndAnswers(folder, List.of("node", "familyqa-device.mjs"), true);
    }

    @Test
    void pythonExampleAsksAndAnswersOverMqtt311() throws Exception {
        Path folder = EXAMPLES.resolve("python");
        Optional<String> python = pythonWithPaho(folder);
        assumeTrue(python.isPresent(), "no python3 that can import paho.mqtt; install python3-paho-mqtt");

        assertExampleAsksAndAnswers(folder, List.of(python.get(), "familyqa_device.py"), false);
    }

    private static void assertExampleAsksAndAnswers(Path folder, List<String> command, boolean tls) throws Exception {
        Family family = newFamilyWithMqtt();
        String question = "Example question " + UUID.randomUUID();
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("FAMILYQA_HOST", running.mqttHost());
        env.put("FAMILYQA_PORT", Integer.toString(tls ? running.mqttTlsPort() : running.mqttPort()));
        if (tls) {
            env.put("FAMILYQA_CA_FILE", running.trustedCertificate().toString());
        }
        env.put("FAMILYQA_USERNAME", family.username());
        env.put("FAMILYQA_PASSWORD", family.password());
        env.put("FAMILYQA_TOPIC_PREFIX", family.prefix());
        env.put("FAMILYQA_QUESTION", question);

        Process process = builder.start();
        boolean exited = process.waitFor(EXAMPLE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(exited).as("example finished; output:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
        assertThat(output).contains("asked and received question ").contains("answered question ");
        JsonNode stored = storedQuestions(family, question);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).get("source").asText()).isEqualTo("mqtt");
        assertThat(output).contains("asked and received question " + stored.get(0).get("question_id").asText());
    }

    private record Family(String id, String token, String username, String password, String prefix) {
    }

    private static Family newFamilyWithMqtt() throws IOException, InterruptedException {
        JsonNode created = call("POST", "/families", running.adminToken(), "{\"name\": \"Examples\"}");
        String id = created.get("family_id").asText();
        String token = created.get("token").asText();
        JsonNode mqtt = call("POST", "/families/" + id + "/mqtt/enable", token, null);
        return new Family(id, token, mqtt.get("username").asText(), mqtt.get("password").asText(),
                mqtt.get("topic_prefix").asText());
    }

    /** Returns the stored questions of the family whose text is {@code text}. */
    private static JsonNode storedQuestions(Family family, String text) throws IOException, InterruptedException {
        JsonNode page = call("GET", "/families/" + family.id() + "/questions?limit=100", family.token(), null);
        List<JsonNode> matching = new ArrayList<>();
        page.get("items").forEach(item -> {
            if (item.get("question_text").asText().equals(text)) {
                matching.add(item);
            }
        });
        return JSON.valueToTree(matching);
    }

    private static JsonNode call(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(running.apiUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }

    /**
     * Finds a Python that can import paho-mqtt. Debian's python3-paho-mqtt installs into the system interpreter, which
     * a version manager such as pyenv may hide behind its own {@code python3} on the PATH.
     */
    private static Optional<String> pythonWithPaho(Path folder) {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            if (succeeds(folder, candidate, "-c", "import paho.mqtt")) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean succeeds(Path folder, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Returns {@code docs/examples}, whether the tests run from the module folder or the repository root. */
    private static Path locateExamples() {
        for (Path candidate : List.of(Path.of("../docs/examples"), Path.of("docs/examples"))) {
            if (Files.isDirectory(candidate)) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new IllegalStateException("docs/examples not found from " + Path.of("").toAbsolutePath());
    }
}
