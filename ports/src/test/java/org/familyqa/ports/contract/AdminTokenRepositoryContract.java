package org.familyqa.ports.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.familyqa.domain.mqtt.PasswordHash;
import org.familyqa.ports.out.AdminTokenRepository;

/** The rules every {@link AdminTokenRepository} must keep. */
public abstract class AdminTokenRepositoryContract extends StoreContractSupport {

    private static final PasswordHash FIRST = new PasswordHash("sha256$Zmlyc3Q=$Zmlyc3Q=");
    private static final PasswordHash SECOND = new PasswordHash("sha256$c2Vjb25k$c2Vjb25k");

    @Test
    void newStoreHasNoToken() {
        assertThat(store.adminToken().find()).isEmpty();
    }

    @Test
    void saveIfAbsentStoresOnlyTheFirstHash() {
        boolean first = store.adminToken().saveIfAbsent(FIRST);
        boolean second = store.adminToken().saveIfAbsent(SECOND);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(store.adminToken().find()).contains(FIRST);
    }

    @Test
    void replaceOverwritesTheStoredHash() {
        store.adminToken().saveIfAbsent(FIRST);

        store.adminToken().replace(SECOND);

        assertThat(store.adminToken().find()).contains(SECOND);
    }

    @Test
    void replaceStoresWhenNoneIsStored() {
        store.adminToken().replace(SECOND);

        assertThat(store.adminToken().find()).contains(SECOND);
    }

    @Test
    void racingSaveIfAbsentStoresOneHash() throws InterruptedException {
        AtomicInteger number = new AtomicInteger();

        List<Boolean> results = race(20, () -> store.adminToken()
                .saveIfAbsent(new PasswordHash("sha256$token$" + number.incrementAndGet())));

        assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(store.adminToken().find()).isPresent();
    }
}
