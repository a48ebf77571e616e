package dev.shenava.crawler;

/**
 * Told whenever a source's status changes (the api stores it and serves it at GET /api/v1/sources).
 */
@FunctionalInterface
public interface StatusListener {

    /** A listener that ignores everything. */
    StatusListener NONE = status -> { };

    /**
     * A source's status changed.
     *
     * @param status the new status
     */
    void changed(SourceStatus status);
}
