package org.familyqa.bootstrap.fieldcases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.hivemq.client.mqtt.datatypes.MqttQos;

import org.familyqa.bootstrap.testing.RunningServer.Setup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With a pool of 10 connections, a burst of HTTP and MQTT asks succeeds or gets a fast 503, failing requests each
 * get their own 4xx and leak no connection, and the server serves normally afterwards.
 */
class PoolExhaustionTest {

    private static final Logger LOG = LoggerFactory.getLogger(PoolExhaustionTest.class);
    private static final ServersPerSetup SERVERS = new ServersPerSetup(Map.of("FAMILYQA_DB_POOL_SIZE", "10"));

    @AfterAll
    static void stopServers() {
        SERVERS.close();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void burstSucceedsOrGets503(Setup setup) throws Exception {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
            List<Future<HttpResponse<String>>> http = new ArrayList<>();
            for (int n = 0; n < 100; n++) {
                String body = "{\"question_text\":\"http " + n + "\"}";
                http.add(pool.submit(() -> api.ask(family, body)));
            }
            List<CompletableFuture<?>> mqtt = new ArrayList<>();
            for (int n = 0; n < 100; n++) {
                mqtt.add(device.client().toAsync().publishWith().topic(family.topic("ask"))
                        .qos(MqttQos.AT_LEAST_ONCE).payload(("{\"question_text\":\"mqtt " + n + "\"}").getBytes())
                        .send());
            }

            int created = 0;
            for (Future<HttpResponse<String>> future : http) {
                HttpResponse<String> response = future.get();
                if (response.statusCode() == 503) {
                    FamilyApi.assertJsonError(response, 503);
                    assertThat(response.headers().firstValue("Retry-After")).isPresent();
                } else {
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                    created++;
                }
            }
            mqtt.forEach(CompletableFuture::join);
            LOG.info("{}: {} of 100 concurrent HTTP asks created with a pool of 10", setup, created);
            device.assertCanaryPasses();
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void failingRequestsEachGet4xx(Setup setup) {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();
        String unknownQuestion = "/families/" + family.id() + "/questions/" + UUID.randomUUID() + "/answers";

        for (int n = 0; n < 100; n++) {
            FamilyApi.assertJsonError(api.ask(family, "{\"question_text\":\"nul\\u0000\"}"), 400);
            FamilyApi.assertJsonError(api.send("POST", unknownQuestion, family.token(), FamilyApi.JSON_TYPE,
                    "{\"answer_text\":\"x\"}"), 404);
        }
        long start = System.nanoTime();
        String questionId = api.askValid(family, "Still fine?");
        LOG.info("{}: normal ask after 200 failing requests took {} ms", setup,
                (System.nanoTime() - start) / 1_000_000);

        assertThat(api.question(family, questionId).get("question_text").asText()).isEqualTo("Still fine?");
        try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
            device.assertCanaryPasses();
        }
    }
}
