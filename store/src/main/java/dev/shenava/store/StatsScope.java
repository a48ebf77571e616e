package dev.shenava.store;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Which mentions a statistic covers: a filter on everything but time, and a time range.
 *
 * @param filter query over the mention fields other than {@code publishedAt} (match_all for none)
 * @param from   start of the range, inclusive
 * @param to     end of the range, exclusive
 */
public record StatsScope(Query filter, Instant from, Instant to) {

    public StatsScope {
        filter = filter == null ? Query.of(q -> q.matchAll(m -> m)) : filter;
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }

    /**
     * The period of equal length just before this one, with the same filter.
     *
     * @return the previous scope
     */
    public StatsScope previous() {
        return new StatsScope(filter, from.minus(Duration.between(from, to)), from);
    }

    /**
     * The filter and the time range as one query.
     *
     * @return a bool query
     */
    public Query query() {
        return Query.of(q -> q.bool(b -> b.filter(filter).filter(range())));
    }

    private Query range() {
        return Query.of(q -> q.range(r -> r.date(d -> d.field("publishedAt").gte(from.toString()).lt(to.toString()))));
    }
}
