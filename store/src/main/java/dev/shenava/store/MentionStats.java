package dev.shenava.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.ObjectBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.Function;

/**
 * The aggregate views of mentions that dashboards and analysts read: volume and sentiment over
 * time, share of voice, touchpoints, trending key phrases, authors, sources and languages.
 *
 * <p>Metrics follow the field's definitions: net sentiment = (positive − negative) / (positive +
 * negative) × 100, share of voice = brand mentions / mentions of the brand and its competitors,
 * engagement = the sum of a post's public interaction counts.
 */
public final class MentionStats {

    private final ElasticsearchClient es;
    private final String index;

    private MentionStats(ElasticsearchClient es, String index) {
        this.es = es;
        this.index = index;
    }

    /**
     * Creates the statistics over a mention index.
     *
     * @param es    the client
     * @param index the mention index or alias
     * @return the statistics
     */
    public static MentionStats create(ElasticsearchClient es, String index) {
        return new MentionStats(es, index);
    }

    /**
     * Mentions per time bucket split by sentiment, with totals for the whole range.
     *
     * @param scope    which mentions
     * @param interval bucket width
     * @return the series, empty buckets included
     */
    public Timeseries timeseries(StatsScope scope, StatsInterval interval) {
        interval.check(scope);
        // The buckets cover the whole range, so the totals are their sums: no second pass over the mentions.
        SearchResponse<Void> r = search(scope.query(), s -> s
                .aggregations("time", histogram(scope, interval, "sentiment", sentimentTerms()))
                .aggregations("engagement", a -> a.sum(m -> m.field("engagement"))));
        List<Timeseries.Bucket> buckets = new ArrayList<>();
        SentimentCounts all = SentimentCounts.NONE;
        long total = 0;
        for (DateHistogramBucket b : r.aggregations().get("time").dateHistogram().buckets().array()) {
            SentimentCounts c = sentiment(b.aggregations().get("sentiment"));
            buckets.add(new Timeseries.Bucket(time(b), b.docCount(), c.positive(), c.negative(), c.neutral(),
                    c.netSentiment()));
            all = all.plus(c);
            total += b.docCount();
        }
        long engagement = Math.round(r.aggregations().get("engagement").sum().value());
        return new Timeseries(interval.keyword(), buckets, new Timeseries.Totals(total, all.positive(),
                all.negative(), all.neutral(), all.netSentiment(), engagement));
    }

    /**
     * A brand's share of voice against its competitors, overall and per time bucket.
     *
     * @param scope    which mentions (without a brand filter: the brands come from {@code names})
     * @param names    brand id → display name, the brand first, then its competitors
     * @param interval bucket width
     * @return shares in the order of {@code names}
     */
    public ShareOfVoice shareOfVoice(StatsScope scope, SequencedMap<String, String> names, StatsInterval interval) {
        interval.check(scope);
        List<String> ids = List.copyOf(names.keySet());
        Query brands = Query.of(q -> q.terms(t -> t.field("brands").terms(v -> v.value(
                ids.stream().map(co.elastic.clients.elasticsearch._types.FieldValue::of).toList()))));
        Query query = Query.of(q -> q.bool(b -> b.filter(scope.query()).filter(brands)));
        // The buckets cover the whole range, so each brand's totals are their sums: no second pass over the mentions.
        SearchResponse<Void> r = search(query, s -> s
                .aggregations("time", histogram(scope, interval, "brands", brandTerms(ids))));
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, SentimentCounts> overall = new LinkedHashMap<>();
        List<ShareOfVoice.Bucket> buckets = new ArrayList<>();
        long sum = 0;
        for (DateHistogramBucket b : r.aggregations().get("time").dateHistogram().buckets().array()) {
            Map<String, Long> mentions = new LinkedHashMap<>();
            Map<String, Double> net = new LinkedHashMap<>();
            ids.forEach(id -> { mentions.put(id, 0L); net.put(id, 0.0); });
            for (StringTermsBucket brand : b.aggregations().get("brands").sterms().buckets().array()) {
                String id = brand.key().stringValue();
                SentimentCounts c = sentiment(brand.aggregations().get("sentiment"));
                mentions.put(id, brand.docCount());
                net.put(id, c.netSentiment());
                counts.merge(id, brand.docCount(), Long::sum);
                overall.merge(id, c, SentimentCounts::plus);
                sum += brand.docCount();
            }
            buckets.add(new ShareOfVoice.Bucket(time(b), mentions, net));
        }
        List<ShareOfVoice.BrandShare> shares = new ArrayList<>();
        for (String id : ids) {
            long n = counts.getOrDefault(id, 0L);
            double share = sum == 0 ? 0 : Math.round(n * 10000.0 / sum) / 10000.0;
            shares.add(new ShareOfVoice.BrandShare(id, names.get(id), n, share,
                    overall.getOrDefault(id, SentimentCounts.NONE).netSentiment()));
        }
        return new ShareOfVoice(ids.getFirst(), shares, buckets);
    }

    /**
     * Volume and net sentiment per touchpoint, most mentioned first.
     *
     * @param scope which mentions
     * @return one entry per touchpoint found
     */
    public List<TouchpointStats> touchpoints(StatsScope scope) {
        SearchResponse<Void> r = search(scope.query(), s -> s
                .aggregations("touchpoints", a -> a.terms(t -> t.field("touchpoints").size(100)))
                .aggregations("labels", a -> a.terms(t -> t.field("touchpointSentiments").size(400))));
        Map<String, SentimentCounts> labels = new LinkedHashMap<>();
        for (StringTermsBucket b : r.aggregations().get("labels").sterms().buckets().array()) {
            String key = b.key().stringValue();
            int colon = key.lastIndexOf(':');
            if (colon > 0) {
                labels.merge(key.substring(0, colon), SentimentCounts.NONE.plus(key.substring(colon + 1), b.docCount()),
                        SentimentCounts::plus);
            }
        }
        List<TouchpointStats> result = new ArrayList<>();
        for (StringTermsBucket b : r.aggregations().get("touchpoints").sterms().buckets().array()) {
            String name = b.key().stringValue();
            SentimentCounts c = labels.getOrDefault(name, SentimentCounts.NONE);
            result.add(new TouchpointStats(name, b.docCount(), c.positive(), c.negative(), c.neutral(),
                    c.netSentiment()));
        }
        return result;
    }

    /**
     * Key phrases that stand out in the scope's period against the period of equal length before it.
     *
     * @param scope which mentions and which period
     * @param size  how many terms at most
     * @return the terms, most significant first
     */
    public List<TrendingTerm> trending(StatsScope scope, int size) {
        return TrendingTerms.find(this, scope, size);
    }

    /**
     * The authors with the most mentions.
     *
     * @param scope which mentions
     * @param size  how many authors at most
     * @return authors, most mentions first
     */
    public List<AuthorStats> authors(StatsScope scope, int size) {
        SearchResponse<Void> r = search(scope.query(), s -> s
                .aggregations("authors", a -> a.terms(t -> t.field("author.handle").size(size))
                        .aggregations("name", n -> n.terms(t -> t.field("author.name").size(1)))
                        .aggregations("engagement", e -> e.sum(m -> m.field("engagement")))
                        .aggregations("sentiment", sentimentTerms())));
        List<AuthorStats> result = new ArrayList<>();
        for (StringTermsBucket b : r.aggregations().get("authors").sterms().buckets().array()) {
            List<StringTermsBucket> name = b.aggregations().get("name").sterms().buckets().array();
            result.add(new AuthorStats(b.key().stringValue(),
                    name.isEmpty() ? "" : name.getFirst().key().stringValue(), b.docCount(),
                    Math.round(b.aggregations().get("engagement").sum().value()),
                    sentiment(b.aggregations().get("sentiment")).netSentiment()));
        }
        return result;
    }

    /**
     * Mentions per configured source (with its kind) and per language.
     *
     * @param scope which mentions
     * @return sources and languages, most mentions first
     */
    public SourceStats sources(StatsScope scope) {
        SearchResponse<Void> r = search(scope.query(), s -> s
                .aggregations("sources", a -> a.terms(t -> t.field("source").size(500))
                        .aggregations("kind", k -> k.terms(t -> t.field("sourceKind").size(1))))
                .aggregations("languages", a -> a.terms(t -> t.field("lang").size(100))));
        List<SourceStats.SourceCount> sources = new ArrayList<>();
        for (StringTermsBucket b : r.aggregations().get("sources").sterms().buckets().array()) {
            List<StringTermsBucket> kind = b.aggregations().get("kind").sterms().buckets().array();
            sources.add(new SourceStats.SourceCount(b.key().stringValue(),
                    kind.isEmpty() ? "" : kind.getFirst().key().stringValue(), b.docCount()));
        }
        List<SourceStats.LanguageCount> languages = new ArrayList<>();
        for (StringTermsBucket b : r.aggregations().get("languages").sterms().buckets().array()) {
            languages.add(new SourceStats.LanguageCount(b.key().stringValue(), b.docCount()));
        }
        return new SourceStats(sources, languages);
    }

    SearchResponse<Void> search(Query query,
                                Function<SearchRequest.Builder, ObjectBuilder<SearchRequest>> aggregations) {
        try {
            // size 0 and absolute time bounds: Elasticsearch's shard request cache keeps the answer until the next refresh.
            return es.search(s -> aggregations.apply(s.index(index).size(0).requestCache(true)
                    .trackTotalHits(t -> t.enabled(false)).query(query)), Void.class);
        } catch (IOException e) {
            throw new UncheckedIOException("statistics on index " + index + " failed: " + e.getMessage(), e);
        }
    }

    private static Aggregation histogram(StatsScope scope, StatsInterval interval, String name,
                                         Function<Aggregation.Builder, ObjectBuilder<Aggregation>> sub) {
        FieldDateMath min = FieldDateMath.of(m -> m.value((double) scope.from().toEpochMilli()));
        FieldDateMath max = FieldDateMath.of(m -> m.value((double) scope.to().toEpochMilli() - 1));
        return Aggregation.of(a -> a.dateHistogram(h -> h.field("publishedAt")
                        .calendarInterval(interval.calendar())
                        .timeZone("UTC")
                        .minDocCount(0)
                        .extendedBounds(e -> e.min(min).max(max)))
                .aggregations(name, sub));
    }

    private static Function<Aggregation.Builder, ObjectBuilder<Aggregation>> brandTerms(List<String> ids) {
        return a -> a.terms(t -> t.field("brands").size(ids.size()).include(i -> i.terms(ids)))
                .aggregations("sentiment", sentimentTerms());
    }

    static Function<Aggregation.Builder, ObjectBuilder<Aggregation>> sentimentTerms() {
        return a -> a.terms(t -> t.field("sentiment").size(3));
    }

    static SentimentCounts sentiment(Aggregate terms) {
        SentimentCounts counts = SentimentCounts.NONE;
        for (StringTermsBucket b : terms.sterms().buckets().array()) {
            counts = counts.plus(b.key().stringValue(), b.docCount());
        }
        return counts;
    }

    private static String time(DateHistogramBucket bucket) {
        return Instant.ofEpochMilli(bucket.key()).toString();
    }
}
