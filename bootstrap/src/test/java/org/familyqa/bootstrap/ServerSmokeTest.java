package org.familyqa.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.familyqa.bootstrap.testing.RunningServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ServerSmokeTest {

    @ParameterizedTest
    @EnumSource(RunningServer.Setup.class)
    void startsAndServesAdminToken(RunningServer.Setup setup) throws Exception {
        try (RunningServer running = RunningServer.start(setup)) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(running.apiUrl() + "/families"))
                    .header("Authorization", "Bearer " + running.adminToken()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(running.adminToken()).isNotBlank();
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(running.server().isBridgeReady()).isTrue();
        }
    }
}
