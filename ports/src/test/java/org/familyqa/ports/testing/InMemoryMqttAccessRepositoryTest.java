package org.familyqa.ports.testing;

import org.familyqa.ports.contract.MqttAccessRepositoryContract;
import org.familyqa.ports.contract.StoreFixture;

class InMemoryMqttAccessRepositoryTest extends MqttAccessRepositoryContract {

    @Override
    protected StoreFixture newStore() {
        return new InMemoryStore();
    }
}
