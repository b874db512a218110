#include <string>

#include "requests.h"
#include "test_runner.h"

using namespace familyqa;

TEST(requestIdsCountUpWithBootRandom) {
    RequestIdGenerator ids("kitchen", 0x0123456789abcdefULL);
    CHECK_EQ(ids.next(), std::string("kitchen-0123456789abcdef-1"));
    CHECK_EQ(ids.next(), std::string("kitchen-0123456789abcdef-2"));
}

TEST(requestIdsDifferBetweenBoots) {
    RequestIdGenerator firstBoot("kitchen", 1);
    RequestIdGenerator secondBoot("kitchen", 2);
    CHECK(firstBoot.next() != secondBoot.next());
}

TEST(requestIdFitsServerLimit) {
    RequestIdGenerator ids(std::string(100, 't'), ~0ULL);
    std::string id = ids.next();
    CHECK_EQ(id.size(), std::size_t(36 + 1 + 16 + 1 + 1));
    for (int i = 0; i < 5; ++i) {
        ids.next();
    }
    CHECK(ids.next().size() <= 64);
}

TEST(pendingResolvesEchoedId) {
    PendingRequests pending(4, 10000, 3);
    CHECK(pending.add("r-1", RequestKind::Ask, "t/ask", "{}", 100));
    CHECK(pending.add("r-2", RequestKind::Respond, "t/respond", "{\"x\":1}", 200));
    CHECK_EQ(pending.size(), std::size_t(2));

    auto resolved = pending.resolve("r-2");
    CHECK(resolved.has_value());
    if (resolved) {
        CHECK_EQ(resolved->requestId, std::string("r-2"));
        CHECK(resolved->kind == RequestKind::Respond);
        CHECK_EQ(resolved->topic, std::string("t/respond"));
        CHECK_EQ(resolved->payload, std::string("{\"x\":1}"));
        CHECK_EQ(resolved->sentAtMs, 200u);
    }
    CHECK_EQ(pending.size(), std::size_t(1));
    CHECK(!pending.resolve("r-2").has_value());
}

TEST(pendingIgnoresForeignIds) {
    PendingRequests pending(4, 10000, 3);
    pending.add("r-1", RequestKind::Ask, "t/ask", "{}", 0);
    CHECK(!pending.resolve("another-device-1").has_value());
    CHECK(!pending.resolve("").has_value());
    CHECK_EQ(pending.size(), std::size_t(1));
}

TEST(pendingRejectsWhenFull) {
    PendingRequests pending(2, 10000, 3);
    CHECK(pending.add("r-1", RequestKind::Ask, "t", "{}", 0));
    CHECK(pending.add("r-2", RequestKind::Ask, "t", "{}", 0));
    CHECK(!pending.add("r-3", RequestKind::Ask, "t", "{}", 0));
    CHECK_EQ(pending.size(), std::size_t(2));
    pending.resolve("r-1");
    CHECK(pending.add("r-3", RequestKind::Ask, "t", "{}", 0));
}

TEST(pendingResendsThenGivesUp) {
    PendingRequests pending(4, 1000, 2);
    pending.add("r-1", RequestKind::Respond, "t/respond", "payload", 0);

    CHECK(pending.poll(999).empty());

    auto first = pending.poll(1000);
    CHECK_EQ(first.size(), std::size_t(1));
    if (!first.empty()) {
        CHECK(first[0].action == TimeoutAction::Resend);
        CHECK_EQ(first[0].request.payload, std::string("payload"));
        CHECK_EQ(first[0].request.attempts, 2u);
    }
    CHECK_EQ(pending.size(), std::size_t(1));
    CHECK(pending.poll(1999).empty());

    auto second = pending.poll(2000);
    CHECK_EQ(second.size(), std::size_t(1));
    if (!second.empty()) {
        CHECK(second[0].action == TimeoutAction::GiveUp);
        CHECK_EQ(second[0].request.requestId, std::string("r-1"));
    }
    CHECK_EQ(pending.size(), std::size_t(0));
    CHECK(pending.poll(10000).empty());
}

TEST(pendingEchoAfterResendResolves) {
    PendingRequests pending(4, 1000, 3);
    pending.add("r-1", RequestKind::Ask, "t/ask", "payload", 0);
    pending.poll(1000);
    auto resolved = pending.resolve("r-1");
    CHECK(resolved.has_value());
    if (resolved) {
        CHECK_EQ(resolved->attempts, 2u);
    }
    CHECK(pending.poll(5000).empty());
}

TEST(pendingTimeoutSurvivesClockWrap) {
    PendingRequests pending(4, 1000, 1);
    pending.add("r-1", RequestKind::Ask, "t", "{}", 0xffffff00u);
    CHECK(pending.poll(0x00000100u).empty());
    auto timedOut = pending.poll(0x000002e8u);
    CHECK_EQ(timedOut.size(), std::size_t(1));
    if (!timedOut.empty()) {
        CHECK(timedOut[0].action == TimeoutAction::GiveUp);
    }
}
