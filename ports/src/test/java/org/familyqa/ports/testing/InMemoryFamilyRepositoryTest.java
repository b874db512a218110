package org.familyqa.ports.testing;

import org.familyqa.ports.contract.FamilyRepositoryContract;
import org.familyqa.ports.contract.StoreFixture;

class InMemoryFamilyRepositoryTest extends FamilyRepositoryContract {

    @Override
    protected StoreFixture newStore() {
        return new InMemoryStore();
    }
}
