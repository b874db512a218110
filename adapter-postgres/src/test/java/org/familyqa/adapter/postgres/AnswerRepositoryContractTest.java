package org.familyqa.adapter.postgres;

import org.junit.jupiter.api.Nested;

import org.familyqa.ports.contract.AnswerRepositoryContract;
import org.familyqa.ports.contract.StoreFixture;

class AnswerRepositoryContractTest {

    @Nested
    class OnPostgres extends AnswerRepositoryContract {
        @Override
        protected StoreFixture newStore() {
            return SharedStore.postgres();
        }
    }

    @Nested
    class OnH2 extends AnswerRepositoryContract {
        @Override
        protected StoreFixture newStore() {
            return SharedStore.h2();
        }
    }
}
