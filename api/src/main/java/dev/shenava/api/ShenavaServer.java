package dev.shenava.api;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.shenava.nlp.TextAnalyzer;
import dev.shenava.store.MentionJournal;
import dev.shenava.store.Store;
import dev.shenava.store.StoreException;
import io.helidon.config.Config;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.http.media.jackson.JacksonSupport;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.staticcontent.StaticContentFeature;

import java.util.Map;

/**
 * The HTTP service: {@code /api/v1/...} routes, {@code /observe/health} and {@code /observe/metrics},
 * the dashboards at {@code /} and the ECharts WebJar at {@code /webjars/}.
 */
final class ShenavaServer {

    private static final System.Logger LOG = System.getLogger(ShenavaServer.class.getName());

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
        WebServer server = WebServer.builder()
                .config(config.get("server"))
                .featuresDiscoverServices(false)
                .mediaContext(m -> m.mediaSupportsDiscoverServices(false)
                        .addMediaSupport(JacksonSupport.create(dev.shenava.store.ElasticsearchClients.objectMapper()))
                        .build())
                .addFeature(observe(config, runtime))
                .addFeature(StaticContentFeature.builder()
                        .addClasspath(cl -> cl.location("/dashboards").welcome("index.html").context("/"))
                        .addClasspath(cl -> cl.location("/META-INF/resources/webjars").context("/webjars"))
                        .build())
                .routing(r -> routing(r, runtime))
                .build()
                .start();
        LOG.log(System.Logger.Level.INFO, "Shenava is listening on http://{0}:{1}", config.get("server.host")
                .asString().orElse("127.0.0.1"), String.valueOf(server.port()));
        return server;
    }

    /**
     * The API routes: one registration per service. Add new services here.
     *
     * @param routing the routing builder
     * @param runtime the runtime
     */
    static void routing(HttpRouting.Builder routing, ShenavaRuntime runtime) {
        TextAnalyzer analyzer = TextAnalyzer.create();
        QueryParser parser = q -> Query.of(b -> b.match(m -> m.field("text")
                .query(analyzer.analyze(q).normalizedText()).operator(co.elastic.clients.elasticsearch._types.query_dsl.Operator.And)));
        routing.register("/api/v1/mentions", new MentionRoutes(runtime.store().mentions(), parser))
                .any("/api/{+rest}", (req, res) -> res.status(Status.NOT_FOUND_404)
                        .send(ApiError.of("not_found", "no endpoint " + req.prologue().method().text() + " "
                                + req.path().path() + "; see /api/v1/openapi.yaml")))
                .error(BadRequestException.class, (req, res, e) -> res.status(Status.BAD_REQUEST_400)
                        .send(ApiError.of("bad_request", e.getMessage())))
                .error(IllegalArgumentException.class, (req, res, e) -> res.status(Status.BAD_REQUEST_400)
                        .send(ApiError.of("bad_request", e.getMessage())))
                .error(StoreException.class, (req, res, e) -> {
                    LOG.log(System.Logger.Level.WARNING, "store error on " + req.path().path() + ": " + e.getMessage());
                    res.status(Status.SERVICE_UNAVAILABLE_503)
                            .send(ApiError.of("unavailable", "the store cannot answer right now; try again shortly"));
                })
                .error(HttpException.class, (req, res, e) -> res.status(e.status())
                        .send(ApiError.of(code(e.status()), e.getMessage())))
                .error(RuntimeException.class, (req, res, e) -> {
                    LOG.log(System.Logger.Level.ERROR, "unexpected error on " + req.path().path(), e);
                    res.status(Status.INTERNAL_SERVER_ERROR_500)
                            .send(ApiError.of("internal", "unexpected error; the server log has the details"));
                });
    }

    private static String code(Status status) {
        return switch (status.code()) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 503 -> "unavailable";
            default -> status.code() < 500 ? "bad_request" : "internal";
        };
    }

    /** Loads the server's classes while the store starts, so that both take the time of the slower. */
    static void warmUp() {
        Metrics.globalRegistry();
        JacksonSupport.create(dev.shenava.store.ElasticsearchClients.objectMapper());
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
                        .addCheck(() -> HealthCheckResponse.builder().status(true)
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
