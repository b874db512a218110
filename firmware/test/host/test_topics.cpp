#include <string>

#include "test_runner.h"
#include "topics.h"

using familyqa::isValidTopicPrefix;
using familyqa::TopicKind;
using familyqa::Topics;

TEST(topicsAreNamedLikeServer) {
    Topics topics("family/smith-home");
    CHECK_EQ(topics.prefix(), std::string("family/smith-home"));
    CHECK_EQ(topics.questions(), std::string("family/smith-home/questions"));
    CHECK_EQ(topics.answers(), std::string("family/smith-home/answers"));
    CHECK_EQ(topics.errors(), std::string("family/smith-home/errors"));
    CHECK_EQ(topics.ask(), std::string("family/smith-home/ask"));
    CHECK_EQ(topics.respond(), std::string("family/smith-home/respond"));
}

TEST(topicClassifyMatchesOwnTopics) {
    Topics topics("family/smith-home");
    CHECK(topics.classify("family/smith-home/questions") == TopicKind::Questions);
    CHECK(topics.classify("family/smith-home/answers") == TopicKind::Answers);
    CHECK(topics.classify("family/smith-home/errors") == TopicKind::Errors);
}

TEST(topicClassifyRejectsOtherTopics) {
    Topics topics("family/smith-home");
    CHECK(topics.classify("family/smith-home/ask") == TopicKind::Other);
    CHECK(topics.classify("family/smith-home/questions/x") == TopicKind::Other);
    CHECK(topics.classify("family/smith-homes/questions") == TopicKind::Other);
    CHECK(topics.classify("family/smith/questions") == TopicKind::Other);
    CHECK(topics.classify("family/smith-home") == TopicKind::Other);
    CHECK(topics.classify("family/smith-home/") == TopicKind::Other);
    CHECK(topics.classify("") == TopicKind::Other);
}

TEST(prefixValidation) {
    CHECK(isValidTopicPrefix("family/abc"));
    CHECK(isValidTopicPrefix("family/0b6f3c1e-5d1a-4c9e-9a57-2f1d8c4b7e90"));
    CHECK(isValidTopicPrefix("family/" + std::string(64, 'a')));
    CHECK(!isValidTopicPrefix("family/" + std::string(65, 'a')));
    CHECK(!isValidTopicPrefix("family/ab"));
    CHECK(!isValidTopicPrefix("family/-abc"));
    CHECK(!isValidTopicPrefix("family/Abc"));
    CHECK(!isValidTopicPrefix("family/ab/c"));
    CHECK(!isValidTopicPrefix("family/abc/"));
    CHECK(!isValidTopicPrefix("families/abc"));
    CHECK(!isValidTopicPrefix("family/a+c"));
}
