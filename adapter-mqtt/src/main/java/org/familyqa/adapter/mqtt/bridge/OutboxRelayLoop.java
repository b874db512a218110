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
 *
 * <p>Every few milliseconds it also flushes the events that the core published straight after storing them
 * ({@link OutboxRelayUseCase#flushPublished()}), so that the acknowledged ones are deleted in one store call per
 * flush rather than one per device batch; this runs also while disconnected, to release failed events.
 */
final class OutboxRelayLoop {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxRelayLoop.class);
    private static final long POLL_MILLIS = 1_000;
    private static final long FLUSH_MILLIS = 5;

    private final OutboxRelayUseCase relay;
    private final BooleanSupplier connected;
    private final Semaphore signal = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;
    private int failuresInRow;
    private int flushFailuresInRow;

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
        long lastRelay = System.nanoTime();
        try {
            while (running) {
                boolean signalled = signal.tryAcquire(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
                signal.drainPermits();
                flush();
                long now = System.nanoTime();
                if (signalled || now - lastRelay >= TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)) {
                    lastRelay = now;
                    if (connected.getAsBoolean()) {
                        relayUntilEmpty();
                    }
                }
            }
        } catch (InterruptedException e) {
            // Stopping: fall through to the last flush.
        }
        // Clears the interrupt, so that the last flush can use the store.
        Thread.interrupted();
        flush();
    }

    private void flush() {
        try {
            relay.flushPublished();
            flushFailuresInRow = 0;
        } catch (RuntimeException e) {
            flushFailuresInRow++;
            if (flushFailuresInRow == 1 || flushFailuresInRow % 1_000 == 0) {
                LOG.warn("Outbox relay: marking published events failed ({} times in a row): {}", flushFailuresInRow,
                        e.toString());
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
