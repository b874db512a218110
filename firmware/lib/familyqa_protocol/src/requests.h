// Request ids and the requests that wait for the server to confirm them. An MQTT 3.1.1 device receives no MQTT 5
// reply, so it learns that a message was stored when the server echoes its `request_id` on `<prefix>/questions` or
// `<prefix>/answers`, and that it was rejected when the id comes back on `<prefix>/errors`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace familyqa {

// Generates ids of the form `<tag>-<16 hex digits>-<counter>`, at most 64 characters as the server allows. The
// server stores a family's request id only once within 24 hours, so the random part must differ between boots:
// seed it from a hardware random source, or a reboot would reuse `...-1` and the new message would be dropped as
// a repeat.
class RequestIdGenerator {
public:
    RequestIdGenerator(std::string tag, std::uint64_t bootRandom);
    std::string next();

private:
    std::string prefix_;
    std::uint32_t counter_ = 0;
};

enum class RequestKind { Ask, Respond };

struct PendingRequest {
    std::string requestId;
    RequestKind kind;
    std::string topic;
    std::string payload;
    // How often the payload was published so far.
    unsigned attempts = 1;
    std::uint32_t sentAtMs = 0;
};

enum class TimeoutAction {
    // Publish `request.payload` again with the same request id; the server stores it at most once.
    Resend,
    // No confirmation came after the last attempt; the request is forgotten.
    GiveUp,
};

struct TimedOutRequest {
    PendingRequest request;
    TimeoutAction action;
};

// The requests published with QoS 0 and not yet confirmed. Times are milliseconds from a clock that may wrap
// around, such as Arduino's millis().
class PendingRequests {
public:
    PendingRequests(std::size_t capacity, std::uint32_t timeoutMs, unsigned maxAttempts);

    // Stores a request that was just published. Returns false, storing nothing, when `capacity` requests wait.
    bool add(std::string requestId, RequestKind kind, std::string topic, std::string payload, std::uint32_t nowMs);

    // Removes and returns the request with this id, if one waits. Call it for the request id of every question,
    // answer and error that arrives.
    std::optional<PendingRequest> resolve(const std::string& requestId);

    // Returns the requests that waited `timeoutMs` since they were last sent. Those with attempts left stay
    // pending with their attempt count raised and their time reset to `nowMs`, and the caller resends them.
    // The others are removed.
    std::vector<TimedOutRequest> poll(std::uint32_t nowMs);

    std::size_t size() const { return requests_.size(); }

private:
    std::size_t capacity_;
    std::uint32_t timeoutMs_;
    unsigned maxAttempts_;
    std::vector<PendingRequest> requests_;
};

}  // namespace familyqa
