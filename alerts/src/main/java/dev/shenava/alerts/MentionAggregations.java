package dev.shenava.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.SignificantStringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shenava.store.MentionFilter;
import dev.shenava.store.MentionIndex;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregations the evaluator reads from the mention index: counts per step, counts, the key
 * phrases that set a window apart from its baseline, and the most engaged mentions of a window.
 */
final class MentionAggregations {

    private final ElasticsearchClient es;
    private final String index;

    MentionAggregations(ElasticsearchClient es, String index) {
        this.es = es;
        this.index = index;
    }

    /** Counts per step in [end - steps * step, end), oldest first; the buckets end exactly at {@code end}. */
    long[] series(MentionFilter filter, Instant end, Duration step, int steps) {
        long stepMs = step.toMillis();
        Instant start = end.minusMillis(stepMs * steps);
        long offset = Math.floorMod(end.toEpochMilli(), stepMs);
        MentionFilter ranged = filter.withRange(start, end);
        var r = AlertIndices.call("count mentions per " + step + " in " + index, () -> es.search(s -> s.index(index).size(0)
                .query(MentionIndex.query(ranged))
                .aggregations("h", a -> a.dateHistogram(h -> h.field("publishedAt")
                        .fixedInterval(t -> t.time(stepMs + "ms"))
                        .offset(t -> t.time(offset + "ms"))
                        .minDocCount(0)
                        .extendedBounds(b -> b.min(FieldDateMath.of(d -> d.value((double) start.toEpochMilli())))
                                .max(FieldDateMath.of(d -> d.value((double) end.toEpochMilli() - 1)))))), Void.class));
        long[] counts = new long[steps];
        for (DateHistogramBucket b : r.aggregations().get("h").dateHistogram().buckets().array()) {
            long i = (b.key() - start.toEpochMilli()) / stepMs;
            if (i >= 0 && i < steps) {
                counts[(int) i] = b.docCount();
            }
        }
        return counts;
    }

    long count(MentionFilter filter) {
        return AlertIndices.call("count mentions in " + index,
                () -> es.count(c -> c.index(index).query(MentionIndex.query(filter)))).count();
    }

    /** Key phrases over-represented in the foreground against the background (significant_terms). */
    List<String> drivingTerms(MentionFilter foreground, MentionFilter background, int size) {
        Query bg = MentionIndex.query(background);
        var r = AlertIndices.call("find driving terms in " + index, () -> es.search(s -> s.index(index).size(0)
                .query(MentionIndex.query(foreground))
                .aggregations("t", a -> a.significantTerms(t -> t.field("keyPhrases").size(size).minDocCount(2L)
                        .backgroundFilter(bg))), Void.class));
        List<String> terms = new ArrayList<>();
        for (SignificantStringTermsBucket b : r.aggregations().get("t").sigsterms().buckets().array()) {
            terms.add(b.key());
        }
        if (terms.isEmpty()) {
            // too few mentions for significance: the most frequent phrases still say what it is about
            var f = AlertIndices.call("find frequent terms in " + index, () -> es.search(s -> s.index(index).size(0)
                    .query(MentionIndex.query(foreground))
                    .aggregations("t", a -> a.terms(t -> t.field("keyPhrases").size(size))), Void.class));
            f.aggregations().get("t").sterms().buckets().array().forEach(b -> terms.add(b.key().stringValue()));
        }
        return terms;
    }

    /** The most engaged mentions matching a filter. */
    List<AlertEvent.Example> examples(MentionFilter filter, int size) {
        var r = AlertIndices.call("find example mentions in " + index, () -> es.search(s -> s.index(index).size(size)
                .query(MentionIndex.query(filter))
                .source(src -> src.filter(f -> f.includes("id", "originalText", "text", "originalTitle", "title", "url",
                        "engagement")))
                .sort(o -> o.field(f -> f.field("engagement").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc))), ObjectNode.class));
        List<AlertEvent.Example> out = new ArrayList<>();
        for (Hit<ObjectNode> hit : r.hits().hits()) {
            JsonNode d = hit.source();
            // a title is stored in its search form, with the title as posted in originalTitle when they differ
            String title = d.path("originalTitle").asText(d.path("title").asText(""));
            String text = d.path("originalText").asText(d.path("text").asText(title));
            out.add(new AlertEvent.Example(hit.id(), shorten(text, 500), d.path("url").asText(""), d.path("engagement").asLong()));
        }
        return out;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
