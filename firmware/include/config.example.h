// Copy this file to include/config.h and fill in your values. config.h is ignored by git, so your Wi-Fi and MQTT
// passwords stay out of the repository.
#pragma once

#include <cstdint>

namespace config {

constexpr char WIFI_SSID[] = "your-network";
constexpr char WIFI_PASSWORD[] = "your-wifi-password";

// The broker and the family's MQTT account, as shown on the family's settings page of the FamilyQA server.
constexpr char MQTT_HOST[] = "192.168.1.10";
constexpr std::uint16_t MQTT_PORT = 1883;
constexpr char MQTT_USERNAME[] = "family-username";
constexpr char MQTT_PASSWORD[] = "family-password";
// The family's topic prefix, `family/<slug>`.
constexpr char TOPIC_PREFIX[] = "family/your-family";

// Sent as `answered_by` and `asked_by`, and used, with the chip's MAC address, as the MQTT client id.
constexpr char DEVICE_NAME[] = "kitchen-button";

// A push button between BUTTON_PIN and ground, using the chip's internal pull-up. Set BUTTON_ACTIVE_LOW to false
// for a button that pulls the pin up to 3.3 V (then add an external pull-down resistor).
constexpr std::uint8_t BUTTON_PIN = 0;
constexpr bool BUTTON_ACTIVE_LOW = true;

// A short press sends the selected answer to the latest question; a long press selects the next one.
constexpr const char* ANSWER_CHOICES[] = {"👍", "Yes", "No", "Later"};

}  // namespace config
