package org.familyqa.bootstrap.fieldcases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.familyqa.bootstrap.testing.RunningServer.Setup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Concurrent writes to unique things end in one winner and defined responses for the others, never a 500. */
class ConcurrentCreateTest {

    private static final int REQUESTS = 20;
    private static final ServersPerSetup SERVERS = new ServersPerSetup();

    @AfterAll
    static void stopServers() {
        SERVERS.close();
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void sameSlugCreatesOneFamily(Setup setup) throws Exception {
        FamilyApi api = SERVERS.api(setup);
        String slug = "rivera-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"name\":\"Rivera\",\"topic_slug\":\"" + slug + "\"}";

        List<HttpResponse<String>> responses = atOnce(() ->
                api.send("POST", "/families", api.server().adminToken(), FamilyApi.JSON_TYPE, body));

        assertThat(responses).filteredOn(response -> response.statusCode() == 201).hasSize(1);
        for (HttpResponse<String> response : responses) {
            if (response.statusCode() != 201) {
                assertThat(FamilyApi.assertJsonError(response, 409).get("field").asText()).isEqualTo("topic_slug");
            }
        }
        HttpResponse<String> created = responses.stream().filter(r -> r.statusCode() == 201).findFirst().orElseThrow();
        TestFamily family = api.enable(FamilyApi.json(created));
        try (DeviceClient device = DeviceClient.connect(api.server(), family)) {
            device.assertCanaryPasses();
        }
    }

    @ParameterizedTest
    @EnumSource(Setup.class)
    void concurrentEnablesLeaveOneWorkingCredential(Setup setup) throws Exception {
        FamilyApi api = SERVERS.api(setup);
        TestFamily family = api.createFamily();

        List<HttpResponse<String>> responses = atOnce(() -> api.send("POST", "/families/" + family.id()
                + "/mqtt/enable", family.token(), null, null));

        assertThat(responses).allSatisfy(response ->
                assertThat(response.statusCode()).as(response.body()).isIn(200, 409));
        HttpResponse<String> reset = api.send("POST", "/families/" + family.id() + "/mqtt/credentials/reset",
                family.token(), null, null);
        assertThat(reset.statusCode()).as(reset.body()).isEqualTo(200);
        String password = FamilyApi.json(reset).get("password").asText();
        TestFamily current = new TestFamily(family.id(), family.token(), family.prefix(), family.username(),
                password);
        try (DeviceClient device = DeviceClient.connect(api.server(), current)) {
            device.assertCanaryPasses();
        }
    }

    private static List<HttpResponse<String>> atOnce(Supplier<HttpResponse<String>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return request.get();
                }));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
