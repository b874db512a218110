// The FamilyQA device protocol: topics, payloads, request tracking, reconnect back-off and the displayed state.
// Portable C++17 without Arduino headers; the firmware in src/ connects it to Wi-Fi, PubSubClient and the pins.
#pragma once

#include "board.h"
#include "json.h"
#include "messages.h"
#include "reconnect.h"
#include "requests.h"
#include "topics.h"
