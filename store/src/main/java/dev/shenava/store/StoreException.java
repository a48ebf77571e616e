package dev.shenava.store;

/**
 * Something the store could not do: the message says what and, where it can, what to do about it.
 */
public class StoreException extends RuntimeException {

    /**
     * Creates an exception with a message for the user.
     *
     * @param message what went wrong and what to do
     */
    public StoreException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message for the user and its cause.
     *
     * @param message what went wrong and what to do
     * @param cause   the underlying failure
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
