#include "messages.h"

namespace familyqa {

std::string buildAskPayload(const AskRequest& request) {
    JsonObjectWriter json;
    json.add("question_text", request.questionText);
    json.addIfPresent("category", request.category);
    json.addIfPresent("asked_by", request.askedBy);
    json.addIfPresent("request_id", request.requestId);
    return json.finish();
}

std::string buildRespondPayload(const RespondRequest& request) {
    JsonObjectWriter json;
    json.add("question_id", request.questionId);
    json.add("answer_text", request.answerText);
    json.addIfPresent("answered_by", request.answeredBy);
    json.addIfPresent("request_id", request.requestId);
    return json.finish();
}

namespace {

// Copies members out of a parsed object, remembering the first member that is missing or of the wrong type.
class MemberReader {
public:
    explicit MemberReader(const FlatJsonObject& object) : object_(object) {}

    std::string required(const char* name) {
        const JsonMember* member = object_.find(name);
        if (member == nullptr) {
            reject(std::string("missing member ") + name);
            return std::string();
        }
        if (member->type != JsonType::String) {
            reject(std::string("member ") + name + " is not a string");
            return std::string();
        }
        return member->value;
    }

    // Reads a member the server writes as a string or null. A missing member counts as null, so a server that
    // leaves it out is still understood.
    std::optional<std::string> nullable(const char* name) {
        const JsonMember* member = object_.find(name);
        if (member == nullptr || member->type == JsonType::Null) {
            return std::nullopt;
        }
        if (member->type != JsonType::String) {
            reject(std::string("member ") + name + " is neither a string nor null");
            return std::nullopt;
        }
        return member->value;
    }

    const std::string& failure() const { return failure_; }

private:
    void reject(std::string reason) {
        if (failure_.empty()) {
            failure_ = std::move(reason);
        }
    }

    const FlatJsonObject& object_;
    std::string failure_;
};

IncomingMessage readQuestion(MemberReader& json) {
    Question question;
    question.questionId = json.required("question_id");
    question.familyId = json.required("family_id");
    question.questionText = json.required("question_text");
    question.category = json.required("category");
    question.askedBy = json.nullable("asked_by");
    question.source = json.required("source");
    question.createdAt = json.required("created_at");
    question.requestId = json.nullable("request_id");
    return question;
}

IncomingMessage readAnswer(MemberReader& json) {
    Answer answer;
    answer.answerId = json.required("answer_id");
    answer.questionId = json.required("question_id");
    answer.familyId = json.required("family_id");
    answer.answerText = json.required("answer_text");
    answer.answeredBy = json.nullable("answered_by");
    answer.source = json.required("source");
    answer.createdAt = json.required("created_at");
    answer.requestId = json.nullable("request_id");
    return answer;
}

IncomingMessage readError(MemberReader& json) {
    ServerError error;
    error.error = json.required("error");
    error.message = json.required("message");
    error.field = json.nullable("field");
    error.topic = json.nullable("topic");
    error.requestId = json.nullable("request_id");
    return error;
}

}  // namespace

IncomingMessage parseIncoming(const Topics& topics, std::string_view topic, std::string_view payload) {
    TopicKind kind = topics.classify(topic);
    if (kind == TopicKind::Other) {
        return IgnoredMessage{std::string(topic)};
    }
    JsonParseResult parsed = parseFlatJsonObject(payload);
    if (!parsed.ok) {
        return UnreadableMessage{std::string(topic),
                                 "invalid JSON at byte " + std::to_string(parsed.errorOffset) + ": " + parsed.error};
    }
    MemberReader json(parsed.object);
    IncomingMessage message = kind == TopicKind::Questions ? readQuestion(json)
                              : kind == TopicKind::Answers ? readAnswer(json)
                                                           : readError(json);
    if (!json.failure().empty()) {
        return UnreadableMessage{std::string(topic), json.failure()};
    }
    return message;
}

std::size_t publishPacketSize(std::size_t topicLength, std::size_t payloadLength) {
    std::size_t remaining = 2 + topicLength + payloadLength;
    std::size_t lengthBytes = 1;
    for (std::size_t rest = remaining >> 7; rest > 0; rest >>= 7) {
        ++lengthBytes;
    }
    return 1 + lengthBytes + remaining;
}

}  // namespace familyqa
