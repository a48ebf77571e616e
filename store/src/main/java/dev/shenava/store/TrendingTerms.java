package dev.shenava.store;

import co.elastic.clients.elasticsearch._types.aggregations.SignificantStringTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds key phrases that stand out against the previous period of equal length: Elasticsearch's
 * {@code significant_terms} on {@code keyPhrases} with the previous period as background. When the
 * previous period holds no mentions (a new installation), every phrase is new and the most frequent
 * ones are reported with their share of the period as the score.
 */
final class TrendingTerms {

    private static final long MIN_MENTIONS = 2;

    private TrendingTerms() {
    }

    static List<TrendingTerm> find(MentionStats stats, StatsScope scope, int size) {
        StatsScope previous = scope.previous();
        SearchResponse<Void> r = stats.search(scope.query(), s -> s
                .aggregations("trending", a -> a.significantTerms(st -> st
                        .field("keyPhrases")
                        .size(size)
                        .minDocCount(MIN_MENTIONS)
                        .shardMinDocCount(MIN_MENTIONS)
                        .backgroundFilter(previous.query()))));
        List<TrendingTerm> result = new ArrayList<>();
        if (r.aggregations().get("trending").isSigsterms()) {
            for (SignificantStringTermsBucket b : r.aggregations().get("trending").sigsterms().buckets().array()) {
                result.add(new TrendingTerm(b.key(), b.docCount(), b.bgCount(), round(b.score())));
            }
        }
        if (result.isEmpty() && beforeIsEmpty(stats, previous)) {
            // Asked only in this rare case: the most frequent phrases cost as much as the significant ones.
            SearchResponse<Void> frequent = stats.search(scope.query(), s -> s
                    .trackTotalHits(t -> t.enabled(true))
                    .aggregations("frequent", a -> a.terms(t -> t.field("keyPhrases").size(size)
                            .minDocCount((int) MIN_MENTIONS))));
            long total = frequent.hits().total() == null ? 0 : frequent.hits().total().value();
            for (StringTermsBucket b : frequent.aggregations().get("frequent").sterms().buckets().array()) {
                result.add(new TrendingTerm(b.key().stringValue(), b.docCount(), 0,
                        total == 0 ? 0 : round((double) b.docCount() / total)));
            }
        }
        return result;
    }

    private static boolean beforeIsEmpty(MentionStats stats, StatsScope previous) {
        SearchResponse<Void> r = stats.search(previous.query(), s -> s.trackTotalHits(t -> t.enabled(true)));
        return r.hits().total() == null || r.hits().total().value() == 0;
    }

    private static double round(double score) {
        return Math.round(score * 10000.0) / 10000.0;
    }
}
