package org.familyqa.adapter.postgres;

import org.junit.jupiter.api.Nested;

import org.familyqa.ports.contract.OutboxContract;
import org.familyqa.ports.contract.StoreFixture;

class OutboxContractTest {

    @Nested
    class OnPostgres extends OutboxContract {
        @Override
        protected StoreFixture newStore() {
            return SharedStore.postgres();
        }
    }

    @Nested
    class OnH2 extends OutboxContract {
        @Override
        protected StoreFixture newStore() {
            return SharedStore.h2();
        }
    }
}
