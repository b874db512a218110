// JSON writing and a strict reader for the flat JSON objects that the FamilyQA server publishes.
// Portable C++17 with no Arduino headers, so that the host tests compile exactly this code.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace familyqa {

// Appends `text` to `out` as a quoted JSON string. Quotes, backslashes and control characters below U+0020 are
// escaped; every other byte, including multi-byte UTF-8, is copied unchanged, as the server writes its own text.
void appendJsonString(std::string& out, std::string_view text);

// Builds one flat JSON object, member by member, in the order of the calls.
class JsonObjectWriter {
public:
    JsonObjectWriter& add(std::string_view key, std::string_view value);
    // Adds the member only when `value` contains a string, and leaves it out otherwise.
    JsonObjectWriter& addIfPresent(std::string_view key, const std::optional<std::string>& value);
    JsonObjectWriter& addNull(std::string_view key);
    // Returns the finished object; the writer is empty afterwards.
    std::string finish();

private:
    void startMember(std::string_view key);

    std::string text_;
};

enum class JsonType { String, Number, Boolean, Null };

struct JsonMember {
    std::string name;
    JsonType type;
    // The decoded text of a string, or the literal text of a number or boolean; empty for null.
    std::string value;
};

// The top-level members of a JSON object whose values are all strings, numbers, booleans or null.
class FlatJsonObject {
public:
    const JsonMember* find(std::string_view name) const;
    const std::vector<JsonMember>& members() const { return members_; }
    void add(JsonMember member) { members_.push_back(std::move(member)); }

private:
    std::vector<JsonMember> members_;
};

struct JsonParseResult {
    bool ok = false;
    FlatJsonObject object;
    // Why the text was rejected, and the byte offset where reading stopped; set when `ok` is false.
    std::string error;
    std::size_t errorOffset = 0;
};

// Reads a JSON object (RFC 8259) whose member values are strings, numbers, booleans or null. The reader rejects
// nested objects and arrays, duplicate member names, invalid UTF-8, lone UTF-16 surrogates in \u escapes, raw
// control characters in strings, and anything but white space after the object. \u escapes are decoded to UTF-8,
// with surrogate pairs combined into one code point.
JsonParseResult parseFlatJsonObject(std::string_view text);

}  // namespace familyqa
