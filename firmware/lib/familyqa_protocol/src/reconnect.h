// Exponential back-off with jitter, and the state machine that decides when to connect Wi-Fi and MQTT again.
#pragma once

#include <cstdint>

namespace familyqa {

// After the n-th failure in a row the next attempt waits a delay chosen between half and all of
// min(initialMs * 2^(n-1), maxMs). The random half spreads out the devices of a house (or of every house) that
// lost the broker at the same moment. Times are milliseconds from a clock that may wrap around.
class Backoff {
public:
    Backoff(std::uint32_t initialMs, std::uint32_t maxMs);

    // Returns true when no failure is recorded or the delay after the last failure has passed.
    bool ready(std::uint32_t nowMs) const;
    // Records a failed attempt at `nowMs`. `random` is a uniformly random value that picks the delay within its
    // range: 0 the shortest, 0xffffffff the longest.
    void recordFailure(std::uint32_t nowMs, std::uint32_t random);
    // Records a successful attempt, so that the next failure waits `initialMs` again.
    void reset();

    unsigned failures() const { return failures_; }
    // The delay after the last failure, or 0 when none is recorded.
    std::uint32_t delayMs() const { return delayMs_; }

private:
    std::uint32_t initialMs_;
    std::uint32_t maxMs_;
    unsigned failures_ = 0;
    std::uint32_t delayMs_ = 0;
    std::uint32_t failedAtMs_ = 0;
};

enum class LinkAction {
    None,
    // Start connecting to Wi-Fi (after dropping any half-open attempt); report the outcome through poll().
    ConnectWifi,
    // Connect to the MQTT broker now and report the outcome with reportMqttResult().
    ConnectMqtt,
};

// Decides, from whether Wi-Fi and MQTT are up, what the device does next. Wi-Fi connects in the background, so an
// attempt that is still not up after `wifiTimeoutMs` counts as failed. An MQTT connect blocks until it succeeds or
// fails, so the caller reports its outcome.
class ConnectionSupervisor {
public:
    struct Settings {
        std::uint32_t wifiTimeoutMs;
        std::uint32_t initialBackoffMs;
        std::uint32_t maxBackoffMs;
    };

    explicit ConnectionSupervisor(Settings settings);

    LinkAction poll(bool wifiConnected, bool mqttConnected, std::uint32_t nowMs, std::uint32_t random);
    void reportMqttResult(bool connected, std::uint32_t nowMs, std::uint32_t random);

    const Backoff& wifiBackoff() const { return wifiBackoff_; }
    const Backoff& mqttBackoff() const { return mqttBackoff_; }

private:
    std::uint32_t wifiTimeoutMs_;
    Backoff wifiBackoff_;
    Backoff mqttBackoff_;
    bool wifiConnecting_ = false;
    std::uint32_t wifiStartedAtMs_ = 0;
};

}  // namespace familyqa
