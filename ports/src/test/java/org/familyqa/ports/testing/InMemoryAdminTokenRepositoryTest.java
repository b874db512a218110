package org.familyqa.ports.testing;

import org.familyqa.ports.contract.AdminTokenRepositoryContract;
import org.familyqa.ports.contract.StoreFixture;

class InMemoryAdminTokenRepositoryTest extends AdminTokenRepositoryContract {

    @Override
    protected StoreFixture newStore() {
        return new InMemoryStore();
    }
}
