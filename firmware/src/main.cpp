// The FamilyQA ESP32 client: shows new questions on Serial (and a display, see display.h), answers the latest
// question with a button, and asks questions typed on Serial as `ask <text>`. All protocol decisions are made by
// the portable core in lib/familyqa_protocol; this file connects it to Wi-Fi, PubSubClient, the pins and the clock.
#include <Arduino.h>
#include <PubSubClient.h>
#include <WiFi.h>
#include <esp_system.h>

#include <string>
#include <variant>

#include "config.h"
#include "display.h"
#include "familyqa_protocol.h"

using namespace familyqa;

namespace {

// The broker rejects packets over 16 KiB, so this buffer holds any packet the server can send. PubSubClient's
// default of 256 bytes would drop even a question of 100 ASCII characters (about 430 bytes with topic and metadata).
constexpr uint16_t MQTT_BUFFER_SIZE = 16384;
constexpr uint16_t MQTT_KEEP_ALIVE_S = 30;
// PubSubClient waits this long for the broker's CONNACK; connect() blocks meanwhile.
constexpr uint16_t MQTT_SOCKET_TIMEOUT_S = 5;
constexpr uint32_t WIFI_TIMEOUT_MS = 15000;
constexpr uint32_t INITIAL_BACKOFF_MS = 1000;
constexpr uint32_t MAX_BACKOFF_MS = 60000;
// A QoS 0 publish may be lost without notice, so a request without an echo after this time is sent again with the
// same request id, which the server stores at most once.
constexpr uint32_t CONFIRM_TIMEOUT_MS = 10000;
constexpr unsigned MAX_SEND_ATTEMPTS = 3;
constexpr size_t MAX_PENDING_REQUESTS = 8;
constexpr size_t REMEMBERED_IDS = 32;
constexpr uint32_t DEBOUNCE_MS = 30;
constexpr uint32_t LONG_PRESS_MS = 800;
// A question has at most 1,000 characters, which UTF-8 encodes in at most 4,000 bytes.
constexpr size_t MAX_SERIAL_LINE = 4000 + 8;
constexpr size_t ANSWER_CHOICE_COUNT = sizeof(config::ANSWER_CHOICES) / sizeof(config::ANSWER_CHOICES[0]);

const Topics topics(config::TOPIC_PREFIX);
WiFiClient network;
PubSubClient mqtt(network);
ConnectionSupervisor supervisor({WIFI_TIMEOUT_MS, INITIAL_BACKOFF_MS, MAX_BACKOFF_MS});
PendingRequests pending(MAX_PENDING_REQUESTS, CONFIRM_TIMEOUT_MS, MAX_SEND_ATTEMPTS);
QuestionBoard board(REMEMBERED_IDS);
ButtonGestures button(DEBOUNCE_MS, LONG_PRESS_MS);
RequestIdGenerator* requestIds = nullptr;
std::string clientId;
std::string serialLine;
size_t selectedAnswer = 0;
bool configValid = false;

void status(const std::string& line) {
    Serial.println(line.c_str());
    displayStatus(line.c_str());
}

void showQuestion(const Question& question) {
    Serial.printf("Question [%s] from %s: %s\n", question.category.c_str(),
                  question.askedBy ? question.askedBy->c_str() : "someone", question.questionText.c_str());
    displayQuestion(question, board.latestAnswerCount());
}

void reportConfirmation(const std::optional<std::string>& requestId, const char* what) {
    if (!requestId) {
        return;
    }
    std::optional<PendingRequest> confirmed = pending.resolve(*requestId);
    if (confirmed) {
        status(std::string(what) + " stored (request " + *requestId + ")");
    }
}

void handleQuestion(const Question& question) {
    reportConfirmation(question.requestId, "Question");
    BoardUpdate update = board.onQuestion(question);
    if (update == BoardUpdate::NewLatest) {
        showQuestion(question);
    } else if (update == BoardUpdate::NewOlder) {
        Serial.printf("Older question arrived late: %s\n", question.questionText.c_str());
    }
}

void handleAnswer(const Answer& answer) {
    reportConfirmation(answer.requestId, "Answer");
    if (board.onAnswer(answer) == BoardUpdate::Duplicate) {
        return;
    }
    Serial.printf("Answer from %s: %s\n", answer.answeredBy ? answer.answeredBy->c_str() : "someone",
                  answer.answerText.c_str());
    if (board.latest() && board.latest()->questionId == answer.questionId) {
        displayQuestion(*board.latest(), board.latestAnswerCount());
    }
}

void handleError(const ServerError& error) {
    std::optional<PendingRequest> rejected = error.requestId ? pending.resolve(*error.requestId) : std::nullopt;
    // The errors topic is shared by the whole family; only this device's own rejections go to the display.
    if (rejected) {
        status("Rejected (" + error.error + "): " + error.message);
    } else {
        Serial.printf("Another client's message was rejected (%s): %s\n", error.error.c_str(), error.message.c_str());
    }
}

// Called by PubSubClient from mqtt.loop(). The payload points into PubSubClient's buffer, so it is copied before
// anything else; nothing is published from here.
void onMessage(char* topic, uint8_t* payload, unsigned int length) {
    IncomingMessage message =
        parseIncoming(topics, topic, std::string_view(reinterpret_cast<const char*>(payload), length));
    if (const Question* question = std::get_if<Question>(&message)) {
        handleQuestion(*question);
    } else if (const Answer* answer = std::get_if<Answer>(&message)) {
        handleAnswer(*answer);
    } else if (const ServerError* error = std::get_if<ServerError>(&message)) {
        handleError(*error);
    } else if (const UnreadableMessage* unreadable = std::get_if<UnreadableMessage>(&message)) {
        Serial.printf("Ignored an unreadable message on %s: %s\n", unreadable->topic.c_str(),
                      unreadable->reason.c_str());
    }
}

bool publish(const std::string& topic, const std::string& payload) {
    return mqtt.publish(topic.c_str(), reinterpret_cast<const uint8_t*>(payload.data()),
                        static_cast<unsigned int>(payload.size()), false);
}

// Publishes a request and waits for its echo. A failed publish (disconnected, or a packet over the buffer) is
// still tracked, so it is sent again after CONFIRM_TIMEOUT_MS.
void sendRequest(RequestKind kind, const std::string& topic, const std::string& requestId,
                 const std::string& payload) {
    if (!pending.add(requestId, kind, topic, payload, millis())) {
        status("Busy: " + std::to_string(MAX_PENDING_REQUESTS) + " messages still wait for the server; try later");
        return;
    }
    if (!publish(topic, payload)) {
        status("Sending failed (not connected?); retrying in " + std::to_string(CONFIRM_TIMEOUT_MS / 1000) + " s");
    }
}

void answerLatest() {
    if (!board.latest()) {
        status("No question yet since start; nothing to answer");
        return;
    }
    std::string requestId = requestIds->next();
    RespondRequest respond{board.latest()->questionId, config::ANSWER_CHOICES[selectedAnswer],
                           std::string(config::DEVICE_NAME), requestId};
    status(std::string("Answering: ") + respond.answerText);
    sendRequest(RequestKind::Respond, topics.respond(), requestId, buildRespondPayload(respond));
}

void ask(const std::string& text) {
    std::string requestId = requestIds->next();
    AskRequest request{text, std::nullopt, std::string(config::DEVICE_NAME), requestId};
    status("Asking: " + text);
    sendRequest(RequestKind::Ask, topics.ask(), requestId, buildAskPayload(request));
}

void pollPending() {
    for (const TimedOutRequest& timedOut : pending.poll(millis())) {
        const PendingRequest& request = timedOut.request;
        if (timedOut.action == TimeoutAction::Resend) {
            Serial.printf("No confirmation for request %s; sending attempt %u\n", request.requestId.c_str(),
                          request.attempts);
            publish(request.topic, request.payload);
        } else {
            status("No confirmation from the server for request " + request.requestId + "; gave up");
        }
    }
}

void connectMqtt() {
    Serial.printf("Connecting to MQTT broker %s:%u as %s\n", config::MQTT_HOST, config::MQTT_PORT, clientId.c_str());
    // A persistent session (clean session off) makes the broker keep QoS 1 questions while the device is away.
    bool connected = mqtt.connect(clientId.c_str(), config::MQTT_USERNAME, config::MQTT_PASSWORD, nullptr, 0,
                                  false, nullptr, false);
    if (connected) {
        connected = mqtt.subscribe(topics.questions().c_str(), 1) && mqtt.subscribe(topics.answers().c_str(), 1) &&
                    mqtt.subscribe(topics.errors().c_str(), 1);
        if (!connected) {
            mqtt.disconnect();
        }
    }
    supervisor.reportMqttResult(connected, millis(), esp_random());
    if (connected) {
        status("MQTT connected");
    } else {
        status("MQTT connection failed (state " + std::to_string(mqtt.state()) + "); retrying in " +
               std::to_string(supervisor.mqttBackoff().delayMs()) + " ms");
    }
}

void superviseConnections() {
    bool wifiUp = WiFi.status() == WL_CONNECTED;
    switch (supervisor.poll(wifiUp, mqtt.connected(), millis(), esp_random())) {
        case LinkAction::ConnectWifi:
            Serial.printf("Connecting to Wi-Fi %s (failures so far: %u)\n", config::WIFI_SSID,
                          supervisor.wifiBackoff().failures());
            WiFi.disconnect();
            WiFi.begin(config::WIFI_SSID, config::WIFI_PASSWORD);
            break;
        case LinkAction::ConnectMqtt:
            connectMqtt();
            break;
        case LinkAction::None:
            break;
    }
}

void pollButton() {
    bool level = digitalRead(config::BUTTON_PIN) == HIGH;
    bool pressed = config::BUTTON_ACTIVE_LOW ? !level : level;
    switch (button.update(pressed, millis())) {
        case ButtonEvent::ShortPress:
            answerLatest();
            break;
        case ButtonEvent::LongPress:
            selectedAnswer = (selectedAnswer + 1) % ANSWER_CHOICE_COUNT;
            status(std::string("Selected answer: ") + config::ANSWER_CHOICES[selectedAnswer]);
            break;
        case ButtonEvent::None:
            break;
    }
}

void pollSerial() {
    while (Serial.available() > 0) {
        char c = static_cast<char>(Serial.read());
        if (c == '\r') {
            continue;
        }
        if (c != '\n') {
            if (serialLine.size() < MAX_SERIAL_LINE) {
                serialLine.push_back(c);
            }
            continue;
        }
        if (serialLine.rfind("ask ", 0) == 0 && serialLine.size() > 4) {
            ask(serialLine.substr(4));
        } else if (!serialLine.empty()) {
            Serial.println("Type `ask <question>` to ask the family a question.");
        }
        serialLine.clear();
    }
}

std::string macSuffix() {
    uint8_t mac[6];
    WiFi.macAddress(mac);
    char suffix[7];
    snprintf(suffix, sizeof(suffix), "%02x%02x%02x", mac[3], mac[4], mac[5]);
    return suffix;
}

}  // namespace

__attribute__((weak)) void displayQuestion(const Question&, unsigned) {}

__attribute__((weak)) void displayStatus(const char*) {}

void setup() {
    Serial.begin(115200);
    pinMode(config::BUTTON_PIN, config::BUTTON_ACTIVE_LOW ? INPUT_PULLUP : INPUT);

    configValid = isValidTopicPrefix(config::TOPIC_PREFIX);
    if (!configValid) {
        Serial.printf("Invalid TOPIC_PREFIX \"%s\" in config.h: expected family/<slug>, where the slug has 3 to 64 "
                      "characters from a-z, 0-9 and '-' and does not start with '-'\n",
                      config::TOPIC_PREFIX);
        return;
    }

    // Starting the Wi-Fi radio first makes esp_random() a true random source for the request ids' boot part.
    WiFi.mode(WIFI_STA);
    uint64_t bootRandom = (static_cast<uint64_t>(esp_random()) << 32) | esp_random();
    requestIds = new RequestIdGenerator(config::DEVICE_NAME, bootRandom);
    clientId = std::string(config::DEVICE_NAME) + "-" + macSuffix();

    if (!mqtt.setBufferSize(MQTT_BUFFER_SIZE)) {
        Serial.printf("Allocating the %u-byte MQTT buffer failed; messages over 256 bytes will be dropped\n",
                      MQTT_BUFFER_SIZE);
    }
    mqtt.setServer(config::MQTT_HOST, config::MQTT_PORT);
    mqtt.setKeepAlive(MQTT_KEEP_ALIVE_S);
    mqtt.setSocketTimeout(MQTT_SOCKET_TIMEOUT_S);
    mqtt.setCallback(onMessage);
    Serial.printf("FamilyQA client %s for %s; selected answer: %s\n", clientId.c_str(), config::TOPIC_PREFIX,
                  config::ANSWER_CHOICES[selectedAnswer]);
}

void loop() {
    if (!configValid) {
        delay(1000);
        return;
    }
    superviseConnections();
    mqtt.loop();
    pollButton();
    pollSerial();
    pollPending();
    delay(5);
}
