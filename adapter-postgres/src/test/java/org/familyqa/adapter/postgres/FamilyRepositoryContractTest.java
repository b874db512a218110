package org.familyqa.adapter.postgres;

import org.junit.jupiter.api.Nested;

import org.familyqa.ports.contract.FamilyRepositoryContract;
import org.familyqa.ports.contract.StoreFixture;

class FamilyRepositoryContractTest {

    @Nested
    class OnPostgres extends FamilyRepositoryContract {
        @Override
        protected StoreFixture newStore() {
            return SharedStore.postgres();
        }
    }

    @Nested
    class OnH2 extends FamilyRepositoryContract {
        @Override
        protected StoreFixture newStore() {
            return SharedStore.h2();
        }
    }
}
