package org.familyqa.ports.testing;

import org.familyqa.ports.contract.OutboxContract;
import org.familyqa.ports.contract.StoreFixture;

class InMemoryOutboxTest extends OutboxContract {

    @Override
    protected StoreFixture newStore() {
        return new InMemoryStore();
    }
}
