package dev.shenava.store;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import java.time.Instant;
import java.util.List;

/**
 * Which mentions a search or aggregation covers. Empty lists and {@code null} bounds mean "any".
 * Values within one list are alternatives (OR); the lists combine with AND.
 *
 * @param brands      brand ids
 * @param langs       languages
 * @param sentiments  sentiment labels
 * @param sources     source ids or source kinds
 * @param touchpoints touchpoint ids
 * @param from        published at or after, or {@code null}
 * @param to          published before, or {@code null}
 * @param query       an extra query (the compiled query language), or {@code null}
 */
public record MentionFilter(List<String> brands,
                            List<String> langs,
                            List<String> sentiments,
                            List<String> sources,
                            List<String> touchpoints,
                            Instant from,
                            Instant to,
                            Query query) {

    /** Every mention. */
    public static final MentionFilter ALL = new MentionFilter(List.of(), List.of(), List.of(), List.of(), List.of(),
            null, null, null);

    public MentionFilter {
        brands = clean(brands);
        langs = clean(langs);
        sentiments = clean(sentiments);
        sources = clean(sources);
        touchpoints = clean(touchpoints);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
    }

    /** @param v brand ids @return a copy with these brands */
    public MentionFilter withBrands(List<String> v) {
        return new MentionFilter(v, langs, sentiments, sources, touchpoints, from, to, query);
    }

    /** @param v languages @return a copy with these languages */
    public MentionFilter withLangs(List<String> v) {
        return new MentionFilter(brands, v, sentiments, sources, touchpoints, from, to, query);
    }

    /** @param v sentiment labels @return a copy with these sentiments */
    public MentionFilter withSentiments(List<String> v) {
        return new MentionFilter(brands, langs, v, sources, touchpoints, from, to, query);
    }

    /** @param v source ids or kinds @return a copy with these sources */
    public MentionFilter withSources(List<String> v) {
        return new MentionFilter(brands, langs, sentiments, v, touchpoints, from, to, query);
    }

    /** @param v touchpoint ids @return a copy with these touchpoints */
    public MentionFilter withTouchpoints(List<String> v) {
        return new MentionFilter(brands, langs, sentiments, sources, v, from, to, query);
    }

    /**
     * @param f start (inclusive) or {@code null}
     * @param t end (exclusive) or {@code null}
     * @return a copy with this time range
     */
    public MentionFilter withRange(Instant f, Instant t) {
        return new MentionFilter(brands, langs, sentiments, sources, touchpoints, f, t, query);
    }

    /** @param q extra query or {@code null} @return a copy with this query */
    public MentionFilter withQuery(Query q) {
        return new MentionFilter(brands, langs, sentiments, sources, touchpoints, from, to, q);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::trim).distinct().toList();
    }
}
