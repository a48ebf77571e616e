package dev.shenava.api;

import dev.shenava.store.MentionFilter;
import dev.shenava.store.MentionSort;
import dev.shenava.store.QueryCompiler;
import dev.shenava.store.StatsScope;
import io.helidon.common.parameters.Parameters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the filter parameters every mention and statistics endpoint shares: {@code q}, {@code brand},
 * {@code lang}, {@code sentiment}, {@code source}, {@code touchpoint}, {@code from}, {@code to}.
 * List parameters take several values, repeated or comma separated.
 */
public final class MentionParams {

    /** The range statistics cover when the request names none. */
    public static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    private static final Set<String> SENTIMENTS = Set.of("positive", "negative", "neutral");
    private static final int MAX_VALUES = 100;

    private MentionParams() {
    }

    /**
     * The filter a request asks for, with its q compiled; from/to only when given.
     *
     * @param query the request's query parameters
     * @return the filter
     * @throws ApiException                   for a bad parameter, saying which and what is accepted
     * @throws dev.shenava.store.QueryException for a bad q, with its column
     */
    public static MentionFilter filter(Parameters query) {
        List<String> sentiments = lower(values(query, "sentiment"));
        for (String s : sentiments) {
            if (!SENTIMENTS.contains(s)) {
                throw ApiException.badRequest("sentiment must be positive, negative or neutral, was '" + s + "'");
            }
        }
        Instant from = instant(query, "from");
        Instant to = instant(query, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.badRequest("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        String q = query.first("q").orElse("").strip();
        return new MentionFilter(lower(values(query, "brand")), lower(values(query, "lang")), sentiments,
                values(query, "source"), lower(values(query, "touchpoint")), from, to,
                q.isEmpty() ? null : QueryCompiler.compile(q));
    }

    /**
     * The scope statistics cover: the filter without time, and from/to defaulting to the last 30 days.
     *
     * @param filter the request's filter
     * @param clock  the clock for "now"
     * @return the scope
     */
    public static StatsScope scope(MentionFilter filter, Clock clock) {
        Instant to = filter.to() != null ? filter.to() : clock.instant();
        Instant from = filter.from() != null ? filter.from() : to.minus(DEFAULT_RANGE);
        if (!from.isBefore(to)) {
            throw ApiException.badRequest("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        return new StatsScope(dev.shenava.store.MentionIndex.query(filter.withRange(null, null)), from, to);
    }

    /**
     * An integer parameter within bounds.
     *
     * @param query    the query parameters
     * @param name     parameter name
     * @param fallback value when absent
     * @param min      smallest accepted
     * @param max      largest accepted
     * @return the value
     */
    public static int intParam(Parameters query, String name, int fallback, int min, int max) {
        String raw = query.first(name).orElse("").strip();
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(name + " must be a whole number from " + min + " to " + max + ", was '"
                + shorten(raw) + "'");
    }

    /**
     * The sort parameter.
     *
     * @param query the query parameters
     * @return the order, newest by default
     */
    public static MentionSort sort(Parameters query) {
        String raw = query.first("sort").orElse("").strip();
        if (raw.isEmpty()) {
            return MentionSort.NEWEST;
        }
        try {
            return MentionSort.parse(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("sort must be newest, oldest or engagement, was '" + shorten(raw) + "'");
        }
    }

    static List<String> values(Parameters query, String name) {
        if (!query.contains(name)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String value : query.all(name)) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.strip());
                }
            }
        }
        if (out.size() > MAX_VALUES) {
            throw ApiException.badRequest(name + " takes at most " + MAX_VALUES + " values");
        }
        return out;
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    private static Instant instant(Parameters query, String name) {
        String raw = query.first(name).orElse("").strip();
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 time such as 2026-01-31T00:00:00Z or a date "
                    + "such as 2026-01-31, was '" + shorten(raw) + "'");
        }
    }

    static String shorten(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "...";
    }
}
