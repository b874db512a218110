package org.familyqa.adapter.postgres;

import org.junit.jupiter.api.Nested;

import org.familyqa.ports.contract.QuestionRepositoryContract;
import org.familyqa.ports.contract.StoreFixture;

class QuestionRepositoryContractTest {

    @Nested
    class OnPostgres extends QuestionRepositoryContract {
        @Override
        protected StoreFixture newStore() {
            return SharedStore.postgres();
        }
    }

    @Nested
    class OnH2 extends QuestionRepositoryContract {
        @Override
        protected StoreFixture newStore() {
            return SharedStore.h2();
        }
    }
}
