package org.familyqa.adapter.mqtt.bridge;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.familyqa.ports.in.OutboxRelayUseCase;
import org.familyqa.ports.out.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the outbox relay on its own thread: at once when signalled, and otherwise every second, so that events
 * committed while the broker or the store was down are published once both are back. While the bridge is
 * disconnected it does not call the relay.
 */
final class OutboxRelayLoop {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayLoop.class);
    private static final long POLL_MILLIS = 1_000;

    private final OutboxRelayUseCase relay;
    private final BooleanSupplier connected;
    private final Semaphore signal = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;
    private int failuresInRow;

    OutboxRelayLoop(OutboxRelayUseCase relay, BooleanSupplier connected) {
        this.relay = relay;
        this.connected = connected;
        this.thread = new Thread(this::run, "mqtt-outbox-relay");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Wakes the relay; never blocks. */
    void signal() {
        signal.release();
    }

    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (running) {
            try {
                signal.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                signal.drainPermits();
                if (connected.getAsBoolean()) {
                    relayUntilEmpty();
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void relayUntilEmpty() {
        try {
            while (running && relay.relayBatch() > 0) {
                failuresInRow = 0;
            }
            failuresInRow = 0;
        } catch (StoreUnavailableException e) {
            failuresInRow++;
            if (failuresInRow == 1 || failuresInRow % 60 == 0) {
                LOG.warn("Outbox relay: store unavailable ({} times in a row): {}", failuresInRow, e.getMessage());
            }
        } catch (RuntimeException e) {
            failuresInRow++;
            if (failuresInRow == 1 || failuresInRow % 60 == 0) {
                LOG.error("Outbox relay failed ({} times in a row)", failuresInRow, e);
            }
        }
    }
}
