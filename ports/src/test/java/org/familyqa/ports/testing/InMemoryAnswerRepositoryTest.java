package org.familyqa.ports.testing;

import org.familyqa.ports.contract.AnswerRepositoryContract;
import org.familyqa.ports.contract.StoreFixture;

class InMemoryAnswerRepositoryTest extends AnswerRepositoryContract {

    @Override
    protected StoreFixture newStore() {
        return new InMemoryStore();
    }
}
