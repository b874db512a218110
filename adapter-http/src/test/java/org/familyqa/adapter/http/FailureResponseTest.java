package org.familyqa.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.message.AskRequest;
import org.familyqa.domain.message.RespondRequest;
import org.familyqa.domain.question.Answer;
import org.familyqa.domain.question.Category;
import org.familyqa.domain.question.Question;
import org.familyqa.domain.question.QuestionId;
import org.familyqa.domain.question.Source;
import org.familyqa.ports.in.Page;
import org.familyqa.ports.in.QuestionUseCases;
import org.familyqa.ports.in.Result;
import org.familyqa.ports.out.StoreUnavailableException;

/** Infrastructure failures inside a use case: 503 with Retry-After for a store outage, a generic 500 otherwise. */
class FailureResponseTest {

    private static HttpApi failingApi;
    private static ApiClient failingClient;
    private static String familyPath;
    private static String familyToken;

    /** Question use cases whose ask fails with an outage and whose list fails with a bug. */
    private static final class FailingQuestions implements QuestionUseCases {
        @Override
        public Result<Question> ask(FamilyId familyId, AskRequest request, Source source) {
            throw new StoreUnavailableException("database down in org.example.Secret",
                    new IllegalStateException("connection refused"));
        }

        @Override
        public Result<Answer> answer(FamilyId familyId, RespondRequest request, Source source) {
            throw new IllegalStateException("unexpected org.example.Bug");
        }

        @Override
        public Result<Page<Question>> listQuestions(FamilyId familyId, Optional<Category> category,
                                                    Optional<String> cursor, int limit) {
            throw new NullPointerException("org.example.Bug");
        }

        @Override
        public Optional<QuestionWithAnswers> getQuestion(FamilyId familyId, QuestionId questionId) {
            return Optional.empty();
        }
    }

    @BeforeAll
    static void start() {
        CoreFixture fixture = new CoreFixture();
        HttpUseCases real = fixture.useCases();
        HttpUseCases useCases = new HttpUseCases(real.families(), real.authentication(), new FailingQuestions(),
                real.mqttAccess());
        failingApi = HttpApi.start(HttpSettings.of("127.0.0.1", 0, ApiTestSupport.BROKER), useCases);
        failingClient = new ApiClient(failingApi.port());
        ApiClient.Reply family = failingClient.post("/api/families", fixture.adminToken, "{\"name\":\"F\"}");
        familyPath = "/api/families/" + family.json().get("family_id").asText();
        familyToken = family.json().get("token").asText();
    }

    @AfterAll
    static void stop() {
        failingApi.close();
    }

    @Test
    void storeOutageIs503WithRetryAfter() {
        ApiClient.Reply reply = failingClient.post(familyPath + "/questions", familyToken, "{\"question_text\":\"x\"}");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.error()).isEqualTo("unavailable");
        assertThat(reply.headers().firstValue("Retry-After")).hasValue("1");
        ApiTestSupport.assertCleanError(reply);
    }

    @Test
    void unexpectedFailureIsGeneric500() {
        ApiClient.Reply list = failingClient.get(familyPath + "/questions", familyToken);
        ApiClient.Reply answer = failingClient.post(familyPath + "/questions/00000000-0000-4000-8000-000000000000"
                + "/answers", familyToken, "{\"answer_text\":\"x\"}");

        assertThat(list.status()).isEqualTo(500);
        assertThat(list.error()).isEqualTo("internal_error");
        assertThat(answer.status()).isEqualTo(500);
        ApiTestSupport.assertCleanError(list);
        ApiTestSupport.assertCleanError(answer);
    }

    @Test
    void takenPortFailsWithMessage() {
        HttpSettings taken = HttpSettings.of("127.0.0.1", failingApi.port(), ApiTestSupport.BROKER);
        HttpUseCases useCases = new CoreFixture().useCases();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpApi.start(taken, useCases))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Integer.toString(failingApi.port()));
    }
}
