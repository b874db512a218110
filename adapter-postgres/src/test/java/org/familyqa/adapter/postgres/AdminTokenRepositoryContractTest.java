package org.familyqa.adapter.postgres;

import org.junit.jupiter.api.Nested;

import org.familyqa.ports.contract.AdminTokenRepositoryContract;
import org.familyqa.ports.contract.StoreFixture;

class AdminTokenRepositoryContractTest {

    @Nested
    class OnPostgres extends AdminTokenRepositoryContract {
        @Override
        protected StoreFixture newStore() {
            return SharedStore.postgres();
        }
    }

    @Nested
    class OnH2 extends AdminTokenRepositoryContract {
        @Override
        protected StoreFixture newStore() {
            return SharedStore.h2();
        }
    }
}
