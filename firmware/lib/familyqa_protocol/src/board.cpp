#include "board.h"

namespace familyqa {

namespace {

// The part before the fraction or zone: `2024-05-01T18:30:00`.
constexpr std::size_t SECONDS_LENGTH = 19;

// Returns the fraction digits after `YYYY-MM-DDTHH:MM:SS.`, or an empty view when there are none.
std::string_view fractionDigits(std::string_view timestamp) {
    if (timestamp.size() <= SECONDS_LENGTH || timestamp[SECONDS_LENGTH] != '.') {
        return std::string_view();
    }
    std::string_view rest = timestamp.substr(SECONDS_LENGTH + 1);
    std::size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') {
        ++digits;
    }
    return rest.substr(0, digits);
}

}  // namespace

int compareTimestamps(std::string_view left, std::string_view right) {
    int seconds = left.substr(0, SECONDS_LENGTH).compare(right.substr(0, SECONDS_LENGTH));
    if (seconds != 0) {
        return seconds;
    }
    std::string_view leftFraction = fractionDigits(left);
    std::string_view rightFraction = fractionDigits(right);
    // Missing digits count as zeros: `.5` equals `.500`.
    std::size_t length = leftFraction.size() > rightFraction.size() ? leftFraction.size() : rightFraction.size();
    for (std::size_t i = 0; i < length; ++i) {
        char l = i < leftFraction.size() ? leftFraction[i] : '0';
        char r = i < rightFraction.size() ? rightFraction[i] : '0';
        if (l != r) {
            return l < r ? -1 : 1;
        }
    }
    return 0;
}

QuestionBoard::QuestionBoard(std::size_t rememberedIds) : rememberedIds_(rememberedIds == 0 ? 1 : rememberedIds) {}

bool QuestionBoard::seenBefore(const std::string& id) {
    for (const std::string& known : recentIds_) {
        if (known == id) {
            return true;
        }
    }
    if (recentIds_.size() < rememberedIds_) {
        recentIds_.push_back(id);
    } else {
        recentIds_[nextSlot_] = id;
        nextSlot_ = (nextSlot_ + 1) % rememberedIds_;
    }
    return false;
}

BoardUpdate QuestionBoard::onQuestion(const Question& question) {
    if (seenBefore("q:" + question.questionId)) {
        return BoardUpdate::Duplicate;
    }
    if (latest_ && compareTimestamps(question.createdAt, latest_->createdAt) < 0) {
        return BoardUpdate::NewOlder;
    }
    latest_ = question;
    latestAnswerCount_ = 0;
    return BoardUpdate::NewLatest;
}

BoardUpdate QuestionBoard::onAnswer(const Answer& answer) {
    if (seenBefore("a:" + answer.answerId)) {
        return BoardUpdate::Duplicate;
    }
    if (latest_ && latest_->questionId == answer.questionId) {
        ++latestAnswerCount_;
    }
    return BoardUpdate::NewAnswer;
}

ButtonGestures::ButtonGestures(std::uint32_t debounceMs, std::uint32_t longPressMs)
    : debounceMs_(debounceMs), longPressMs_(longPressMs) {}

ButtonEvent ButtonGestures::update(bool pressed, std::uint32_t nowMs) {
    if (pressed != rawPressed_) {
        rawPressed_ = pressed;
        rawChangedAtMs_ = nowMs;
    }
    bool settled = static_cast<std::uint32_t>(nowMs - rawChangedAtMs_) >= debounceMs_;
    if (settled && rawPressed_ != stablePressed_) {
        stablePressed_ = rawPressed_;
        if (stablePressed_) {
            pressedAtMs_ = nowMs;
            longReported_ = false;
            return ButtonEvent::None;
        }
        return longReported_ ? ButtonEvent::None : ButtonEvent::ShortPress;
    }
    if (stablePressed_ && !longReported_ && static_cast<std::uint32_t>(nowMs - pressedAtMs_) >= longPressMs_) {
        longReported_ = true;
        return ButtonEvent::LongPress;
    }
    return ButtonEvent::None;
}

}  // namespace familyqa
