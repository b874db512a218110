// What the device shows: the latest question, and which questions and answers it has already shown. The server
// publishes with QoS 1, so a message may arrive twice, and after a reconnect an older one may arrive late.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "messages.h"

namespace familyqa {

// Compares two ISO-8601 UTC times as the server writes them (`2024-05-01T18:30:00Z`, or with 1 to 9 fraction
// digits, `2024-05-01T18:30:00.25Z`). Returns a negative number, zero or a positive number. Plain string order is
// wrong here because `...:00Z` sorts after `...:00.25Z`.
int compareTimestamps(std::string_view left, std::string_view right);

enum class BoardUpdate {
    // The question is new and is now the latest one.
    NewLatest,
    // The question is new but older than the latest one, which stays.
    NewOlder,
    // The question or answer was shown before; this is a repeated delivery.
    Duplicate,
    // The answer is new.
    NewAnswer,
};

class QuestionBoard {
public:
    // `rememberedIds` is how many recent question and answer ids are kept to recognise repeated deliveries.
    explicit QuestionBoard(std::size_t rememberedIds);

    BoardUpdate onQuestion(const Question& question);
    BoardUpdate onAnswer(const Answer& answer);

    // The question that a button press answers, once one has arrived since the device started.
    const std::optional<Question>& latest() const { return latest_; }
    // The number of new answers to the latest question since it arrived.
    unsigned latestAnswerCount() const { return latestAnswerCount_; }

private:
    // Returns true when `id` was seen before; otherwise remembers it, dropping the oldest id when full.
    bool seenBefore(const std::string& id);

    std::size_t rememberedIds_;
    std::vector<std::string> recentIds_;
    std::size_t nextSlot_ = 0;
    std::optional<Question> latest_;
    unsigned latestAnswerCount_ = 0;
};

enum class ButtonEvent { None, ShortPress, LongPress };

// Turns samples of a push button into presses: a level must stay stable for `debounceMs` to count, a release after
// less than `longPressMs` is a short press, and holding for `longPressMs` is a long press, reported once while the
// button is still held.
class ButtonGestures {
public:
    ButtonGestures(std::uint32_t debounceMs, std::uint32_t longPressMs);

    ButtonEvent update(bool pressed, std::uint32_t nowMs);

private:
    std::uint32_t debounceMs_;
    std::uint32_t longPressMs_;
    bool rawPressed_ = false;
    std::uint32_t rawChangedAtMs_ = 0;
    bool stablePressed_ = false;
    std::uint32_t pressedAtMs_ = 0;
    bool longReported_ = false;
};

}  // namespace familyqa
