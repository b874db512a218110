// A minimal test runner: TEST(name) registers a test, CHECK and CHECK_EQ record failures without stopping it.
#pragma once

#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace test {

struct Case {
    const char* name;
    std::function<void()> body;
};

inline std::vector<Case>& registry() {
    static std::vector<Case> cases;
    return cases;
}

inline int& currentFailures() {
    static int failures = 0;
    return failures;
}

struct Registrar {
    Registrar(const char* name, std::function<void()> body) { registry().push_back(Case{name, std::move(body)}); }
};

inline void reportFailure(const char* file, int line, const std::string& message) {
    ++currentFailures();
    std::cerr << "  " << file << ":" << line << ": " << message << "\n";
}

template <typename T>
std::string describe(const T& value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

inline std::string describe(const std::string& value) {
    return "\"" + value + "\"";
}

}  // namespace test

#define TEST_CONCAT_INNER(a, b) a##b
#define TEST_CONCAT(a, b) TEST_CONCAT_INNER(a, b)

#define TEST(name)                                                                  \
    static void name();                                                             \
    static const test::Registrar TEST_CONCAT(registrar_, name)(#name, &name);       \
    static void name()

#define CHECK(condition)                                                            \
    do {                                                                            \
        if (!(condition)) {                                                         \
            test::reportFailure(__FILE__, __LINE__, "CHECK(" #condition ") failed"); \
        }                                                                           \
    } while (false)

#define CHECK_EQ(actual, expected)                                                          \
    do {                                                                                    \
        const auto& checkActual = (actual);                                                 \
        const auto& checkExpected = (expected);                                             \
        if (!(checkActual == checkExpected)) {                                              \
            test::reportFailure(__FILE__, __LINE__,                                         \
                                "CHECK_EQ(" #actual ", " #expected ") failed: got " +       \
                                    test::describe(checkActual) + ", expected " +           \
                                    test::describe(checkExpected));                         \
        }                                                                                   \
    } while (false)
