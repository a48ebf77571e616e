package dev.shenava.alerts;

/**
 * An alerting failure that a caller cannot fix by retrying the same call: bad input, an
 * unreachable store, a refused webhook target.
 */
public class AlertsException extends RuntimeException {

    /**
     * @param message what went wrong and what to fix
     */
    public AlertsException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong and what to fix
     * @param cause   the underlying failure
     */
    public AlertsException(String message, Throwable cause) {
        super(message, cause);
    }
}
