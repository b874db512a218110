#include <string>

#include "json.h"
#include "test_runner.h"

using familyqa::appendJsonString;
using familyqa::JsonObjectWriter;
using familyqa::JsonType;
using familyqa::parseFlatJsonObject;

namespace {

std::string quoted(const std::string& text) {
    std::string out;
    appendJsonString(out, text);
    return out;
}

// Parses `{"v": <valueJson>}` and returns the decoded value of v, or "<error: ...>".
std::string decodeValue(const std::string& valueJson) {
    auto result = parseFlatJsonObject("{\"v\":" + valueJson + "}");
    if (!result.ok) {
        return "<error: " + result.error + ">";
    }
    return result.object.find("v")->value;
}

}  // namespace

TEST(jsonStringEscapesQuotesAndBackslashes) {
    CHECK_EQ(quoted("say \"hi\" \\ bye"), std::string("\"say \\\"hi\\\" \\\\ bye\""));
}

TEST(jsonStringEscapesControlCharacters) {
    CHECK_EQ(quoted("a\nb\tc\rd\be\ff"), std::string("\"a\\nb\\tc\\rd\\be\\ff\""));
    CHECK_EQ(quoted(std::string("\x01\x1f", 2)), std::string("\"\\u0001\\u001f\""));
    CHECK_EQ(quoted(std::string("\0", 1)), std::string("\"\\u0000\""));
}

TEST(jsonStringPassesUtf8Through) {
    CHECK_EQ(quoted("Grüße 🍪 日本"), std::string("\"Grüße 🍪 日本\""));
    CHECK_EQ(quoted("/ and \x7f"), std::string("\"/ and \x7f\""));
}

TEST(objectWriterWritesMembersInOrder) {
    JsonObjectWriter json;
    json.add("a", "1").addNull("b").addIfPresent("c", std::string("3")).addIfPresent("d", std::nullopt);
    CHECK_EQ(json.finish(), std::string("{\"a\":\"1\",\"b\":null,\"c\":\"3\"}"));
    CHECK_EQ(json.finish(), std::string("{}"));
}

TEST(parserReadsAllValueTypes) {
    auto result = parseFlatJsonObject(" { \"s\" : \"x\", \"n\": -12.5e+3, \"t\": true, \"f\": false, \"z\": null } ");
    CHECK(result.ok);
    CHECK_EQ(result.object.members().size(), std::size_t(5));
    CHECK(result.object.find("s")->type == JsonType::String);
    CHECK_EQ(result.object.find("s")->value, std::string("x"));
    CHECK(result.object.find("n")->type == JsonType::Number);
    CHECK_EQ(result.object.find("n")->value, std::string("-12.5e+3"));
    CHECK(result.object.find("t")->type == JsonType::Boolean);
    CHECK_EQ(result.object.find("t")->value, std::string("true"));
    CHECK_EQ(result.object.find("f")->value, std::string("false"));
    CHECK(result.object.find("z")->type == JsonType::Null);
    CHECK(result.object.find("missing") == nullptr);
}

TEST(parserReadsEmptyObject) {
    auto result = parseFlatJsonObject("{}");
    CHECK(result.ok);
    CHECK(result.object.members().empty());
}

TEST(parserDecodesSimpleEscapes) {
    CHECK_EQ(decodeValue("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""), std::string("\"\\/\b\f\n\r\t"));
}

TEST(parserDecodesUnicodeEscapes) {
    CHECK_EQ(decodeValue("\"\\u0041\""), std::string("A"));
    CHECK_EQ(decodeValue("\"\\u00fc\""), std::string("ü"));
    CHECK_EQ(decodeValue("\"\\u65E5\""), std::string("日"));
    CHECK_EQ(decodeValue("\"\\u0000\""), std::string("\0", 1));
}

TEST(parserCombinesSurrogatePairs) {
    CHECK_EQ(decodeValue("\"\\ud83c\\udf6a\""), std::string("🍪"));
    CHECK_EQ(decodeValue("\"\\uD83D\\uDC4D!\""), std::string("👍!"));
}

TEST(parserRejectsLoneSurrogates) {
    CHECK_EQ(decodeValue("\"\\ud83c\""), std::string("<error: lone high surrogate in a \\u escape>"));
    CHECK_EQ(decodeValue("\"\\ud83cx\""), std::string("<error: lone high surrogate in a \\u escape>"));
    CHECK_EQ(decodeValue("\"\\ud83c\\u0041\""), std::string("<error: lone high surrogate in a \\u escape>"));
    CHECK_EQ(decodeValue("\"\\udf6a\""), std::string("<error: lone low surrogate in a \\u escape>"));
}

TEST(parserRejectsBadEscapes) {
    CHECK_EQ(decodeValue("\"\\x\""), std::string("<error: invalid escape sequence>"));
    CHECK_EQ(decodeValue("\"\\u12g4\""), std::string("<error: invalid hex digit in a \\u escape>"));
}

TEST(parserPassesUtf8Through) {
    CHECK_EQ(decodeValue("\"Grüße 🍪\""), std::string("Grüße 🍪"));
}

TEST(parserRejectsInvalidUtf8) {
    CHECK_EQ(decodeValue("\"\xff\""), std::string("<error: invalid UTF-8>"));
    CHECK_EQ(decodeValue("\"\xc3\x28\""), std::string("<error: invalid UTF-8>"));
    // Overlong form of '/', an encoded surrogate, and a code point above U+10FFFF.
    CHECK_EQ(decodeValue("\"\xc0\xaf\""), std::string("<error: invalid UTF-8>"));
    CHECK_EQ(decodeValue("\"\xe0\x80\xaf\""), std::string("<error: invalid UTF-8>"));
    CHECK_EQ(decodeValue("\"\xed\xa0\x80\""), std::string("<error: invalid UTF-8>"));
    CHECK_EQ(decodeValue("\"\xf4\x90\x80\x80\""), std::string("<error: invalid UTF-8>"));
}

TEST(parserRejectsRawControlCharacters) {
    CHECK_EQ(decodeValue("\"a\nb\""), std::string("<error: unescaped control character in a string>"));
}

TEST(parserKeepsUnknownMembers) {
    auto result = parseFlatJsonObject("{\"question_id\":\"q\",\"future_member\":42}");
    CHECK(result.ok);
    if (!result.ok) {
        return;
    }
    CHECK(result.object.find("future_member") != nullptr);
}

TEST(parserRejectsNesting) {
    auto nestedObject = parseFlatJsonObject("{\"a\":{\"b\":1}}");
    CHECK(!nestedObject.ok);
    CHECK_EQ(nestedObject.error, std::string("nested objects and arrays are not supported"));
    CHECK_EQ(nestedObject.errorOffset, std::size_t(5));
    auto nestedArray = parseFlatJsonObject("{\"a\":[1]}");
    CHECK(!nestedArray.ok);
    CHECK_EQ(nestedArray.error, std::string("nested objects and arrays are not supported"));
    CHECK(nestedArray.object.members().empty());
}

TEST(parserRejectsTruncatedInput) {
    const std::string full = "{\"a\":\"x\\u00fc\",\"b\":null,\"c\":12,\"d\":true}";
    for (std::size_t length = 0; length < full.size(); ++length) {
        auto result = parseFlatJsonObject(full.substr(0, length));
        CHECK(!result.ok);
        if (!result.ok && result.error != "truncated input") {
            test::reportFailure(__FILE__, __LINE__,
                                "prefix of length " + std::to_string(length) + " gave: " + result.error);
        }
    }
    CHECK(parseFlatJsonObject(full).ok);
}

TEST(parserRejectsTruncatedUtf8) {
    auto result = parseFlatJsonObject(std::string("{\"a\":\"\xf0\x9f\x8d"));
    CHECK(!result.ok);
    CHECK_EQ(result.error, std::string("truncated input"));
}

TEST(parserRejectsMalformedObjects) {
    CHECK(!parseFlatJsonObject("[]").ok);
    CHECK(!parseFlatJsonObject("\"text\"").ok);
    CHECK(!parseFlatJsonObject("{a:1}").ok);
    CHECK(!parseFlatJsonObject("{\"a\" 1}").ok);
    CHECK(!parseFlatJsonObject("{\"a\":1,}").ok);
    CHECK(!parseFlatJsonObject("{\"a\":1 \"b\":2}").ok);
    CHECK(!parseFlatJsonObject("{\"a\":nul}").ok);
    CHECK(!parseFlatJsonObject("{\"a\":True}").ok);
    CHECK(!parseFlatJsonObject("{\"a\":'x'}").ok);
}

TEST(parserRejectsInvalidNumbers) {
    CHECK(!parseFlatJsonObject("{\"a\":01}").ok);
    CHECK(!parseFlatJsonObject("{\"a\":1.}").ok);
    CHECK(!parseFlatJsonObject("{\"a\":-}").ok);
    CHECK(!parseFlatJsonObject("{\"a\":1e}").ok);
    CHECK(!parseFlatJsonObject("{\"a\":+1}").ok);
    CHECK(parseFlatJsonObject("{\"a\":0.5E-2}").ok);
}

TEST(parserRejectsContentAfterObject) {
    auto result = parseFlatJsonObject("{} {}");
    CHECK(!result.ok);
    CHECK_EQ(result.error, std::string("content after the end of the object"));
    CHECK(parseFlatJsonObject("{}\r\n\t ").ok);
}

TEST(parserRejectsDuplicateMembers) {
    auto result = parseFlatJsonObject("{\"a\":\"1\",\"a\":\"2\"}");
    CHECK(!result.ok);
    CHECK_EQ(result.error, std::string("duplicate member name"));
}

TEST(writerOutputParsesBack) {
    const std::string tricky = std::string("\"quoted\" \\ back\nnew\x01 ctl 🍪 ü") + std::string("\0end", 4);
    JsonObjectWriter json;
    json.add("text", tricky).add("k\"ey", "v");
    auto result = parseFlatJsonObject(json.finish());
    CHECK(result.ok);
    if (!result.ok) {
        return;
    }
    CHECK_EQ(result.object.find("text")->value, tricky);
    CHECK_EQ(result.object.find("k\"ey")->value, std::string("v"));
}
