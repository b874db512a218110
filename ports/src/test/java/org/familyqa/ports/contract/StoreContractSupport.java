package org.familyqa.ports.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.familyqa.domain.family.Family;
import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.domain.question.Question;
import org.familyqa.ports.out.StoreResult;
import org.familyqa.ports.testing.TestData;

/**
 * Base of the contract suites: a new {@link StoreFixture} per test, and helpers to set up data and race threads.
 */
public abstract class StoreContractSupport {

    /** The store under test, new for each test. */
    protected StoreFixture store;

    /** Returns a new, empty store of the adapter under test. Called before each test. */
    protected abstract StoreFixture newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() throws Exception {
        store.close();
    }

    /** Stores a new family with default values and returns it. */
    protected Family storedFamily() {
        Family family = TestData.family().build();
        store.families().add(family, new PasswordHash("sha256$c2FsdA==$dG9rZW4="));
        return family;
    }

    /** Stores a question and returns it as stored. */
    protected Question storedQuestion(TestData.QuestionBuilder builder) {
        StoreResult<Question> result = store.questions().addAll(List.of(builder.toNew())).get(0);
        return ((StoreResult.Stored<Question>) result).value();
    }

    /**
     * Runs {@code task} on {@code threads} threads that start at the same moment, and returns each call's result.
     *
     * @throws AssertionError if a call threw or did not finish within a minute
     */
    protected static <T> List<T> race(int threads, Callable<T> task) throws InterruptedException {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    results.add(future.get(1, TimeUnit.MINUTES));
                } catch (Exception e) {
                    throw new AssertionError("a racing call failed: " + e, e);
                }
            }
            return results;
        } finally {
            executor.shutdownNow();
        }
    }
}
