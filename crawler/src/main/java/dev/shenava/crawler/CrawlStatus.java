package dev.shenava.crawler;

/**
 * How a fetch ended: ordinary outcomes are values, not exceptions.
 */
public enum CrawlStatus {
    /** The body was fetched (2xx). */
    FETCHED,
    /** The server said nothing changed since the last fetch (304). */
    NOT_MODIFIED,
    /** The answer is a redirect that was not followed. */
    REDIRECT,
    /** robots.txt forbids the address. */
    DISALLOWED,
    /** The address resolves to a network the crawler may not reach (SSRF guard). */
    BLOCKED,
    /** The body is larger than the configured cap (after decompression). */
    TOO_LARGE,
    /** The server keeps asking us to slow down, beyond what we are willing to wait. */
    RATE_LIMITED,
    /** Anything else: network failure, 4xx, 5xx after retries, unreadable body. */
    ERROR;

    /**
     * Whether the outcome means the source answered normally (its cursor may advance).
     *
     * @return true for {@link #FETCHED} and {@link #NOT_MODIFIED}
     */
    public boolean ok() {
        return this == FETCHED || this == NOT_MODIFIED;
    }
}
