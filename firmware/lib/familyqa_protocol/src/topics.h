// The MQTT topics of one family, named as the server names them: `family/<slug>/questions` and so on.
#pragma once

#include <string>
#include <string_view>

namespace familyqa {

enum class TopicKind { Questions, Answers, Errors, Other };

// Returns true for `family/<slug>` where the slug matches [a-z0-9][a-z0-9-]{2,63}.
bool isValidTopicPrefix(std::string_view prefix);

class Topics {
public:
    // `prefix` is the family's topic prefix as the server shows it, such as `family/smith-home`.
    explicit Topics(std::string prefix);

    const std::string& prefix() const { return prefix_; }
    // Published by the server; the device subscribes to these three.
    std::string questions() const { return prefix_ + "/questions"; }
    std::string answers() const { return prefix_ + "/answers"; }
    std::string errors() const { return prefix_ + "/errors"; }
    // Published by the device.
    std::string ask() const { return prefix_ + "/ask"; }
    std::string respond() const { return prefix_ + "/respond"; }

    // Returns which of the subscribed topics `topic` is, or Other for any topic outside them.
    TopicKind classify(std::string_view topic) const;

private:
    std::string prefix_;
};

}  // namespace familyqa
