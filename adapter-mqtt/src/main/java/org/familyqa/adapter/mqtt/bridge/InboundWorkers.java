package org.familyqa.adapter.mqtt.bridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;

import org.familyqa.domain.ErrorCode;
import org.familyqa.domain.Rejection;
import org.familyqa.domain.mqtt.DeviceTopic;
import org.familyqa.ports.in.DeviceMessage;
import org.familyqa.ports.in.DeviceMessageUseCase;
import org.familyqa.ports.in.DeviceOutcome;
import org.familyqa.ports.out.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves device messages from the MQTT client's callback thread to worker threads that store them in batches.
 *
 * <p>The callback thread only offers each message to a bounded queue and never waits. Each worker has its own queue,
 * and all messages of one family go to the same worker, so a family's messages are stored, and their outbox events
 * published, in the order they arrived; with one shared queue, two workers could store two messages that arrive
 * together in either order. Each worker takes whatever is queued, up to the maximum batch, hands it to
 * {@link DeviceMessageUseCase#handle}, answers each outcome, and only then acknowledges the messages (manual PUBACK).
 * While the store is unavailable the worker retries the same batch with a back-off, so unacknowledged messages pile
 * up to the receive maximum announced at connect and the broker stops sending: that is the back-pressure. The
 * client's event loop keeps running, so the keep-alive never lapses.
 */
final class InboundWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(InboundWorkers.class);
    private static final long FIRST_RETRY_MILLIS = 100;
    private static final long MAX_RETRY_MILLIS = 5_000;

    /** One queue per worker thread, at the same index. */
    private final List<BlockingQueue<Mqtt5Publish>> queues = new ArrayList<>();
    private final int maxBatch;
    private final PayloadReader reader = new PayloadReader();
    private final DeviceMessageUseCase useCase;
    private final Replies replies;
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong overflowCount = new AtomicLong();
    private volatile boolean running = true;

    /**
     * @param capacity each worker queue's capacity; twice the receive maximum, so that QoS 1 messages always fit even
     *                 when they all come from one family, and QoS 0 messages, which the receive maximum does not
     *                 limit, have room too. A queue takes memory only for the messages it holds.
     */
    InboundWorkers(int workers, int maxBatch, int capacity, DeviceMessageUseCase useCase, Replies replies) {
        this.maxBatch = maxBatch;
        this.useCase = useCase;
        this.replies = replies;
        for (int i = 0; i < workers; i++) {
            BlockingQueue<Mqtt5Publish> queue = new LinkedBlockingQueue<>(capacity);
            queues.add(queue);
            Thread thread = new Thread(() -> run(queue), "mqtt-device-worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    /**
     * Queues a message on its family's worker; called on the client's callback thread and never blocks. A message
     * that finds the queue full (only possible with a flood of QoS 0 messages) is answered with {@code unavailable}
     * on the errors topic.
     */
    void offer(Mqtt5Publish publish) {
        BlockingQueue<Mqtt5Publish> queue = queueOf(publish);
        if (queue.offer(publish)) {
            return;
        }
        long overflows = overflowCount.incrementAndGet();
        if (overflows == 1 || overflows % 1000 == 0) {
            LOG.warn("Device message queue is full ({} messages); rejected {} messages so far, latest on {}",
                    queue.size(), overflows, publish.getTopic());
        }
        DeviceTopic.parse(publish.getTopic().toString()).ifPresent(topic -> replies.error(publish, topic,
                Rejection.ofMessage(ErrorCode.UNAVAILABLE, "The server is busy and did not store this message; "
                        + "send it again in a few seconds."), Optional.empty()));
        publish.acknowledge();
    }

    /** Stops the workers; messages still queued stay unacknowledged, so the broker delivers them again. */
    void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        for (Thread thread : threads) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Returns the queue of the message's family; a topic outside every family goes by its whole name. */
    private BlockingQueue<Mqtt5Publish> queueOf(Mqtt5Publish publish) {
        String topic = publish.getTopic().toString();
        String key = DeviceTopic.parse(topic).map(parsed -> parsed.prefix().value()).orElse(topic);
        return queues.get(Math.floorMod(key.hashCode(), queues.size()));
    }

    private void run(BlockingQueue<Mqtt5Publish> queue) {
        List<Mqtt5Publish> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                Mqtt5Publish first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                process(batch);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Device message worker failed on a batch of {} messages", batch.size(), e);
                batch.forEach(Mqtt5Publish::acknowledge);
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<Mqtt5Publish> batch) throws InterruptedException {
        List<Mqtt5Publish> publishes = new ArrayList<>(batch.size());
        List<DeviceMessage> messages = new ArrayList<>(batch.size());
        for (Mqtt5Publish publish : batch) {
            Optional<DeviceTopic> topic = DeviceTopic.parse(publish.getTopic().toString());
            if (topic.isEmpty()) {
                LOG.warn("Ignored a message on {}: not a family's ask or respond topic", publish.getTopic());
                publish.acknowledge();
                continue;
            }
            publishes.add(publish);
            messages.add(new DeviceMessage(topic.get(), reader.read(publish.getPayloadAsBytes())));
        }
        if (messages.isEmpty()) {
            return;
        }

        List<DeviceOutcome> outcomes = handle(messages);
        if (outcomes == null) {
            return;
        }

        for (int i = 0; i < publishes.size(); i++) {
            answer(publishes.get(i), messages.get(i), outcomes.get(i));
        }
    }

    /**
     * Handles a batch, retrying while the store is unavailable. If the batch fails otherwise, each message is handled
     * alone so that one bad message cannot cost the others; a message that still fails gets a null outcome.
     *
     * @return one outcome per message, or null if the workers were stopped while retrying
     */
    private List<DeviceOutcome> handle(List<DeviceMessage> messages) throws InterruptedException {
        try {
            List<DeviceOutcome> outcomes = handleWithRetry(messages);
            if (outcomes != null && outcomes.size() != messages.size()) {
                throw new IllegalStateException("The use case returned " + outcomes.size() + " outcomes for "
                        + messages.size() + " messages");
            }
            return outcomes;
        } catch (RuntimeException e) {
            if (messages.size() == 1) {
                LOG.error("Handling the message on {} failed", messages.get(0).topic().topic(), e);
                List<DeviceOutcome> failed = new ArrayList<>(1);
                failed.add(null);
                return failed;
            }
            LOG.warn("Handling a batch of {} messages failed ({}); handling them one by one", messages.size(),
                    e.toString());
            List<DeviceOutcome> outcomes = new ArrayList<>(messages.size());
            for (DeviceMessage message : messages) {
                List<DeviceOutcome> single = handle(List.of(message));
                if (single == null) {
                    return null;
                }
                outcomes.add(single.get(0));
            }
            return outcomes;
        }
    }

    private List<DeviceOutcome> handleWithRetry(List<DeviceMessage> messages) throws InterruptedException {
        long delay = FIRST_RETRY_MILLIS;
        for (int attempt = 1; running; attempt++) {
            try {
                return useCase.handle(messages);
            } catch (StoreUnavailableException e) {
                if (attempt == 1 || attempt % 20 == 0) {
                    LOG.warn("Store unavailable while handling {} device messages (attempt {}): {}; retrying in {} ms",
                            messages.size(), attempt, e.getMessage(), delay);
                }
                Thread.sleep(delay);
                delay = Math.min(delay * 2, MAX_RETRY_MILLIS);
            }
        }
        return null;
    }

    private void answer(Mqtt5Publish publish, DeviceMessage message, DeviceOutcome outcome) {
        try {
            if (outcome == null) {
                replies.error(publish, message.topic(), Rejection.ofMessage(ErrorCode.INTERNAL_ERROR,
                        "The server failed to handle this message and did not store it."), Optional.empty());
            } else {
                replies.outcome(publish, outcome);
            }
        } catch (RuntimeException e) {
            LOG.warn("Answering the message on {} failed", message.topic().topic(), e);
        } finally {
            publish.acknowledge();
        }
    }
}
