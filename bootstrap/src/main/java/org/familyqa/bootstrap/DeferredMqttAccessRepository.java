package org.familyqa.bootstrap;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.familyqa.domain.family.FamilyId;
import org.familyqa.domain.mqtt.MqttAccess;
import org.familyqa.domain.mqtt.MqttUsername;
import org.familyqa.ports.out.MqttAccessRepository;
import org.familyqa.ports.out.StoreUnavailableException;

/**
 * Repository that forwards to one still being opened, so that the embedded broker can start while the database
 * migrates. Both take a second or more, and starting them side by side shortens the server's start. A device that
 * connects before the database is open waits for it, at most {@link #WAIT_SECONDS} seconds.
 */
final class DeferredMqttAccessRepository implements MqttAccessRepository {

    static final int WAIT_SECONDS = 30;

    private final CompletableFuture<MqttAccessRepository> target;

    DeferredMqttAccessRepository(CompletableFuture<MqttAccessRepository> target) {
        this.target = target;
    }

    @Override
    public void save(MqttAccess access) {
        target().save(access);
    }

    @Override
    public Optional<MqttAccess> findByFamily(FamilyId familyId) {
        return target().findByFamily(familyId);
    }

    @Override
    public Optional<MqttAccess> findByUsername(MqttUsername username) {
        return target().findByUsername(username);
    }

    @Override
    public List<MqttAccess> listAll() {
        return target().listAll();
    }

    private MqttAccessRepository target() {
        try {
            return target.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("Interrupted while waiting for the database to open", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("The database did not open", e);
        }
    }
}
