package dev.shenava.crawler;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * How a source is doing, as GET /api/v1/sources shows it.
 *
 * @param source       the source id
 * @param lastSuccess  when a poll last succeeded, null when never
 * @param lastError    the last problem in words a person can act on, empty when the last poll succeeded
 * @param postsFetched new posts handed on since the service started
 * @param nextPoll     when the next poll is due, null when not scheduled
 * @param state        the state
 */
public record SourceStatus(String source, Instant lastSuccess, String lastError, long postsFetched,
                           Instant nextPoll, State state) {

    /** What a source is doing. */
    public enum State {
        /** Not polled yet. */
        PENDING,
        /** A poll is running. */
        POLLING,
        /** The last poll succeeded. */
        OK,
        /** The last poll failed; see lastError. */
        FAILING,
        /** The source is switched off. */
        DISABLED;

        /**
         * The lower-case name used in JSON.
         *
         * @return the identifier
         */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public SourceStatus {
        Objects.requireNonNull(source, "source");
        lastError = lastError == null ? "" : lastError;
        Objects.requireNonNull(state, "state");
    }

    /**
     * The status of a source not polled yet.
     *
     * @param source the source
     * @return the status
     */
    public static SourceStatus initial(Source source) {
        return new SourceStatus(source.id(), null, "", 0, null, source.enabled() ? State.PENDING : State.DISABLED);
    }
}
