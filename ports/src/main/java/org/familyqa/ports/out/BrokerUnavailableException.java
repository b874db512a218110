package org.familyqa.ports.out;

/**
 * Thrown by a broker-facing port when the broker cannot be reached, timed out, or refused an administrative command.
 *
 * @since 0.1.0
 */
public class BrokerUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BrokerUnavailableException(String message) {
        super(message);
    }

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
