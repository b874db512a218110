#include <string>

#include "board.h"
#include "test_runner.h"

using namespace familyqa;

namespace {

Question question(const std::string& id, const std::string& createdAt) {
    Question q;
    q.questionId = id;
    q.familyId = "f";
    q.questionText = "Text of " + id;
    q.category = "general";
    q.source = "web";
    q.createdAt = createdAt;
    return q;
}

Answer answer(const std::string& id, const std::string& questionId) {
    Answer a;
    a.answerId = id;
    a.questionId = questionId;
    a.familyId = "f";
    a.answerText = "yes";
    a.source = "mqtt";
    a.createdAt = "2024-05-01T19:00:00Z";
    return a;
}

}  // namespace

TEST(timestampsCompareBySeconds) {
    CHECK(compareTimestamps("2024-05-01T18:30:00Z", "2024-05-01T18:30:01Z") < 0);
    CHECK(compareTimestamps("2024-05-02T00:00:00Z", "2024-05-01T23:59:59.999Z") > 0);
    CHECK_EQ(compareTimestamps("2024-05-01T18:30:00Z", "2024-05-01T18:30:00Z"), 0);
}

TEST(timestampsCompareFractions) {
    CHECK(compareTimestamps("2024-05-01T18:30:00Z", "2024-05-01T18:30:00.25Z") < 0);
    CHECK(compareTimestamps("2024-05-01T18:30:00.25Z", "2024-05-01T18:30:00Z") > 0);
    CHECK(compareTimestamps("2024-05-01T18:30:00.3Z", "2024-05-01T18:30:00.25Z") > 0);
    CHECK(compareTimestamps("2024-05-01T18:30:00.000000001Z", "2024-05-01T18:30:00Z") > 0);
    CHECK_EQ(compareTimestamps("2024-05-01T18:30:00.5Z", "2024-05-01T18:30:00.500Z"), 0);
    CHECK_EQ(compareTimestamps("2024-05-01T18:30:00.000Z", "2024-05-01T18:30:00Z"), 0);
}

TEST(boardHasNoLatestAtStart) {
    QuestionBoard board(8);
    CHECK(!board.latest().has_value());
    CHECK_EQ(board.latestAnswerCount(), 0u);
}

TEST(boardTakesNewerQuestionAsLatest) {
    QuestionBoard board(8);
    CHECK(board.onQuestion(question("q1", "2024-05-01T18:30:00Z")) == BoardUpdate::NewLatest);
    CHECK(board.onQuestion(question("q2", "2024-05-01T18:30:00.5Z")) == BoardUpdate::NewLatest);
    CHECK_EQ(board.latest()->questionId, std::string("q2"));
}

TEST(boardKeepsLatestWhenOlderArrives) {
    QuestionBoard board(8);
    board.onQuestion(question("q2", "2024-05-01T18:31:00Z"));
    CHECK(board.onQuestion(question("q1", "2024-05-01T18:30:00Z")) == BoardUpdate::NewOlder);
    CHECK_EQ(board.latest()->questionId, std::string("q2"));
}

TEST(boardRecognisesRepeatedDelivery) {
    QuestionBoard board(8);
    board.onQuestion(question("q1", "2024-05-01T18:30:00Z"));
    board.onAnswer(answer("a1", "q1"));
    CHECK(board.onQuestion(question("q1", "2024-05-01T18:30:00Z")) == BoardUpdate::Duplicate);
    CHECK(board.onAnswer(answer("a1", "q1")) == BoardUpdate::Duplicate);
    CHECK_EQ(board.latestAnswerCount(), 1u);
}

TEST(boardCountsAnswersToLatest) {
    QuestionBoard board(8);
    CHECK(board.onAnswer(answer("a0", "q1")) == BoardUpdate::NewAnswer);
    board.onQuestion(question("q1", "2024-05-01T18:30:00Z"));
    CHECK(board.onAnswer(answer("a1", "q1")) == BoardUpdate::NewAnswer);
    CHECK(board.onAnswer(answer("a2", "other")) == BoardUpdate::NewAnswer);
    CHECK(board.onAnswer(answer("a3", "q1")) == BoardUpdate::NewAnswer);
    CHECK_EQ(board.latestAnswerCount(), 2u);
    board.onQuestion(question("q2", "2024-05-01T18:40:00Z"));
    CHECK_EQ(board.latestAnswerCount(), 0u);
}

TEST(boardForgetsOldestIds) {
    QuestionBoard board(2);
    board.onAnswer(answer("a1", "q"));
    board.onAnswer(answer("a2", "q"));
    board.onAnswer(answer("a3", "q"));
    CHECK(board.onAnswer(answer("a3", "q")) == BoardUpdate::Duplicate);
    CHECK(board.onAnswer(answer("a1", "q")) == BoardUpdate::NewAnswer);
}

TEST(boardKeepsQuestionAndAnswerIdsApart) {
    QuestionBoard board(8);
    board.onAnswer(answer("same-id", "q"));
    CHECK(board.onQuestion(question("same-id", "2024-05-01T18:30:00Z")) == BoardUpdate::NewLatest);
}

TEST(buttonShortPressAfterDebounce) {
    ButtonGestures button(30, 800);
    CHECK(button.update(false, 0) == ButtonEvent::None);
    CHECK(button.update(true, 100) == ButtonEvent::None);
    CHECK(button.update(true, 129) == ButtonEvent::None);
    CHECK(button.update(true, 130) == ButtonEvent::None);
    CHECK(button.update(false, 300) == ButtonEvent::None);
    CHECK(button.update(false, 329) == ButtonEvent::None);
    CHECK(button.update(false, 330) == ButtonEvent::ShortPress);
    CHECK(button.update(false, 400) == ButtonEvent::None);
}

TEST(buttonIgnoresBounces) {
    ButtonGestures button(30, 800);
    std::uint32_t now = 0;
    for (int i = 0; i < 10; ++i) {
        CHECK(button.update(i % 2 == 0, now) == ButtonEvent::None);
        now += 5;
    }
    // The last sample was a release, held long enough to settle; the button never settled as pressed.
    CHECK(button.update(false, now + 100) == ButtonEvent::None);
}

TEST(buttonLongPressReportedOnceWhileHeld) {
    ButtonGestures button(30, 800);
    button.update(true, 0);
    CHECK(button.update(true, 30) == ButtonEvent::None);
    CHECK(button.update(true, 829) == ButtonEvent::None);
    CHECK(button.update(true, 830) == ButtonEvent::LongPress);
    CHECK(button.update(true, 2000) == ButtonEvent::None);
    button.update(false, 2100);
    CHECK(button.update(false, 2130) == ButtonEvent::None);
}
