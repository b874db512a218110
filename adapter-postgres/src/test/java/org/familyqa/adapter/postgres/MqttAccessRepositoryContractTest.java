package org.familyqa.adapter.postgres;

import org.junit.jupiter.api.Nested;

import org.familyqa.ports.contract.MqttAccessRepositoryContract;
import org.familyqa.ports.contract.StoreFixture;

class MqttAccessRepositoryContractTest {

    @Nested
    class OnPostgres extends MqttAccessRepositoryContract {
        @Override
        protected StoreFixture newStore() {
            return SharedStore.postgres();
        }
    }

    @Nested
    class OnH2 extends MqttAccessRepositoryContract {
        @Override
        protected StoreFixture newStore() {
            return SharedStore.h2();
        }
    }
}
