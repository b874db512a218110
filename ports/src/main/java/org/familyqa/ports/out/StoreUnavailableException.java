package org.familyqa.ports.out;

/**
 * Thrown by a repository when its store cannot be reached or failed mid-operation; nothing was written.
 *
 * <p>Callers may retry later. The message names the store and the failure but never a password.
 *
 * @since 0.1.0
 */
public class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
