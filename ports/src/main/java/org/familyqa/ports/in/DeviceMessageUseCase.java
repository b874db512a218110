package org.familyqa.ports.in;

import java.util.List;

/**
 * Handles messages that devices published on their family's {@code ask} and {@code respond} topics.
 *
 * @since 0.1.0
 */
public interface DeviceMessageUseCase {

    /**
     * Checks, rate-limits and stores a batch of device messages.
     *
     * <p>Each message is handled on its own: one bad message does not affect the others. The batch exists so that the
     * valid ones can be stored in few transactions. The rate limit counts ask and respond messages of a family
     * together, rejected ones included.
     *
     * @param messages 1 to 1000 messages, in arrival order
     * @return one outcome per message, in the same order
     * @throws org.familyqa.ports.out.StoreUnavailableException if the store failed; then none of the valid messages
     *                                                          was stored, and the caller may retry the batch
     */
    List<DeviceOutcome> handle(List<DeviceMessage> messages);
}
