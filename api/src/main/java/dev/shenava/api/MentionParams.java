package dev.shenava.api;

import dev.shenava.store.MentionFilter;
import dev.shenava.store.MentionSort;
import dev.shenava.store.QueryCompiler;
import dev.shenava.store.StatsScope;
import io.helidon.common.parameters.Parameters;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Reads the filter parameters every mention and statistics endpoint shares: {@code q}, {@code brand},
 * {@code lang}, {@code sentiment}, {@code source}, {@code touchpoint}, {@code from}, {@code to}.
 * List parameters take several values, repeated or comma separated; {@code q} is compiled by the
 * query language.
 */
public final class MentionParams {

    /** The range statistics cover when the request names none. */
    public static final Duration DEFAULT_RANGE = Duration.ofDays(30);

    private MentionParams() {
    }

    /**
     * The filter a request asks for, with its q compiled; from/to only when given.
     *
     * @param query the request's query parameters
     * @return the filter
     * @throws BadRequestException            for a bad parameter, saying which and what is accepted
     * @throws dev.shenava.store.QueryException for a bad q, with its column
     */
    public static MentionFilter filter(Parameters query) {
        return RequestParams.filter(query, QueryCompiler::compile);
    }

    /**
     * The scope statistics cover: the filter without time, and from/to defaulting to the last 30 days.
     * The default end is "now" rounded up to the next whole minute, so that the dashboards' repeated
     * requests within a minute are the same request (Elasticsearch's shard request cache and the
     * statistics cache can answer them) while every mention already indexed is inside the range.
     *
     * @param filter the request's filter
     * @param clock  the clock for "now"
     * @return the scope
     */
    public static StatsScope scope(MentionFilter filter, Clock clock) {
        Instant to = filter.to() != null ? filter.to()
                : clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
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
        return RequestParams.intParam(query, name, fallback, min, max);
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

    static String shorten(String raw) {
        return raw.length() <= 40 ? raw : raw.substring(0, 40) + "...";
    }
}
