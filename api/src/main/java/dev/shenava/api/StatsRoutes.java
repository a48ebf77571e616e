package dev.shenava.api;

import dev.shenava.nlp.Brand;
import dev.shenava.store.MentionFilter;
import dev.shenava.store.MentionStats;
import dev.shenava.store.RecordIndex;
import dev.shenava.store.StatsInterval;
import dev.shenava.store.StatsScope;
import io.helidon.common.parameters.Parameters;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * {@code GET /api/v1/stats/*}: time series, share of voice, touchpoints, trending key phrases,
 * authors, sources and languages, each over the same filters as the mention search.
 */
public final class StatsRoutes implements HttpService {

    private final MentionStats stats;
    private final RecordIndex<Brand> brands;
    private final Clock clock;
    private final AnswerCache cache;

    /**
     * Creates the routes without a cache: every request asks Elasticsearch.
     *
     * @param stats  the statistics
     * @param brands the brand records (share of voice reads a brand's competitors and names)
     * @param clock  the clock for the default range
     */
    public StatsRoutes(MentionStats stats, RecordIndex<Brand> brands, Clock clock) {
        this(stats, brands, clock, AnswerCache.create(java.time.Duration.ZERO));
    }

    StatsRoutes(MentionStats stats, RecordIndex<Brand> brands, Clock clock, AnswerCache cache) {
        this.stats = stats;
        this.brands = brands;
        this.clock = clock;
        this.cache = cache;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/timeseries", this::timeseries)
                .get("/share-of-voice", this::shareOfVoice)
                .get("/touchpoints", this::touchpoints)
                .get("/trending", this::trending)
                .get("/authors", this::authors)
                .get("/sources", this::sources);
    }

    private void timeseries(ServerRequest req, ServerResponse res) {
        MentionFilter filter = MentionParams.filter(req.query());
        StatsScope scope = MentionParams.scope(filter, clock);
        StatsInterval interval = interval(req.query());
        AnswerCache.send(res, cache.json(key("timeseries", filter, scope, interval.keyword()),
                () -> stats.timeseries(scope, interval)));
    }

    private void shareOfVoice(ServerRequest req, ServerResponse res) {
        String id = req.query().first("brand").orElse("").strip();
        if (id.isEmpty()) {
            throw ApiException.badRequest("brand is required: the id of the brand to compare with its competitors");
        }
        if (!id.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw ApiException.badRequest("brand must be a brand id (1-64 of a-z, 0-9, '-', '_'), was '"
                    + MentionParams.shorten(id) + "'");
        }
        MentionFilter filter = MentionParams.filter(req.query()).withBrands(null);
        StatsScope scope = MentionParams.scope(filter, clock);
        StatsInterval interval = interval(req.query());
        AnswerCache.send(res, cache.json(key("share-of-voice", filter, scope, id, interval.keyword()),
                () -> stats.shareOfVoice(scope, competitors(id), interval)));
    }

    private SequencedMap<String, String> competitors(String id) {
        Brand brand = brands.get(id).orElseThrow(() -> ApiException.notFound("no brand '" + MentionParams.shorten(id)
                + "'; GET /api/v1/brands lists them"));
        SequencedMap<String, String> names = new LinkedHashMap<>();
        names.put(brand.id(), brand.name());
        for (String competitor : brand.competitors()) {
            names.putIfAbsent(competitor, brands.get(competitor).map(Brand::name).orElse(competitor));
        }
        return names;
    }

    private void touchpoints(ServerRequest req, ServerResponse res) {
        MentionFilter filter = MentionParams.filter(req.query());
        StatsScope scope = MentionParams.scope(filter, clock);
        AnswerCache.send(res, cache.json(key("touchpoints", filter, scope),
                () -> Map.of("touchpoints", stats.touchpoints(scope))));
    }

    private void trending(ServerRequest req, ServerResponse res) {
        int size = MentionParams.intParam(req.query(), "size", 20, 1, 100);
        MentionFilter filter = MentionParams.filter(req.query());
        StatsScope scope = MentionParams.scope(filter, clock);
        AnswerCache.send(res, cache.json(key("trending", filter, scope, size), () -> Map.of("terms", stats.trending(scope, size))));
    }

    private void authors(ServerRequest req, ServerResponse res) {
        int size = MentionParams.intParam(req.query(), "size", 20, 1, 100);
        MentionFilter filter = MentionParams.filter(req.query());
        StatsScope scope = MentionParams.scope(filter, clock);
        AnswerCache.send(res, cache.json(key("authors", filter, scope, size),
                () -> Map.of("authors", stats.authors(scope, size))));
    }

    private void sources(ServerRequest req, ServerResponse res) {
        MentionFilter filter = MentionParams.filter(req.query());
        StatsScope scope = MentionParams.scope(filter, clock);
        AnswerCache.send(res, cache.json(key("sources", filter, scope), () -> stats.sources(scope)));
    }

    /** The key of a statistics answer: the filter with the scope's range (a default range ends at a whole minute). */
    private static String key(String endpoint, MentionFilter filter, StatsScope scope, Object... params) {
        return AnswerCache.key(endpoint, filter.withRange(scope.from(), scope.to()), params);
    }

    private static StatsInterval interval(Parameters query) {
        String raw = query.first("interval").orElse("day");
        try {
            return StatsInterval.of(raw.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("interval must be hour, day or week, was '" + MentionParams.shorten(raw) + "'");
        }
    }
}
