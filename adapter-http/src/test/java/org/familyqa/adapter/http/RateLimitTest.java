package org.familyqa.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.familyqa.domain.ratelimit.RateLimit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {

    private HttpApi api;

    @AfterEach
    void stopApi() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void asksOverLimitGet429() {
        CoreFixture core = new CoreFixture(new RateLimit(0.01, 3));
        api = HttpApi.start(HttpSettings.of("127.0.0.1", 0, ApiTestSupport.BROKER), core.useCases());
        ApiClient client = new ApiClient(api.port());
        ApiTestSupport.TestFamily limited = create(client, core, "Limited");
        ApiTestSupport.TestFamily other = create(client, core, "Other");

        for (int i = 0; i < 3; i++) {
            ApiClient.Reply accepted = ask(client, limited, "Within the burst " + i + "?");
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        }
        ApiClient.Reply rejected = ask(client, limited, "Over the limit?");
        ApiClient.Reply otherFamily = ask(client, other, "Another family's first?");

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(429);
        assertThat(rejected.json().get("error").asText()).isEqualTo("rate_limited");
        assertThat(rejected.headers().firstValue("Retry-After")).isPresent();
        assertThat(otherFamily.status()).as(otherFamily.toString()).isEqualTo(201);
        ApiClient.Reply list = client.get(limited.path("/questions"), limited.token());
        assertThat(list.json().get("items")).hasSize(3);
    }

    private static ApiTestSupport.TestFamily create(ApiClient client, CoreFixture core, String name) {
        ApiClient.Reply reply = client.post("/api/families", core.adminToken, "{\"name\":\"" + name + "\"}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return new ApiTestSupport.TestFamily(reply.json().get("family_id").asText(),
                reply.json().get("token").asText());
    }

    private static ApiClient.Reply ask(ApiClient client, ApiTestSupport.TestFamily family, String text) {
        return client.post(family.path("/questions"), family.token(), "{\"question_text\":\"" + text + "\"}");
    }
}
