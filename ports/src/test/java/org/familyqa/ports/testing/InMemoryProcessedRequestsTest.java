package org.familyqa.ports.testing;

import org.familyqa.ports.contract.ProcessedRequestsContract;
import org.familyqa.ports.contract.StoreFixture;

class InMemoryProcessedRequestsTest extends ProcessedRequestsContract {

    @Override
    protected StoreFixture newStore() {
        return new InMemoryStore();
    }
}
