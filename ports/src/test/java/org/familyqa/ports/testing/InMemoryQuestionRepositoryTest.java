package org.familyqa.ports.testing;

import org.familyqa.ports.contract.QuestionRepositoryContract;
import org.familyqa.ports.contract.StoreFixture;

class InMemoryQuestionRepositoryTest extends QuestionRepositoryContract {

    @Override
    protected StoreFixture newStore() {
        return new InMemoryStore();
    }
}
