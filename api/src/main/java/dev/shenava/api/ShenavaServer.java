package dev.shenava.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.shenava.store.ElasticsearchClients;
import dev.shenava.store.MentionExport;
import dev.shenava.store.MentionJournal;
import dev.shenava.store.MentionOverrides;
import dev.shenava.store.MentionStats;
import dev.shenava.store.QueryCompiler;
import dev.shenava.store.Store;
import dev.shenava.store.StoreException;
import io.helidon.config.Config;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.Status;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.staticcontent.StaticContentFeature;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * The HTTP service: {@code /api/v1/...} routes, {@code /observe/health} and {@code /observe/metrics},
 * the dashboards at {@code /} and the ECharts WebJar at {@code /webjars/}.
 */
final class ShenavaServer {

    private static final System.Logger LOG = System.getLogger(ShenavaServer.class.getName());
    /** Largest request body accepted unless server.max-payload-size says otherwise (imports are the big ones). */
    private static final long MAX_PAYLOAD = 64L * 1024 * 1024;
    /** Longest request line and headers: a long Persian query is several bytes a letter once URL-encoded. */
    private static final int MAX_PROLOGUE = 64 * 1024;

    private ShenavaServer() {
    }

    /**
     * Builds and starts the server.
     *
     * @param runtime the running store, journal and pipeline
     * @return the started server
     */
    static WebServer start(ShenavaRuntime runtime) {
        Config config = runtime.config();
        registerMeters(runtime.journal());
        WebServerConfig.Builder builder = WebServer.builder()
                .config(config.get("server"))
                .featuresDiscoverServices(false)
                .mediaContext(m -> m.mediaSupportsDiscoverServices(false)
                        .addMediaSupport(JacksonSupport.create(ElasticsearchClients.objectMapper()))
                        .build())
                .addFeature(observe(config, runtime))
                .addFeature(StaticContentFeature.builder()
                        .addClasspath(cl -> cl.location("/dashboards").welcome("index.html").context("/"))
                        .addClasspath(cl -> cl.location("/META-INF/resources/webjars").context("/webjars"))
                        .build())
                .maxPayloadSize(config.get("server.max-payload-size").asLong().orElse(MAX_PAYLOAD))
                .addProtocol(Http1Config.builder().maxPrologueLength(MAX_PROLOGUE).build())
                .routing(r -> routing(r, runtime));
        ApiAccess.cors(config.get("api")).ifPresent(builder::addFeature);
        WebServer server = builder.build().start();
        String host = config.get("server.host").asString().orElse("127.0.0.1");
        if (!server.isRunning()) { // Helidon logs why (a BindException) and gives back a server that is not running
            throw new IllegalStateException("could not listen on " + host + ":" + config.get("server.port").asString()
                    .orElse("8080") + " (the cause is logged above; usually another process holds the port): stop it,"
                    + " or set server.port (SERVER_PORT)");
        }
        LOG.log(System.Logger.Level.INFO, "Shenava is listening on http://{0}:{1}", host, String.valueOf(server.port()));
        return server;
    }

    /**
     * The API routes: one registration per service. Add new services here.
     *
     * @param routing the routing builder
     * @param runtime the runtime
     */
    static void routing(HttpRouting.Builder routing, ShenavaRuntime runtime) {
        Config config = runtime.config();
        Store store = runtime.store();
        ElasticsearchClient es = store.client();
        String alias = store.mentions().name();
        Clock clock = Clock.systemUTC();
        AnswerCache statsCache = AnswerCache.create(Duration.ofSeconds(config.get("api.stats-cache-seconds").asLong()
                .orElse(AnswerCache.DEFAULT_TTL.toSeconds())));
        AnswerCache searchCache = AnswerCache.create(Duration.ofSeconds(config.get("api.search-cache-seconds").asLong()
                .orElse(AnswerCache.DEFAULT_SEARCH_TTL.toSeconds())));
        Runnable changed = () -> {
            statsCache.clear();
            searchCache.clear();
        };
        ApiErrors.register(routing);
        routing.error(StoreException.class, (req, res, e) -> {
            LOG.log(System.Logger.Level.WARNING, "store error on " + req.path().path() + ": " + e.getMessage());
            ApiErrors.send(res, Status.SERVICE_UNAVAILABLE_503, "unavailable",
                    "the store cannot answer right now; try again shortly");
        });
        routing.addFilter(ApiAccess.create(config.get("api"), config.get("server.host").asString().orElse("127.0.0.1")))
                .register("/api/v1/mentions", new ExportRoutes(MentionExport.create(es, alias),
                        ElasticsearchClients.objectMapper()))
                .register("/api/v1/mentions", new ImportRoutes(runtime.pipeline(), () -> {
                    store.mentions().refresh();
                    changed.run();
                }))
                .register("/api/v1/mentions", new MentionOverrideRoutes(store.mentions(),
                        MentionOverrides.create(es, alias, clock), changed))
                .register("/api/v1/mentions", new MentionRoutes(store.mentions(), QueryCompiler::compile, searchCache))
                .register("/api/v1/stats", new StatsRoutes(MentionStats.create(es, alias), runtime.brandIndex(), clock,
                        statsCache))
                .register("/api/v1/brands", new RecordRoutes<>("brand", store.records("brands", BrandBody.class,
                        BrandBody::id), BrandBody.class, BrandBody::id, BrandBody::validated,
                        () -> {
                            runtime.reloadBrands();
                            changed.run();
                        }))
                .register("/api/v1/sources", new RecordRoutes<>("source", store.records("sources", SourceBody.class,
                        SourceBody::id), SourceBody.class, SourceBody::id, SourceBody::validated, runtime::sourcesChanged,
                        withCrawlStatus(CrawlService.SourceStatusDoc.index(store)),
                        runtime.configuredSources().stream().map(SourceBody::configured).toList()))
                .register("/api/v1", AlertRoutes.create(store, config))
                .register("/api/v1/analyze", new AnalyzeRoutes(runtime.analyzer()))
                .register("/api/v1/openapi.yaml", new OpenApiRoutes())
                .any("/api/{+rest}", (req, res) -> ApiErrors.send(res, Status.NOT_FOUND_404, "not_found",
                        "no endpoint " + req.prologue().method().text() + " " + req.path().path()
                                + "; see /api/v1/openapi.yaml"));
    }

    private static java.util.function.UnaryOperator<SourceBody> withCrawlStatus(
            dev.shenava.store.RecordIndex<CrawlService.SourceStatusDoc> statuses) {
        return source -> statuses.get(source.id()).map(s -> source.withStatus(s.asMap())).orElse(source);
    }

    /** Loads the server's classes while the store starts, so that both take the time of the slower. */
    static void warmUp() {
        Metrics.globalRegistry();
        JacksonSupport.create(ElasticsearchClients.objectMapper());
        HttpRouting.builder().register("/", new MentionRoutes(null, null)).build();
        StaticContentFeature.builder().build();
    }

    private static ObserveFeature observe(Config config, ShenavaRuntime runtime) {
        Store store = runtime.store();
        MentionJournal journal = runtime.journal();
        return ObserveFeature.builder()
                .config(config.get("server.features.observe"))
                .addObserver(HealthObserver.builder()
                        .details(true)
                        .useSystemServices(false)
                        .addCheck(() -> {
                            Map<String, String> h = store.health();
                            boolean up = "green".equals(h.get("status")) || "yellow".equals(h.get("status"));
                            var b = HealthCheckResponse.builder().status(up);
                            h.forEach(b::detail);
                            return b.build();
                        }, HealthCheckType.READINESS, "elasticsearch")
                        .addCheck(() -> HealthCheckResponse.builder().status(journal.refusal().isEmpty())
                                .detail("refusing", journal.refusal())
                                .detail("pending", journal.pending())
                                .detail("written", journal.written())
                                .detail("rejected", journal.rejected())
                                .detail("lastError", journal.lastError())
                                .build(), HealthCheckType.LIVENESS, "journal")
                        .build())
                .addObserver(MetricsObserver.create())
                .build();
    }

    private static void registerMeters(MentionJournal journal) {
        var registry = Metrics.globalRegistry();
        registry.getOrCreate(Gauge.builder("shenava_journal_pending", journal::pending)
                .description("mentions accepted but not yet in Elasticsearch"));
        registry.getOrCreate(Gauge.builder("shenava_mentions_indexed", journal::written)
                .description("mentions written to Elasticsearch since start"));
        registry.getOrCreate(Gauge.builder("shenava_mentions_rejected", journal::rejected)
                .description("mentions Elasticsearch refused since start"));
    }
}
