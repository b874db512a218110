package org.familyqa.bootstrap.fieldcases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.familyqa.bootstrap.testing.RunningServer.Setup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A family's display name never reaches a topic, and a chosen topic slug is limited to {@code [a-z0-9-]}, so no
 * user string can put a wildcard, an empty level or a {@code $} topic on the wire.
 */
class UserStringsInTopicsTest {

    private static final ServersPerSetup SERVERS = new ServersPerSetup();

    @AfterAll
    static void stopServers() {
        SERVERS.close();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void oddNamesGetSafeTopicsAndWork(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        List<String> names = List.of("Smith+Jones", "Smith#1", "a/b", "/leading", "trailing/", "$SYS", "ünïcödé");

        try (BridgeLog bridgeLog = new BridgeLog()) {
            for (String name : names) {
                TestFamily family = api.createFamily(name);

                assertThat(family.prefix()).as("prefix of '%s'", name).matches("family/[a-z0-9][a-z0-9-]{2,63}");
                try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
                    device.assertCanaryPasses();
                }
            }
            assertThat(bridgeLog.connectionChanges()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void invalidNamesAreRejectedNamingName(Setup setup) {
        FamilyApi api = SERVERS.api(setup);

        for (String name : List.of("", "   ", "fam\u0000x", "n".repeat(200))) {
            JsonNode error = FamilyApi.assertJsonError(create(api, FamilyApi.JSON.createObjectNode()
                    .put("name", name).toString()), 400);

            assertThat(error.get("field").asText()).as("field for '%s'", name).isEqualTo("name");
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void unsafeSlugsAreRejectedNamingSlug(Setup setup) {
        FamilyApi api = SERVERS.api(setup);

        for (String slug : List.of("smith+jones", "smith#1", "a/bc", "$sys", "Smith-Jones", "-abc", "ab", "")) {
            JsonNode error = FamilyApi.assertJsonError(create(api, FamilyApi.JSON.createObjectNode()
                    .put("name", "Slug test").put("topic_slug", slug).toString()), 400);

            assertThat(error.get("field").asText()).as("field for '%s'", slug).isEqualTo("topic_slug");
        }
    }

    private static HttpResponse<String> create(FamilyApi api, String body) {
        return api.send("POST", "/families", api.server().adminToken(), FamilyApi.JSON_TYPE, body);
    }
}
