#include <cstdint>

#include "reconnect.h"
#include "test_runner.h"

using namespace familyqa;

namespace {

// A random value that picks the largest delay of the range, and one that picks the smallest.
constexpr std::uint32_t MAX_JITTER = 0xffffffffu;
constexpr std::uint32_t MIN_JITTER = 0;

ConnectionSupervisor::Settings settings() {
    return ConnectionSupervisor::Settings{10000, 1000, 60000};
}

}  // namespace

TEST(backoffReadyBeforeAnyFailure) {
    Backoff backoff(1000, 60000);
    CHECK(backoff.ready(0));
    CHECK_EQ(backoff.failures(), 0u);
    CHECK_EQ(backoff.delayMs(), 0u);
}

TEST(backoffDoublesUpToMaximum) {
    Backoff backoff(1000, 60000);
    const std::uint32_t expected[] = {1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000};
    std::uint32_t now = 0;
    for (std::uint32_t delay : expected) {
        backoff.recordFailure(now, MAX_JITTER);
        CHECK_EQ(backoff.delayMs(), delay);
        now += backoff.delayMs();
    }
    CHECK_EQ(backoff.failures(), 9u);
}

TEST(backoffJitterStaysInUpperHalf) {
    Backoff low(1000, 60000);
    low.recordFailure(0, MIN_JITTER);
    CHECK_EQ(low.delayMs(), 500u);
    Backoff high(1000, 60000);
    high.recordFailure(0, MAX_JITTER);
    CHECK_EQ(high.delayMs(), 1000u);
    Backoff middle(1000, 60000);
    middle.recordFailure(0, 0x80000000u);
    CHECK_EQ(middle.delayMs(), 750u);
    for (std::uint32_t random : {1u, 77u, 499u, 500u, 501u, 123456789u, MAX_JITTER}) {
        Backoff backoff(1000, 60000);
        backoff.recordFailure(0, random);
        CHECK(backoff.delayMs() >= 500u);
        CHECK(backoff.delayMs() <= 1000u);
    }
}

TEST(backoffWaitsForDelay) {
    Backoff backoff(1000, 60000);
    backoff.recordFailure(5000, MAX_JITTER);
    CHECK_EQ(backoff.delayMs(), 1000u);
    CHECK(!backoff.ready(5000));
    CHECK(!backoff.ready(5999));
    CHECK(backoff.ready(6000));
}

TEST(backoffResetStartsOver) {
    Backoff backoff(1000, 60000);
    for (int i = 0; i < 5; ++i) {
        backoff.recordFailure(0, MAX_JITTER);
    }
    CHECK_EQ(backoff.delayMs(), 16000u);
    backoff.reset();
    CHECK(backoff.ready(1));
    CHECK_EQ(backoff.failures(), 0u);
    backoff.recordFailure(100, MAX_JITTER);
    CHECK_EQ(backoff.delayMs(), 1000u);
}

TEST(backoffSurvivesClockWrap) {
    Backoff backoff(1000, 60000);
    backoff.recordFailure(0xfffffe00u, MAX_JITTER);
    CHECK(!backoff.ready(0x00000100u));
    CHECK(backoff.ready(0x000001e8u));
}

TEST(backoffDoesNotOverflowLargeMaximum) {
    Backoff backoff(1000, 0xf0000000u);
    for (int i = 0; i < 40; ++i) {
        backoff.recordFailure(0, MAX_JITTER);
    }
    CHECK(backoff.delayMs() <= 0xf0000000u);
    CHECK(backoff.delayMs() >= 0x78000000u);
}

TEST(supervisorConnectsWifiFirst) {
    ConnectionSupervisor supervisor(settings());
    CHECK(supervisor.poll(false, false, 0, 0) == LinkAction::ConnectWifi);
    CHECK(supervisor.poll(false, false, 5000, 0) == LinkAction::None);
    CHECK(supervisor.poll(true, false, 6000, 0) == LinkAction::ConnectMqtt);
}

TEST(supervisorBacksOffAfterWifiTimeout) {
    ConnectionSupervisor supervisor(settings());
    CHECK(supervisor.poll(false, false, 0, 0) == LinkAction::ConnectWifi);
    // The attempt times out at 10 s; the first delay is 1 s with the largest jitter.
    CHECK(supervisor.poll(false, false, 10000, MAX_JITTER) == LinkAction::None);
    CHECK_EQ(supervisor.wifiBackoff().failures(), 1u);
    CHECK(supervisor.poll(false, false, 10999, 0) == LinkAction::None);
    CHECK(supervisor.poll(false, false, 11000, 0) == LinkAction::ConnectWifi);
    // The second attempt times out too, and the delay doubles.
    CHECK(supervisor.poll(false, false, 21000, MAX_JITTER) == LinkAction::None);
    CHECK_EQ(supervisor.wifiBackoff().delayMs(), 2000u);
    CHECK(supervisor.poll(false, false, 22999, 0) == LinkAction::None);
    CHECK(supervisor.poll(false, false, 23000, 0) == LinkAction::ConnectWifi);
}

TEST(supervisorResetsWifiBackoffWhenUp) {
    ConnectionSupervisor supervisor(settings());
    supervisor.poll(false, false, 0, 0);
    supervisor.poll(false, false, 10000, MAX_JITTER);
    CHECK_EQ(supervisor.wifiBackoff().failures(), 1u);
    // Wi-Fi came back on its own during the delay.
    CHECK(supervisor.poll(true, false, 10500, 0) == LinkAction::ConnectMqtt);
    CHECK_EQ(supervisor.wifiBackoff().failures(), 0u);
    // After losing Wi-Fi again the device reconnects at once.
    CHECK(supervisor.poll(false, false, 20000, 0) == LinkAction::ConnectWifi);
}

TEST(supervisorBacksOffAfterMqttFailure) {
    ConnectionSupervisor supervisor(settings());
    CHECK(supervisor.poll(true, false, 0, 0) == LinkAction::ConnectMqtt);
    supervisor.reportMqttResult(false, 0, MAX_JITTER);
    CHECK(supervisor.poll(true, false, 999, 0) == LinkAction::None);
    CHECK(supervisor.poll(true, false, 1000, 0) == LinkAction::ConnectMqtt);
    supervisor.reportMqttResult(false, 1000, MAX_JITTER);
    CHECK_EQ(supervisor.mqttBackoff().delayMs(), 2000u);
    CHECK(supervisor.poll(true, false, 2999, 0) == LinkAction::None);
    CHECK(supervisor.poll(true, false, 3000, 0) == LinkAction::ConnectMqtt);
    supervisor.reportMqttResult(true, 3000, 0);
    CHECK_EQ(supervisor.mqttBackoff().failures(), 0u);
    CHECK(supervisor.poll(true, true, 4000, 0) == LinkAction::None);
    // A dropped broker connection is retried at once, and the back-off starts over on failure.
    CHECK(supervisor.poll(true, false, 5000, 0) == LinkAction::ConnectMqtt);
    supervisor.reportMqttResult(false, 5000, MAX_JITTER);
    CHECK_EQ(supervisor.mqttBackoff().delayMs(), 1000u);
}

TEST(supervisorWaitsForWifiBeforeMqtt) {
    ConnectionSupervisor supervisor(settings());
    supervisor.poll(false, false, 0, 0);
    for (std::uint32_t now = 100; now < 10000; now += 1000) {
        CHECK(supervisor.poll(false, false, now, 0) != LinkAction::ConnectMqtt);
    }
}
