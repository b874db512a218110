// The payloads that a device sends on `<prefix>/ask` and `<prefix>/respond`, and reads from `<prefix>/questions`,
// `<prefix>/answers` and `<prefix>/errors`. Member names are those of the server's MQTT bridge.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "json.h"
#include "topics.h"

namespace familyqa {

struct AskRequest {
    std::string questionText;
    std::optional<std::string> category;
    std::optional<std::string> askedBy;
    std::optional<std::string> requestId;
};

struct RespondRequest {
    std::string questionId;
    std::string answerText;
    std::optional<std::string> answeredBy;
    std::optional<std::string> requestId;
};

// A stored question, as published on `<prefix>/questions`. Times are ISO-8601 in UTC.
struct Question {
    std::string questionId;
    std::string familyId;
    std::string questionText;
    std::string category;
    std::optional<std::string> askedBy;
    std::string source;
    std::string createdAt;
    // The request id of the device that asked, when it sent one.
    std::optional<std::string> requestId;
};

// A stored answer, as published on `<prefix>/answers`.
struct Answer {
    std::string answerId;
    std::string questionId;
    std::string familyId;
    std::string answerText;
    std::optional<std::string> answeredBy;
    std::string source;
    std::string createdAt;
    std::optional<std::string> requestId;
};

// A rejection of a client's message, as published on `<prefix>/errors`. `error` is a code such as `too_long`.
struct ServerError {
    std::string error;
    std::string message;
    std::optional<std::string> field;
    std::optional<std::string> topic;
    std::optional<std::string> requestId;
};

// Why an incoming payload could not be read. `topic` is the topic it arrived on.
struct UnreadableMessage {
    std::string topic;
    std::string reason;
};

// A message from a topic outside the three that the device reads.
struct IgnoredMessage {
    std::string topic;
};

using IncomingMessage = std::variant<Question, Answer, ServerError, UnreadableMessage, IgnoredMessage>;

// Builds the ask payload. Absent optional members are left out, since the server requires only `question_text`.
std::string buildAskPayload(const AskRequest& request);

// Builds the respond payload. Absent optional members are left out.
std::string buildRespondPayload(const RespondRequest& request);

// Reads a payload from `<prefix>/questions`, `<prefix>/answers` or `<prefix>/errors`, chosen by `topic`. Members
// the server always writes must be present, with a string or (where the server allows it) null; unknown members
// are ignored.
IncomingMessage parseIncoming(const Topics& topics, std::string_view topic, std::string_view payload);

// Returns the size in bytes of an MQTT 3.1.1 PUBLISH packet with QoS 0: the fixed header, the topic name with its
// two-byte length and the payload. A client library must buffer the whole packet to send or receive it.
std::size_t publishPacketSize(std::size_t topicLength, std::size_t payloadLength);

}  // namespace familyqa
