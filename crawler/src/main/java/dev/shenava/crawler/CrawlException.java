package dev.shenava.crawler;

/**
 * The crawler's unchecked exception: something a person must fix (an unreadable answer, a broken file).
 */
public class CrawlException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do
     */
    public CrawlException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong and what to do
     * @param cause   the underlying failure
     */
    public CrawlException(String message, Throwable cause) {
        super(message, cause);
    }
}
