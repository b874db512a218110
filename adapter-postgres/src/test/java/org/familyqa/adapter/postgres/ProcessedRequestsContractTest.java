package org.familyqa.adapter.postgres;

import org.junit.jupiter.api.Nested;

import org.familyqa.ports.contract.ProcessedRequestsContract;
import org.familyqa.ports.contract.StoreFixture;

class ProcessedRequestsContractTest {

    @Nested
    class OnPostgres extends ProcessedRequestsContract {
        @Override
        protected StoreFixture newStore() {
            return SharedStore.postgres();
        }
    }

    @Nested
    class OnH2 extends ProcessedRequestsContract {
        @Override
        protected StoreFixture newStore() {
            return SharedStore.h2();
        }
    }
}
