// Runs every registered test and prints `N passed, M failed`; the exit status is non-zero when any test failed.
#include "test_runner.h"

int main() {
    int passed = 0;
    int failed = 0;
    for (const test::Case& testCase : test::registry()) {
        test::currentFailures() = 0;
        try {
            testCase.body();
        } catch (const std::exception& e) {
            test::reportFailure(testCase.name, 0, std::string("unexpected exception: ") + e.what());
        }
        if (test::currentFailures() == 0) {
            ++passed;
        } else {
            ++failed;
            std::cerr << "FAILED " << testCase.name << "\n";
        }
    }
    std::cout << passed << " passed, " << failed << " failed\n";
    return failed == 0 ? 0 : 1;
}
