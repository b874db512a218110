#include <string>
#include <variant>

#include "json.h"
#include "messages.h"
#include "test_runner.h"
#include "topics.h"

using namespace familyqa;

namespace {

const std::string PREFIX = "family/0b6f3c1e-5d1a-4c9e-9a57-2f1d8c4b7e90";
const std::string QUESTION_ID = "6f1c2d3e-4b5a-4978-8d9c-0e1f2a3b4c5d";
const std::string FAMILY_ID = "0b6f3c1e-5d1a-4c9e-9a57-2f1d8c4b7e90";

// Writes a question event with the members, order and types that the server's MQTT bridge writes.
std::string serverQuestion(const std::string& text, const char* askedBy, const char* requestId) {
    JsonObjectWriter json;
    json.add("question_id", QUESTION_ID).add("family_id", FAMILY_ID).add("question_text", text);
    json.add("category", "general");
    askedBy ? json.add("asked_by", askedBy) : json.addNull("asked_by");
    json.add("source", "mqtt").add("created_at", "2024-05-01T18:30:00.123456Z");
    requestId ? json.add("request_id", requestId) : json.addNull("request_id");
    return json.finish();
}

std::string serverAnswer(const std::string& text, const char* requestId) {
    JsonObjectWriter json;
    json.add("answer_id", "a1").add("question_id", QUESTION_ID).add("family_id", FAMILY_ID);
    json.add("answer_text", text).addNull("answered_by").add("source", "web");
    json.add("created_at", "2024-05-01T18:31:00Z");
    requestId ? json.add("request_id", requestId) : json.addNull("request_id");
    return json.finish();
}

std::string repeat(const std::string& unit, int count) {
    std::string text;
    for (int i = 0; i < count; ++i) {
        text += unit;
    }
    return text;
}

}  // namespace

TEST(askPayloadHasAllMembers) {
    AskRequest ask{"Wie geht's? \"gut\"", std::string("daily"), std::string("Ana"), std::string("r-17")};
    CHECK_EQ(buildAskPayload(ask), std::string("{\"question_text\":\"Wie geht's? \\\"gut\\\"\",\"category\":\"daily\","
                                               "\"asked_by\":\"Ana\",\"request_id\":\"r-17\"}"));
}

TEST(askPayloadLeavesOutAbsentMembers) {
    AskRequest ask{"Hi", std::nullopt, std::nullopt, std::nullopt};
    CHECK_EQ(buildAskPayload(ask), std::string("{\"question_text\":\"Hi\"}"));
}

TEST(respondPayloadHasAllMembers) {
    RespondRequest respond{QUESTION_ID, "👍", std::string("Kitchen button"), std::string("r-18")};
    CHECK_EQ(buildRespondPayload(respond),
             "{\"question_id\":\"" + QUESTION_ID +
                 "\",\"answer_text\":\"👍\",\"answered_by\":\"Kitchen button\",\"request_id\":\"r-18\"}");
    RespondRequest bare{QUESTION_ID, "line1\nline2", std::nullopt, std::nullopt};
    CHECK_EQ(buildRespondPayload(bare),
             "{\"question_id\":\"" + QUESTION_ID + "\",\"answer_text\":\"line1\\nline2\"}");
}

TEST(questionParsesFromQuestionsTopic) {
    Topics topics(PREFIX);
    IncomingMessage message = parseIncoming(topics, topics.questions(), serverQuestion("Tea?", "Ana", "r-1"));
    const Question* question = std::get_if<Question>(&message);
    CHECK(question != nullptr);
    if (question == nullptr) {
        return;
    }
    CHECK_EQ(question->questionId, QUESTION_ID);
    CHECK_EQ(question->familyId, FAMILY_ID);
    CHECK_EQ(question->questionText, std::string("Tea?"));
    CHECK_EQ(question->category, std::string("general"));
    CHECK_EQ(question->askedBy.value_or("<none>"), std::string("Ana"));
    CHECK_EQ(question->source, std::string("mqtt"));
    CHECK_EQ(question->createdAt, std::string("2024-05-01T18:30:00.123456Z"));
    CHECK_EQ(question->requestId.value_or("<none>"), std::string("r-1"));
}

TEST(questionNullMembersBecomeAbsent) {
    Topics topics(PREFIX);
    IncomingMessage message = parseIncoming(topics, topics.questions(), serverQuestion("Tea?", nullptr, nullptr));
    const Question* question = std::get_if<Question>(&message);
    CHECK(question != nullptr);
    if (question != nullptr) {
        CHECK(!question->askedBy.has_value());
        CHECK(!question->requestId.has_value());
    }
}

TEST(answerParsesFromAnswersTopic) {
    Topics topics(PREFIX);
    IncomingMessage message = parseIncoming(topics, topics.answers(), serverAnswer("Yes 👍", "r-2"));
    const Answer* answer = std::get_if<Answer>(&message);
    CHECK(answer != nullptr);
    if (answer == nullptr) {
        return;
    }
    CHECK_EQ(answer->answerId, std::string("a1"));
    CHECK_EQ(answer->questionId, QUESTION_ID);
    CHECK_EQ(answer->familyId, FAMILY_ID);
    CHECK_EQ(answer->answerText, std::string("Yes 👍"));
    CHECK(!answer->answeredBy.has_value());
    CHECK_EQ(answer->source, std::string("web"));
    CHECK_EQ(answer->createdAt, std::string("2024-05-01T18:31:00Z"));
    CHECK_EQ(answer->requestId.value_or("<none>"), std::string("r-2"));
}

TEST(errorParsesFromErrorsTopic) {
    Topics topics(PREFIX);
    std::string payload = "{\"error\":\"too_long\",\"message\":\"The question_text has 1001 characters; the "
                          "maximum is 1000.\",\"field\":\"question_text\",\"topic\":\"" +
                          topics.ask() + "\",\"request_id\":\"r-3\"}";
    IncomingMessage message = parseIncoming(topics, topics.errors(), payload);
    const ServerError* error = std::get_if<ServerError>(&message);
    CHECK(error != nullptr);
    if (error == nullptr) {
        return;
    }
    CHECK_EQ(error->error, std::string("too_long"));
    CHECK_EQ(error->message, std::string("The question_text has 1001 characters; the maximum is 1000."));
    CHECK_EQ(error->field.value_or("<none>"), std::string("question_text"));
    CHECK_EQ(error->topic.value_or("<none>"), topics.ask());
    CHECK_EQ(error->requestId.value_or("<none>"), std::string("r-3"));
}

TEST(errorWithNullsParses) {
    Topics topics(PREFIX);
    IncomingMessage message = parseIncoming(
        topics, topics.errors(),
        "{\"error\":\"invalid_json\",\"message\":\"Not JSON.\",\"field\":null,\"topic\":null,\"request_id\":null}");
    const ServerError* error = std::get_if<ServerError>(&message);
    CHECK(error != nullptr);
    if (error != nullptr) {
        CHECK_EQ(error->error, std::string("invalid_json"));
        CHECK(!error->field.has_value());
        CHECK(!error->topic.has_value());
        CHECK(!error->requestId.has_value());
    }
}

TEST(incomingIgnoresUnknownMembers) {
    Topics topics(PREFIX);
    std::string payload = serverAnswer("ok", nullptr);
    payload.insert(payload.size() - 1, ",\"mood\":\"happy\",\"score\":3,\"flag\":false");
    CHECK(std::holds_alternative<Answer>(parseIncoming(topics, topics.answers(), payload)));
}

TEST(incomingRejectsMissingMember) {
    Topics topics(PREFIX);
    IncomingMessage message = parseIncoming(topics, topics.errors(), "{\"error\":\"rate_limited\"}");
    const UnreadableMessage* unreadable = std::get_if<UnreadableMessage>(&message);
    CHECK(unreadable != nullptr);
    if (unreadable != nullptr) {
        CHECK_EQ(unreadable->reason, std::string("missing member message"));
        CHECK_EQ(unreadable->topic, topics.errors());
    }
}

TEST(incomingRejectsWrongMemberType) {
    Topics topics(PREFIX);
    std::string payload = serverQuestion("Tea?", nullptr, nullptr);
    std::string withNumber = payload;
    withNumber.replace(withNumber.find("\"general\""), 9, "7");
    IncomingMessage numberCategory = parseIncoming(topics, topics.questions(), withNumber);
    CHECK(std::holds_alternative<UnreadableMessage>(numberCategory));
    if (auto* unreadable = std::get_if<UnreadableMessage>(&numberCategory)) {
        CHECK_EQ(unreadable->reason, std::string("member category is not a string"));
    }
    std::string withBoolean = payload;
    withBoolean.replace(withBoolean.find("\"asked_by\":null"), 15, "\"asked_by\":true");
    IncomingMessage booleanAskedBy = parseIncoming(topics, topics.questions(), withBoolean);
    if (auto* unreadable = std::get_if<UnreadableMessage>(&booleanAskedBy)) {
        CHECK_EQ(unreadable->reason, std::string("member asked_by is neither a string nor null"));
    } else {
        CHECK(false);
    }
}

TEST(incomingRejectsInvalidJson) {
    Topics topics(PREFIX);
    IncomingMessage message = parseIncoming(topics, topics.questions(), "{\"question_id\":");
    const UnreadableMessage* unreadable = std::get_if<UnreadableMessage>(&message);
    CHECK(unreadable != nullptr);
    if (unreadable != nullptr) {
        CHECK_EQ(unreadable->reason, std::string("invalid JSON at byte 15: truncated input"));
    }
}

TEST(incomingIgnoresOtherTopics) {
    Topics topics(PREFIX);
    IncomingMessage message = parseIncoming(topics, topics.ask(), serverQuestion("Tea?", nullptr, nullptr));
    const IgnoredMessage* ignored = std::get_if<IgnoredMessage>(&message);
    CHECK(ignored != nullptr);
    if (ignored != nullptr) {
        CHECK_EQ(ignored->topic, topics.ask());
    }
}

TEST(hundredCharQuestionRoundTrips) {
    Topics topics(PREFIX);
    const std::string text = repeat("abcdefghij", 10);
    CHECK_EQ(text.size(), std::size_t(100));

    auto ask = parseFlatJsonObject(buildAskPayload(AskRequest{text, std::nullopt, std::nullopt, std::string("r-1")}));
    CHECK(ask.ok);
    if (!ask.ok) {
        return;
    }
    CHECK_EQ(ask.object.find("question_text")->value, text);

    std::string event = serverQuestion(text, "Ana", "fqa-0123456789abcdef-1");
    IncomingMessage message = parseIncoming(topics, topics.questions(), event);
    CHECK(std::holds_alternative<Question>(message));
    if (auto* question = std::get_if<Question>(&message)) {
        CHECK_EQ(question->questionText, text);
    }
    // PubSubClient 2.8 drops an incoming packet larger than its buffer, 256 bytes by default, so the firmware
    // raises the buffer with setBufferSize().
    std::size_t packet = publishPacketSize(topics.questions().size(), event.size());
    CHECK(packet > 256);
    CHECK(packet < 512);
}

TEST(thousandCookieQuestionRoundTrips) {
    Topics topics(PREFIX);
    const std::string text = repeat("🍪", 1000);
    CHECK_EQ(text.size(), std::size_t(4000));

    std::string askPayload = buildAskPayload(AskRequest{text, std::string("fun"), std::nullopt, std::string("r-2")});
    CHECK_EQ(askPayload.find("\\u"), std::string::npos);
    auto ask = parseFlatJsonObject(askPayload);
    CHECK(ask.ok);
    if (!ask.ok) {
        return;
    }
    CHECK_EQ(ask.object.find("question_text")->value, text);

    std::string event = serverQuestion(text, nullptr, "r-2");
    IncomingMessage message = parseIncoming(topics, topics.questions(), event);
    CHECK(std::holds_alternative<Question>(message));
    if (auto* question = std::get_if<Question>(&message)) {
        CHECK_EQ(question->questionText, text);
        CHECK_EQ(question->requestId.value_or("<none>"), std::string("r-2"));
    }
    CHECK(publishPacketSize(topics.questions().size(), event.size()) < 16384);
}

TEST(escapedServerTextRoundTrips) {
    Topics topics(PREFIX);
    const std::string text = "He said \"no\".\nThen: C:\\temp\t🍪";
    IncomingMessage message = parseIncoming(topics, topics.answers(), serverAnswer(text, nullptr));
    const Answer* answer = std::get_if<Answer>(&message);
    CHECK(answer != nullptr);
    if (answer != nullptr) {
        CHECK_EQ(answer->answerText, text);
    }
}

TEST(publishPacketSizeCountsLengthBytes) {
    // Fixed header byte, remaining length (1 to 3 bytes here), topic length prefix, topic, payload.
    CHECK_EQ(publishPacketSize(10, 10), std::size_t(1 + 1 + 2 + 10 + 10));
    CHECK_EQ(publishPacketSize(10, 115), std::size_t(1 + 1 + 127));
    CHECK_EQ(publishPacketSize(10, 116), std::size_t(1 + 2 + 128));
    CHECK_EQ(publishPacketSize(20, 16000), std::size_t(1 + 2 + 16022));
    CHECK_EQ(publishPacketSize(0, 16382), std::size_t(1 + 3 + 16384));
}
