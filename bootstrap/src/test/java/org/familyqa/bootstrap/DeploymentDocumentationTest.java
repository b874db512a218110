package org.familyqa.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import org.junit.jupiter.api.Test;

/**
 * Keeps README.md's configuration table, the keys ServerConfiguration reads and deploy/docker-compose.yml in step:
 * a setting renamed in one place and not the others would otherwise be ignored in production without a word.
 */
class DeploymentDocumentationTest {

    private static final Pattern KEY_IN_SOURCE = Pattern.compile("\"(FAMILYQA_[A-Z0-9_]+)\"");
    private static final Pattern KEY_IN_TABLE = Pattern.compile("^\\| `(FAMILYQA_[A-Z0-9_]+)` \\|", Pattern.MULTILINE);

    private static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path REPOSITORY = MODULE.getParent();

    @Test
    void readmeTableMatchesConfiguration() throws IOException {
        assertThat(readmeKeys()).isNotEmpty().containsExactlyInAnyOrderElementsOf(configurationKeys());
    }

    @Test
    void composeVariablesAreDocumentedAndRead() throws IOException {
        JsonNode services = compose().path("services");
        Set<String> setByCompose = new TreeSet<>();
        for (Iterator<String> names = services.fieldNames(); names.hasNext(); ) {
            setByCompose.addAll(environmentKeys(services.path(names.next()).path("environment")));
        }

        assertThat(setByCompose).as("FAMILYQA_* variables the compose file sets").isNotEmpty();
        assertThat(readmeKeys()).as("keys in README.md's table").containsAll(setByCompose);
        assertThat(configurationKeys()).as("keys ServerConfiguration reads").containsAll(setByCompose);
    }

    @Test
    void composeHasThreeServices() throws IOException {
        JsonNode services = compose().path("services");
        assertThat(services.has("postgres")).as("a postgres service").isTrue();
        assertThat(services.has("mosquitto")).as("a mosquitto service").isTrue();
        assertThat(services.has("server")).as("a server service").isTrue();
        assertThat(environmentKeys(services.path("server").path("environment")))
                .contains("FAMILYQA_BROKER", "FAMILYQA_DB_URL");
        assertThat(services.path("server").path("environment").path("FAMILYQA_BROKER").asText())
                .isEqualTo("mosquitto");
    }

    /** Returns the FAMILYQA_* keys of a compose {@code environment}, written as a map or as a list of KEY=value. */
    private static Set<String> environmentKeys(JsonNode environment) {
        Set<String> keys = new TreeSet<>();
        if (environment.isObject()) {
            environment.fieldNames().forEachRemaining(keys::add);
        } else if (environment.isArray()) {
            environment.forEach(entry -> keys.add(entry.asText().split("=", 2)[0]));
        }
        keys.removeIf(key -> !key.startsWith("FAMILYQA_"));
        return keys;
    }

    private static JsonNode compose() throws IOException {
        return new YAMLMapper().readTree(REPOSITORY.resolve("deploy/docker-compose.yml").toFile());
    }

    private static Set<String> readmeKeys() throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Configuration");
        assertThat(start).as("a Configuration section in README.md").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return matches(KEY_IN_TABLE, readme.substring(start, end < 0 ? readme.length() : end));
    }

    private static Set<String> configurationKeys() throws IOException {
        return matches(KEY_IN_SOURCE, Files.readString(
                MODULE.resolve("src/main/java/org/familyqa/bootstrap/ServerConfiguration.java"), StandardCharsets.UTF_8));
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> keys = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }
}
