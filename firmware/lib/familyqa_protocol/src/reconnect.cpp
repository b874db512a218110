#include "reconnect.h"

namespace familyqa {

Backoff::Backoff(std::uint32_t initialMs, std::uint32_t maxMs) : initialMs_(initialMs), maxMs_(maxMs) {}

bool Backoff::ready(std::uint32_t nowMs) const {
    return failures_ == 0 || static_cast<std::uint32_t>(nowMs - failedAtMs_) >= delayMs_;
}

void Backoff::recordFailure(std::uint32_t nowMs, std::uint32_t random) {
    ++failures_;
    std::uint32_t base = initialMs_;
    for (unsigned i = 1; i < failures_ && base < maxMs_; ++i) {
        base = base > maxMs_ / 2 ? maxMs_ : base * 2;
    }
    if (base > maxMs_) {
        base = maxMs_;
    }
    // Scales `random` onto 0..half, so 0 picks the shortest delay and 0xffffffff the longest.
    std::uint32_t half = base / 2;
    std::uint32_t offset = static_cast<std::uint32_t>(static_cast<std::uint64_t>(random) * half / 0xffffffffu);
    delayMs_ = (base - half) + offset;
    failedAtMs_ = nowMs;
}

void Backoff::reset() {
    failures_ = 0;
    delayMs_ = 0;
}

ConnectionSupervisor::ConnectionSupervisor(Settings settings)
    : wifiTimeoutMs_(settings.wifiTimeoutMs),
      wifiBackoff_(settings.initialBackoffMs, settings.maxBackoffMs),
      mqttBackoff_(settings.initialBackoffMs, settings.maxBackoffMs) {}

LinkAction ConnectionSupervisor::poll(bool wifiConnected, bool mqttConnected, std::uint32_t nowMs,
                                      std::uint32_t random) {
    if (!wifiConnected) {
        if (wifiConnecting_) {
            if (static_cast<std::uint32_t>(nowMs - wifiStartedAtMs_) < wifiTimeoutMs_) {
                return LinkAction::None;
            }
            wifiConnecting_ = false;
            wifiBackoff_.recordFailure(nowMs, random);
        }
        if (!wifiBackoff_.ready(nowMs)) {
            return LinkAction::None;
        }
        wifiConnecting_ = true;
        wifiStartedAtMs_ = nowMs;
        return LinkAction::ConnectWifi;
    }
    // Wi-Fi may also come back on its own (the ESP32 stack reconnects by itself), so any connection resets it.
    wifiConnecting_ = false;
    wifiBackoff_.reset();
    if (mqttConnected || !mqttBackoff_.ready(nowMs)) {
        return LinkAction::None;
    }
    return LinkAction::ConnectMqtt;
}

void ConnectionSupervisor::reportMqttResult(bool connected, std::uint32_t nowMs, std::uint32_t random) {
    if (connected) {
        mqttBackoff_.reset();
    } else {
        mqttBackoff_.recordFailure(nowMs, random);
    }
}

}  // namespace familyqa
