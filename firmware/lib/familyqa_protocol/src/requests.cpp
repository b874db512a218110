#include "requests.h"

#include <utility>

namespace familyqa {

namespace {

// The server accepts request ids of 1 to 64 characters: the prefix leaves room for a ten-digit counter.
constexpr std::size_t MAX_REQUEST_ID_LENGTH = 64;
constexpr std::size_t MAX_COUNTER_LENGTH = 10;

}  // namespace

RequestIdGenerator::RequestIdGenerator(std::string tag, std::uint64_t bootRandom) {
    static const char HEX_DIGITS[] = "0123456789abcdef";
    std::string randomHex(16, '0');
    for (int i = 15; i >= 0; --i) {
        randomHex[static_cast<std::size_t>(i)] = HEX_DIGITS[bootRandom & 0x0f];
        bootRandom >>= 4;
    }
    std::size_t maxTagLength = MAX_REQUEST_ID_LENGTH - MAX_COUNTER_LENGTH - randomHex.size() - 2;
    prefix_ = tag.substr(0, maxTagLength);
    prefix_ += '-';
    prefix_ += randomHex;
    prefix_ += '-';
}

std::string RequestIdGenerator::next() {
    ++counter_;
    return prefix_ + std::to_string(counter_);
}

PendingRequests::PendingRequests(std::size_t capacity, std::uint32_t timeoutMs, unsigned maxAttempts)
    : capacity_(capacity), timeoutMs_(timeoutMs), maxAttempts_(maxAttempts) {}

bool PendingRequests::add(std::string requestId, RequestKind kind, std::string topic, std::string payload,
                          std::uint32_t nowMs) {
    if (requests_.size() >= capacity_) {
        return false;
    }
    requests_.push_back(PendingRequest{std::move(requestId), kind, std::move(topic), std::move(payload), 1, nowMs});
    return true;
}

std::optional<PendingRequest> PendingRequests::resolve(const std::string& requestId) {
    for (auto it = requests_.begin(); it != requests_.end(); ++it) {
        if (it->requestId == requestId) {
            PendingRequest request = std::move(*it);
            requests_.erase(it);
            return request;
        }
    }
    return std::nullopt;
}

std::vector<TimedOutRequest> PendingRequests::poll(std::uint32_t nowMs) {
    std::vector<TimedOutRequest> timedOut;
    for (auto it = requests_.begin(); it != requests_.end();) {
        // Unsigned subtraction gives the elapsed time also across a wrap-around of the clock.
        if (static_cast<std::uint32_t>(nowMs - it->sentAtMs) < timeoutMs_) {
            ++it;
            continue;
        }
        if (it->attempts < maxAttempts_) {
            it->attempts++;
            it->sentAtMs = nowMs;
            timedOut.push_back(TimedOutRequest{*it, TimeoutAction::Resend});
            ++it;
        } else {
            timedOut.push_back(TimedOutRequest{std::move(*it), TimeoutAction::GiveUp});
            it = requests_.erase(it);
        }
    }
    return timedOut;
}

}  // namespace familyqa
