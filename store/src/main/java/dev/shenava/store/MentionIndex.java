package dev.shenava.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The mention index: its template and mapping, bulk writes, lookups, paged searches and aggregations.
 * Thread-safe.
 */
public final class MentionIndex {

    /**
     * How far a search counts its matches unless asked for the exact total: an exact count visits every
     * match, which defeats Lucene's skipping of non-competitive documents on a sorted search.
     */
    public static final int TOTAL_CAP = 10_000;

    /**
     * The current version of the mention index: {@code v2} sorts the index newest first (so the default
     * search stops once it has its page and its count), stores offsets for highlighting and indexes
     * the normalised title; {@code v3} breaks ties of the sort (and of paging) on a 64-bit hash of the id
     * ({@code idHash}) instead of the keyword id. The alias {@code <alias>} points at {@code <alias>-v3}.
     */
    public static final String VERSION = "v3";

    /** Index versions a start migrates from, oldest first. */
    static final List<String> OLDER_VERSIONS = List.of("v1", "v2");

    private static final int BULK_CHUNK = 500;

    /**
     * How many searches run at once; the others wait their turn in arrival order. The node has as many
     * search threads as this anyway, so more in flight only interleave: each would take longer, and the
     * unlucky ones far longer, for no more searches answered per second.
     */
    static final int SEARCHES_AT_ONCE = 2 * Runtime.getRuntime().availableProcessors();
    /**
     * How long a search waits for its turn before it is answered as unavailable: the client's own socket
     * timeout, so that a node that stopped answering fails queued searches as it fails running ones.
     */
    private static final long SEARCH_WAIT_SECONDS = 30;

    private final ElasticsearchClient es;
    private final String alias;
    private final Semaphore searches = new Semaphore(SEARCHES_AT_ONCE, true);

    private MentionIndex(ElasticsearchClient es, String alias) {
        this.es = es;
        this.alias = alias;
    }

    /**
     * The mention index behind an alias such as {@code shenava-mentions}.
     *
     * @param es    the client
     * @param alias the alias searched and written; the concrete index is {@code <alias>-}{@value #VERSION}
     * @return the index, not yet created: call {@link #ensureCreated()}
     */
    public static MentionIndex create(ElasticsearchClient es, String alias) {
        return new MentionIndex(es, alias);
    }

    /** @return the alias searched and written */
    public String name() {
        return alias;
    }

    /** @return the client this index uses */
    public ElasticsearchClient client() {
        return es;
    }

    /**
     * Installs the index template and creates the current index version with its alias unless they exist;
     * when the alias points at an older version ({@code <alias>-v1}), migrates its mentions into the current
     * one first (see {@link MentionMigration}; writes to the alias fail until it is done).
     *
     * @return this index
     */
    public MentionIndex ensureCreated() {
        try {
            return createOrMigrate();
        } catch (IOException e) {
            throw new StoreException("Elasticsearch unreachable (create " + alias + "): " + e.getMessage(), e);
        } catch (ElasticsearchException e) {
            throw new StoreException("Elasticsearch refused to create " + alias + ": " + e.getMessage(), e);
        }
    }

    private MentionIndex createOrMigrate() throws IOException {
        try (InputStream template = resource("mentions-template.json")) {
            es.indices().putIndexTemplate(PutIndexTemplateRequest.of(t -> t.name(alias)
                    .indexPatterns(alias + "-*").priority(100L)
                    .template(tt -> tt.withJson(template))));
        }
        String current = alias + "-" + VERSION;
        if (es.indices().existsAlias(a -> a.name(alias)).value()) {
            var behind = es.indices().getAlias(a -> a.name(alias)).result().keySet();
            if (!behind.contains(current)) {
                if (behind.size() != 1) {
                    throw new StoreException("the alias " + alias + " points at " + behind
                            + "; expected one index to migrate to " + current);
                }
                new MentionMigration(es, alias, behind.iterator().next(), current).run();
            } else {
                for (String older : OLDER_VERSIONS) {
                    MentionMigration.removeLeftover(es, alias, alias + "-" + older);
                }
            }
            return this;
        }
        try {
            es.indices().create(c -> c.index(current).aliases(alias, a -> a.isWriteIndex(true)));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
        return this;
    }

    /** @return the concrete index the alias points at once {@link #ensureCreated()} returned */
    public String concreteIndex() {
        return alias + "-" + VERSION;
    }

    /**
     * Writes mentions (create or replace by id) in chunks; blocks until Elasticsearch answered, so a
     * caller writing in a loop never runs ahead of the node.
     *
     * @param mentions the mentions
     * @return what was written and which items failed; a failure of the whole request throws
     */
    public BulkResult write(List<Mention> mentions) {
        int written = 0;
        List<BulkResult.ItemError> errors = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i += BULK_CHUNK) {
            List<Mention> chunk = MentionOverrides.apply(es, alias, mentions.subList(i, Math.min(mentions.size(), i + BULK_CHUNK)));
            List<BulkOperation> ops = chunk.stream().map(m -> BulkOperation.of(op -> op.index(ix -> ix
                    .index(alias).id(m.id()).document(MentionDocument.from(m))))).toList();
            BulkResponse response = call("bulk write to " + alias, () -> es.bulk(b -> b.operations(ops)));
            for (BulkResponseItem item : response.items()) {
                if (item.error() == null) {
                    written++;
                } else {
                    errors.add(new BulkResult.ItemError(item.id(), item.status(),
                            item.error().type() + ": " + item.error().reason()));
                }
            }
        }
        return new BulkResult(written, errors);
    }

    /**
     * Looks a mention up by id.
     *
     * @param id the mention id
     * @return the mention, or empty
     */
    public Optional<Mention> byId(String id) {
        GetResponse<MentionDocument> r = call("get " + id + " from " + alias,
                () -> es.get(g -> g.index(alias).id(id), MentionDocument.class));
        return r.found() && r.source() != null ? Optional.of(r.source().toMention()) : Optional.empty();
    }

    /**
     * One page of mentions matching a filter, counted up to {@link #TOTAL_CAP}.
     *
     * @param filter which mentions
     * @param sort   their order
     * @param size   page size, 1-1000
     * @param cursor the previous page's cursor, or {@code null} for the first page
     * @return the page
     * @throws IllegalArgumentException when the cursor is not one this sort produced
     */
    public MentionPage search(MentionFilter filter, MentionSort sort, int size, String cursor) {
        return search(filter, sort, size, cursor, false);
    }

    /**
     * One page of mentions matching a filter.
     *
     * @param filter     which mentions
     * @param sort       their order
     * @param size       page size, 1-1000
     * @param cursor     the previous page's cursor, or {@code null} for the first page
     * @param exactTotal count every match (slower on large result sets) instead of stopping at {@link #TOTAL_CAP}
     * @return the page
     * @throws IllegalArgumentException when the cursor is not one this sort produced
     */
    public MentionPage search(MentionFilter filter, MentionSort sort, int size, String cursor, boolean exactTotal) {
        return search(filter, sort, size, cursor, exactTotal, null);
    }

    /**
     * One page of mentions matching a filter, highlighted in this process for the query they were searched
     * with: the same marks as Elasticsearch's highlighter would give, without the cost of it (analysing
     * every hit's text again was most of a search's time on the node).
     *
     * @param filter     which mentions; its {@link MentionFilter#query()} compiled from {@code q}
     * @param sort       their order
     * @param size       page size, 1-1000
     * @param cursor     the previous page's cursor, or {@code null} for the first page
     * @param exactTotal count every match instead of stopping at {@link #TOTAL_CAP}
     * @param q          the query text, or {@code null} to let Elasticsearch highlight {@code filter.query()}
     * @return the page
     * @throws IllegalArgumentException when the cursor is not one this sort produced
     * @throws QueryException           when {@code q} is not a valid query
     */
    public MentionPage search(MentionFilter filter, MentionSort sort, int size, String cursor, boolean exactTotal,
                              String q) {
        try {
            if (!searches.tryAcquire(SEARCH_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new StoreException("Elasticsearch is not answering searches on " + alias + ": "
                        + SEARCHES_AT_ONCE + " searches have been running for " + SEARCH_WAIT_SECONDS
                        + " s; try again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting to search " + alias, e);
        }
        try {
            return page(filter, sort, size, cursor, exactTotal, q);
        } finally {
            searches.release();
        }
    }

    private MentionPage page(MentionFilter filter, MentionSort sort, int size, String cursor, boolean exactTotal,
                             String q) {
        List<QuerySpans.Source> clauses = q == null || q.isBlank() ? null
                : QueryMatcher.textClauses(QueryParser.parse(q));
        SearchRequest request = clauses == null ? searchRequest(filter, sort, size, cursor, exactTotal)
                : searchRequest(filter, sort, size, cursor, exactTotal, false);
        SearchHits r = call("search " + alias, () -> SearchHits.search(es, alias, request));
        List<SearchHits.Hit> hits = r.hits();
        // A first page counts its matches, so the count says whether another page follows; a later page's
        // count covers the earlier pages too, so it asked for one hit more than it shows.
        boolean first = cursor == null || cursor.isBlank();
        boolean more = first ? r.total() != null && r.total() > size : hits.size() > size;
        List<SearchHits.Hit> page = hits.size() > size ? hits.subList(0, size) : hits;
        String next = more ? SearchCursor.encode(page.getLast().sort(), sort) : null;
        Map<String, List<String>> words = MentionHighlight.words();
        return new MentionPage(page.stream().map(h -> clauses == null ? MentionHighlight.mention(h)
                        : MentionHighlight.mention(h, clauses, words)).toList(),
                r.total() == null ? page.size() : r.total(), r.totalExact(), next);
    }

    /**
     * The Elasticsearch request behind {@link #search(MentionFilter, MentionSort, int, String, boolean)}: the
     * page (after a cursor, one hit more, to know whether another page follows; a first page knows it from its
     * count), newest first with the id's hash as tie-breaker
     * (the index's own order, so Elasticsearch stops once it has the page and {@link #TOTAL_CAP} matches),
     * Elasticsearch highlighting the text when there is a query, and only the fields the answer shows.
     *
     * @param filter     which mentions
     * @param sort       their order
     * @param size       page size, 1-1000
     * @param cursor     the previous page's cursor, or {@code null}
     * @param exactTotal count every match
     * @return the request
     * @throws IllegalArgumentException when the cursor is not one this sort produced
     */
    public SearchRequest searchRequest(MentionFilter filter, MentionSort sort, int size, String cursor,
                                       boolean exactTotal) {
        return searchRequest(filter, sort, size, cursor, exactTotal, filter.query() != null);
    }

    /**
     * The Elasticsearch request of a page of mentions, with or without Elasticsearch's highlighter.
     *
     * @param filter     which mentions
     * @param sort       their order
     * @param size       page size, 1-1000
     * @param cursor     the previous page's cursor, or {@code null}
     * @param exactTotal count every match
     * @param highlight  let Elasticsearch highlight the text (else the normalised text is fetched, to
     *                   highlight in this process)
     * @return the request
     * @throws IllegalArgumentException when the cursor is not one this sort produced
     */
    public SearchRequest searchRequest(MentionFilter filter, MentionSort sort, int size, String cursor,
                                       boolean exactTotal, boolean highlight) {
        if (size < 1 || size > 1000) {
            throw new IllegalArgumentException("size must be 1-1000, was " + size);
        }
        List<FieldValue> after = cursor == null || cursor.isBlank() ? null : SearchCursor.decode(cursor, sort);
        return SearchRequest.of(s -> {
            s.index(alias).size(after == null ? size : size + 1).query(query(filter))
                    .trackTotalHits(t -> exactTotal ? t.enabled(true) : t.count(TOTAL_CAP));
            if (filter.query() == null || highlight) {
                // The normalised text is searched, never shown; highlighting here needs it.
                s.source(src -> src.filter(f -> f.excludes("text")));
            }
            switch (sort) {
                case NEWEST -> s.sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)));
                case OLDEST -> s.sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Asc)));
                case ENGAGEMENT -> s.sort(o -> o.field(f -> f.field("engagement").order(SortOrder.Desc)))
                        .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)));
            }
            s.sort(o -> o.field(f -> f.field("idHash").order(SortOrder.Asc)));
            if (highlight) {
                s.highlight(MentionHighlight.REQUEST);
            }
            if (after != null) {
                s.searchAfter(after);
            }
            return s;
        });
    }

    /**
     * Counts mentions matching a filter.
     *
     * @param filter which mentions
     * @return the count
     */
    public long count(MentionFilter filter) {
        return call("count " + alias, () -> es.count(c -> c.index(alias).query(query(filter)))).count();
    }

    /**
     * Mentions per time bucket, split by sentiment. With both bounds in the filter, empty buckets
     * inside the range are included.
     *
     * @param filter   which mentions
     * @param interval {@code hour}, {@code day} or {@code week}
     * @return buckets in time order (UTC)
     */
    public List<TimeBucket> histogram(MentionFilter filter, CalendarInterval interval) {
        SearchResponse<Void> r = call("histogram " + alias, () -> es.search(s -> s.index(alias).size(0)
                .query(query(filter))
                .aggregations("t", a -> a.dateHistogram(h -> {
                    h.field("publishedAt").calendarInterval(interval).timeZone("UTC").minDocCount(0);
                    if (filter.from() != null && filter.to() != null) {
                        h.extendedBounds(b -> b
                                .min(FieldDateMath.of(d -> d.value((double) filter.from().toEpochMilli())))
                                .max(FieldDateMath.of(d -> d.value((double) filter.to().toEpochMilli() - 1))));
                    }
                    return h;
                }).aggregations("s", sa -> sa.terms(t -> t.field("sentiment").size(3)))), Void.class));
        List<TimeBucket> buckets = new ArrayList<>();
        for (DateHistogramBucket b : r.aggregations().get("t").dateHistogram().buckets().array()) {
            Map<SentimentLabel, Long> counts = new EnumMap<>(SentimentLabel.class);
            for (StringTermsBucket sb : b.aggregations().get("s").sterms().buckets().array()) {
                counts.put(SentimentLabel.valueOf(sb.key().stringValue().toUpperCase(Locale.ROOT)), sb.docCount());
            }
            buckets.add(new TimeBucket(Instant.ofEpochMilli(b.key()), b.docCount(),
                    counts.getOrDefault(SentimentLabel.POSITIVE, 0L), counts.getOrDefault(SentimentLabel.NEGATIVE, 0L),
                    counts.getOrDefault(SentimentLabel.NEUTRAL, 0L)));
        }
        return buckets;
    }

    /**
     * The most frequent values of a keyword field among matching mentions.
     *
     * @param filter which mentions
     * @param field  a keyword field such as {@code brands}, {@code lang}, {@code keyPhrases}, {@code author.handle}
     * @param size   how many terms at most
     * @return terms by count, descending
     */
    public List<TermCount> terms(MentionFilter filter, String field, int size) {
        SearchResponse<Void> r = call("terms of " + field + " in " + alias, () -> es.search(s -> s.index(alias).size(0)
                .query(query(filter))
                .aggregations("k", a -> a.terms(t -> t.field(field).size(size))), Void.class));
        return r.aggregations().get("k").sterms().buckets().array().stream()
                .map(b -> new TermCount(b.key().stringValue(), b.docCount())).toList();
    }

    /** Makes recent writes visible to searches (tests and imports; Elasticsearch does it each second anyway). */
    public void refresh() {
        call("refresh " + alias, () -> es.indices().refresh(r -> r.index(alias)));
    }

    /**
     * The Elasticsearch query for a filter; the base that stats and exports build on.
     *
     * @param filter the filter
     * @return a bool query of filters
     */
    public static Query query(MentionFilter filter) {
        return Query.of(q -> q.bool(b -> {
            terms(b, "brands", filter.brands());
            terms(b, "lang", filter.langs());
            terms(b, "sentiment", filter.sentiments());
            terms(b, "touchpoints", filter.touchpoints());
            if (!filter.sources().isEmpty()) {
                List<FieldValue> v = filter.sources().stream().map(FieldValue::of).toList();
                b.filter(f -> f.bool(o -> o.minimumShouldMatch("1")
                        .should(s -> s.terms(t -> t.field("source").terms(tv -> tv.value(v))))
                        .should(s -> s.terms(t -> t.field("sourceKind").terms(tv -> tv.value(v))))));
            }
            if (filter.from() != null || filter.to() != null) {
                b.filter(f -> f.range(r -> r.date(d -> {
                    d.field("publishedAt");
                    if (filter.from() != null) {
                        d.gte(filter.from().toString());
                    }
                    if (filter.to() != null) {
                        d.lt(filter.to().toString());
                    }
                    return d;
                })));
            }
            if (filter.query() != null) {
                b.must(filter.query());
            }
            return b;
        }));
    }

    private static void terms(co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery.Builder b,
                              String field, List<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> v = values.stream().map(FieldValue::of).toList();
            b.filter(f -> f.terms(t -> t.field(field).terms(tv -> tv.value(v))));
        }
    }

    static InputStream resource(String name) {
        InputStream in = MentionIndex.class.getResourceAsStream(name);
        if (in == null) {
            throw new StoreException(name + " is missing from the build; rebuild with 'mvn -DskipTests package'");
        }
        return in;
    }

    static <T> T call(String what, EsCall<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw new StoreException("Elasticsearch unreachable (" + what + "): " + e.getMessage(), e);
        } catch (ElasticsearchException e) {
            throw new StoreException("Elasticsearch refused to " + what + ": " + e.getMessage(), e);
        }
    }

    /** A client call that may fail with an I/O error. */
    @FunctionalInterface
    interface EsCall<T> {
        T run() throws IOException;
    }

    private enum SentimentLabel { POSITIVE, NEGATIVE, NEUTRAL }
}
