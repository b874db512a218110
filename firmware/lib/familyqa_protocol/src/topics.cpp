#include "topics.h"

#include <utility>

namespace familyqa {

namespace {

bool isSlugStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

}  // namespace

bool isValidTopicPrefix(std::string_view prefix) {
    constexpr std::string_view ROOT = "family/";
    if (prefix.substr(0, ROOT.size()) != ROOT) {
        return false;
    }
    std::string_view slug = prefix.substr(ROOT.size());
    if (slug.size() < 3 || slug.size() > 64 || !isSlugStart(slug[0])) {
        return false;
    }
    for (char c : slug) {
        if (!isSlugStart(c) && c != '-') {
            return false;
        }
    }
    return true;
}

Topics::Topics(std::string prefix) : prefix_(std::move(prefix)) {}

TopicKind Topics::classify(std::string_view topic) const {
    if (topic.size() <= prefix_.size() || topic.substr(0, prefix_.size()) != prefix_ || topic[prefix_.size()] != '/') {
        return TopicKind::Other;
    }
    std::string_view last = topic.substr(prefix_.size() + 1);
    if (last == "questions") {
        return TopicKind::Questions;
    }
    if (last == "answers") {
        return TopicKind::Answers;
    }
    if (last == "errors") {
        return TopicKind::Errors;
    }
    return TopicKind::Other;
}

}  // namespace familyqa
