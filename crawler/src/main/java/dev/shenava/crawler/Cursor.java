package dev.shenava.crawler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A source's saved crawl state (newest id, ETag, Last-Modified, recently seen ids...), opaque outside the
 * connector that wrote it, stored as a small JSON object.
 *
 * @param values the state
 */
public record Cursor(Map<String, String> values) {

    /** A source never polled. */
    public static final Cursor EMPTY = new Cursor(Map.of());

    /** How many recently seen ids a cursor remembers. */
    static final int SEEN_LIMIT = 500;

    static final String NOT_BEFORE = "not-before";

    private static final Duration MAX_PAUSE = Duration.ofHours(24);

    private static final ObjectMapper JSON = new ObjectMapper();

    public Cursor {
        values = values == null ? Map.of() : Map.copyOf(new TreeMap<>(values));
    }

    /**
     * Reads a cursor from its JSON form; an unreadable or blank string gives {@link #EMPTY}.
     *
     * @param json the saved form
     * @return the cursor
     */
    public static Cursor parse(String json) {
        if (json == null || json.isBlank()) {
            return EMPTY;
        }
        try {
            return new Cursor(JSON.readValue(json, new TypeReference<Map<String, String>>() { }));
        } catch (JsonProcessingException e) {
            return EMPTY;
        }
    }

    /**
     * The JSON form.
     *
     * @return JSON text
     */
    public String toJson() {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write cursor", e);
        }
    }

    /**
     * A value.
     *
     * @param key the key
     * @return the value, empty when absent or blank
     */
    public Optional<String> value(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    /**
     * A copy with one value set (a null or blank value removes the key).
     *
     * @param key   the key
     * @param value the value
     * @return the new cursor
     */
    public Cursor with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        if (value == null || value.isBlank()) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new Cursor(copy);
    }

    /**
     * The ids remembered as already handed on.
     *
     * @return ids, newest first
     */
    public List<String> seen() {
        return value("seen").map(v -> Arrays.asList(v.split("\n"))).orElse(List.of());
    }

    /**
     * A copy that also remembers these ids (newest first), keeping the most recent {@value #SEEN_LIMIT}.
     *
     * @param ids ids just handed on
     * @return the new cursor
     */
    public Cursor withSeen(List<String> ids) {
        LinkedHashSet<String> all = new LinkedHashSet<>(ids);
        all.addAll(seen());
        List<String> kept = new ArrayList<>(all).subList(0, Math.min(all.size(), SEEN_LIMIT));
        return with("seen", String.join("\n", kept));
    }

    /**
     * When the source may be polled again, if it asked us to wait (Retry-After or a rate-limit reset header on a
     * refused answer): kept in the cursor so that a restart does not poll a source that asked for a pause.
     *
     * @return the instant, empty when the source asked for nothing
     */
    public Optional<Instant> notBefore() {
        try {
            return value(NOT_BEFORE).map(Instant::parse);
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** The cursor with the wait a refused answer asked for (capped at a day), or unchanged when it asked none. */
    static Cursor notBefore(Cursor cursor, Fetched refused) {
        boolean refusal = refused.status() == CrawlStatus.RATE_LIMITED || refused.code() == 403
                || refused.code() == 503 || refused.code() == 529;
        if (!refusal) {
            return cursor;
        }
        return RetryInterceptor.waitAsked(name -> refused.header(name).orElse(null), refused.fetchedAt())
                .filter(wait -> wait.isPositive())
                .map(wait -> cursor.with(NOT_BEFORE, refused.fetchedAt()
                        .plus(wait.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : wait).toString()))
                .orElse(cursor);
    }

    /**
     * The cursor without a pause (after a successful poll).
     *
     * @return the cursor
     */
    public Cursor withoutPause() {
        return values.containsKey(NOT_BEFORE) ? with(NOT_BEFORE, null) : this;
    }
}
