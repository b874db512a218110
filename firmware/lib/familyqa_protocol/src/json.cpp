#include "json.h"

#include <cstdint>

namespace familyqa {

void appendJsonString(std::string& out, std::string_view text) {
    static const char HEX_DIGITS[] = "0123456789abcdef";
    out.push_back('"');
    for (char c : text) {
        unsigned char byte = static_cast<unsigned char>(c);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (byte < 0x20) {
                    out += "\\u00";
                    out.push_back(HEX_DIGITS[byte >> 4]);
                    out.push_back(HEX_DIGITS[byte & 0x0f]);
                } else {
                    out.push_back(c);
                }
        }
    }
    out.push_back('"');
}

JsonObjectWriter& JsonObjectWriter::add(std::string_view key, std::string_view value) {
    startMember(key);
    appendJsonString(text_, value);
    return *this;
}

JsonObjectWriter& JsonObjectWriter::addIfPresent(std::string_view key, const std::optional<std::string>& value) {
    if (value) {
        add(key, *value);
    }
    return *this;
}

JsonObjectWriter& JsonObjectWriter::addNull(std::string_view key) {
    startMember(key);
    text_ += "null";
    return *this;
}

std::string JsonObjectWriter::finish() {
    std::string result = text_.empty() ? std::string("{") : std::move(text_);
    result.push_back('}');
    text_.clear();
    return result;
}

void JsonObjectWriter::startMember(std::string_view key) {
    text_.push_back(text_.empty() ? '{' : ',');
    appendJsonString(text_, key);
    text_.push_back(':');
}

const JsonMember* FlatJsonObject::find(std::string_view name) const {
    for (const JsonMember& member : members_) {
        if (member.name == name) {
            return &member;
        }
    }
    return nullptr;
}

namespace {

void appendUtf8(std::string& out, std::uint32_t codePoint) {
    if (codePoint < 0x80) {
        out.push_back(static_cast<char>(codePoint));
    } else if (codePoint < 0x800) {
        out.push_back(static_cast<char>(0xc0 | (codePoint >> 6)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3f)));
    } else if (codePoint < 0x10000) {
        out.push_back(static_cast<char>(0xe0 | (codePoint >> 12)));
        out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3f)));
    } else {
        out.push_back(static_cast<char>(0xf0 | (codePoint >> 18)));
        out.push_back(static_cast<char>(0x80 | ((codePoint >> 12) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | ((codePoint >> 6) & 0x3f)));
        out.push_back(static_cast<char>(0x80 | (codePoint & 0x3f)));
    }
}

// A recursive-descent reader over one flat object. Each method returns false after setting `error_`.
class FlatReader {
public:
    explicit FlatReader(std::string_view text) : text_(text) {}

    JsonParseResult read() {
        JsonParseResult result;
        result.ok = readObject(result.object);
        if (result.ok) {
            skipWhiteSpace();
            if (pos_ != text_.size()) {
                result.ok = fail("content after the end of the object");
            }
        }
        if (!result.ok) {
            result.object = FlatJsonObject();
            result.error = error_;
            result.errorOffset = pos_;
        }
        return result;
    }

private:
    bool fail(const char* message) {
        if (error_.empty()) {
            error_ = message;
        }
        return false;
    }

    bool atEnd() const { return pos_ >= text_.size(); }

    char peek() const { return text_[pos_]; }

    void skipWhiteSpace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) {
            ++pos_;
        }
    }

    bool expect(char c, const char* message) {
        skipWhiteSpace();
        if (atEnd()) {
            return fail("truncated input");
        }
        if (peek() != c) {
            return fail(message);
        }
        ++pos_;
        return true;
    }

    bool readObject(FlatJsonObject& object) {
        if (!expect('{', "expected a JSON object")) {
            return false;
        }
        skipWhiteSpace();
        if (!atEnd() && peek() == '}') {
            ++pos_;
            return true;
        }
        while (true) {
            JsonMember member;
            skipWhiteSpace();
            if (atEnd()) {
                return fail("truncated input");
            }
            if (peek() != '"') {
                return fail("expected a member name in quotes");
            }
            if (!readString(member.name)) {
                return false;
            }
            if (object.find(member.name) != nullptr) {
                return fail("duplicate member name");
            }
            if (!expect(':', "expected ':' after a member name") || !readValue(member)) {
                return false;
            }
            object.add(std::move(member));
            skipWhiteSpace();
            if (atEnd()) {
                return fail("truncated input");
            }
            char separator = text_[pos_++];
            if (separator == '}') {
                return true;
            }
            if (separator != ',') {
                --pos_;
                return fail("expected ',' or '}' after a member");
            }
        }
    }

    bool readValue(JsonMember& member) {
        skipWhiteSpace();
        if (atEnd()) {
            return fail("truncated input");
        }
        char c = peek();
        if (c == '"') {
            member.type = JsonType::String;
            return readString(member.value);
        }
        if (c == '{' || c == '[') {
            return fail("nested objects and arrays are not supported");
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            member.type = JsonType::Number;
            return readNumber(member.value);
        }
        if (readLiteral("null")) {
            member.type = JsonType::Null;
            return true;
        }
        if (readLiteral("true") || readLiteral("false")) {
            member.type = JsonType::Boolean;
            member.value = (c == 't') ? "true" : "false";
            return true;
        }
        // A literal cut off by the end of the input, such as `nu`, is truncated input and not a wrong token.
        std::string_view rest = text_.substr(pos_);
        for (std::string_view literal : {std::string_view("null"), std::string_view("true"),
                                         std::string_view("false")}) {
            if (rest.size() < literal.size() && literal.substr(0, rest.size()) == rest) {
                return fail("truncated input");
            }
        }
        return fail("expected a string, number, true, false or null");
    }

    bool readLiteral(std::string_view literal) {
        if (text_.substr(pos_, literal.size()) == literal) {
            pos_ += literal.size();
            return true;
        }
        return false;
    }

    bool readDigits() {
        std::size_t start = pos_;
        while (!atEnd() && peek() >= '0' && peek() <= '9') {
            ++pos_;
        }
        if (pos_ == start) {
            return fail(atEnd() ? "truncated input" : "expected a digit");
        }
        return true;
    }

    bool readNumber(std::string& out) {
        std::size_t start = pos_;
        if (peek() == '-') {
            ++pos_;
        }
        if (!atEnd() && peek() == '0') {
            ++pos_;
        } else if (!readDigits()) {
            return false;
        }
        if (!atEnd() && peek() == '.') {
            ++pos_;
            if (!readDigits()) {
                return false;
            }
        }
        if (!atEnd() && (peek() == 'e' || peek() == 'E')) {
            ++pos_;
            if (!atEnd() && (peek() == '+' || peek() == '-')) {
                ++pos_;
            }
            if (!readDigits()) {
                return false;
            }
        }
        out.assign(text_.substr(start, pos_ - start));
        return true;
    }

    bool readHex4(std::uint32_t& value) {
        if (text_.size() - pos_ < 4) {
            return fail("truncated input");
        }
        value = 0;
        for (int i = 0; i < 4; ++i) {
            char c = text_[pos_++];
            value <<= 4;
            if (c >= '0' && c <= '9') {
                value |= static_cast<std::uint32_t>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                value |= static_cast<std::uint32_t>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                value |= static_cast<std::uint32_t>(c - 'A' + 10);
            } else {
                --pos_;
                return fail("invalid hex digit in a \\u escape");
            }
        }
        return true;
    }

    bool readEscape(std::string& out) {
        if (atEnd()) {
            return fail("truncated input");
        }
        char c = text_[pos_++];
        switch (c) {
            case '"': out.push_back('"'); return true;
            case '\\': out.push_back('\\'); return true;
            case '/': out.push_back('/'); return true;
            case 'b': out.push_back('\b'); return true;
            case 'f': out.push_back('\f'); return true;
            case 'n': out.push_back('\n'); return true;
            case 'r': out.push_back('\r'); return true;
            case 't': out.push_back('\t'); return true;
            case 'u': break;
            default:
                --pos_;
                return fail("invalid escape sequence");
        }
        std::uint32_t unit = 0;
        if (!readHex4(unit)) {
            return false;
        }
        if (unit >= 0xdc00 && unit <= 0xdfff) {
            return fail("lone low surrogate in a \\u escape");
        }
        if (unit >= 0xd800 && unit <= 0xdbff) {
            if (text_.size() - pos_ < 2) {
                return fail(text_.size() - pos_ == 0 || text_[pos_] == '\\' ? "truncated input"
                                                                            : "lone high surrogate in a \\u escape");
            }
            if (text_[pos_] != '\\' || text_[pos_ + 1] != 'u') {
                return fail("lone high surrogate in a \\u escape");
            }
            pos_ += 2;
            std::uint32_t low = 0;
            if (!readHex4(low)) {
                return false;
            }
            if (low < 0xdc00 || low > 0xdfff) {
                return fail("lone high surrogate in a \\u escape");
            }
            unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
        }
        appendUtf8(out, unit);
        return true;
    }

    // Copies one UTF-8 encoded code point of two to four bytes, rejecting overlong forms, encoded surrogates and
    // values above U+10FFFF (RFC 3629).
    bool copyUtf8Sequence(std::string& out) {
        unsigned char lead = static_cast<unsigned char>(text_[pos_]);
        int length = 0;
        std::uint32_t codePoint = 0;
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
            codePoint = lead & 0x1f;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            codePoint = lead & 0x0f;
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            codePoint = lead & 0x07;
        } else {
            return fail("invalid UTF-8");
        }
        if (text_.size() - pos_ < static_cast<std::size_t>(length)) {
            return fail("truncated input");
        }
        for (int i = 1; i < length; ++i) {
            unsigned char next = static_cast<unsigned char>(text_[pos_ + i]);
            if ((next & 0xc0) != 0x80) {
                return fail("invalid UTF-8");
            }
            codePoint = (codePoint << 6) | (next & 0x3f);
        }
        bool overlong = (length == 3 && codePoint < 0x800) || (length == 4 && codePoint < 0x10000);
        bool surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
        if (overlong || surrogate || codePoint > 0x10ffff) {
            return fail("invalid UTF-8");
        }
        out.append(text_.substr(pos_, length));
        pos_ += length;
        return true;
    }

    bool readString(std::string& out) {
        ++pos_;  // the opening quote
        while (true) {
            if (atEnd()) {
                return fail("truncated input");
            }
            unsigned char byte = static_cast<unsigned char>(peek());
            if (byte == '"') {
                ++pos_;
                return true;
            }
            if (byte == '\\') {
                ++pos_;
                if (!readEscape(out)) {
                    return false;
                }
            } else if (byte < 0x20) {
                return fail("unescaped control character in a string");
            } else if (byte < 0x80) {
                out.push_back(static_cast<char>(byte));
                ++pos_;
            } else if (!copyUtf8Sequence(out)) {
                return false;
            }
        }
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::string error_;
};

}  // namespace

JsonParseResult parseFlatJsonObject(std::string_view text) {
    return FlatReader(text).read();
}

}  // namespace familyqa
