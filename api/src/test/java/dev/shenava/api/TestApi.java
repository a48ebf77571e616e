package dev.shenava.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.shenava.nlp.Brand;
import dev.shenava.nlp.TextAnalyzer;
import dev.shenava.store.ElasticsearchClients;
import dev.shenava.store.MentionExport;
import dev.shenava.store.MentionIndex;
import dev.shenava.store.MentionOverrides;
import dev.shenava.store.MentionStats;
import dev.shenava.store.QueryCompiler;
import dev.shenava.store.RecordIndex;
import dev.shenava.store.TestElasticsearch;
import io.helidon.webserver.http.HttpRouting;

import java.time.Clock;

/**
 * The query API's routes over fresh indices of the shared test node, registered as Main does.
 */
final class TestApi {

    final ElasticsearchClient es = TestElasticsearch.client();
    final MentionIndex mentions;
    final RecordIndex<BrandBody> brands;
    final RecordIndex<SourceBody> sources;
    final String prefix;

    TestApi(String prefix) {
        this.prefix = TestElasticsearch.uniqueIndex(prefix);
        mentions = MentionIndex.create(es, this.prefix + "-mentions").ensureCreated();
        brands = RecordIndex.create(es, this.prefix + "-brands", BrandBody.class, BrandBody::id).ensureCreated();
        sources = RecordIndex.create(es, this.prefix + "-sources", SourceBody.class, SourceBody::id).ensureCreated();
    }

    private dev.shenava.alerts.Alerts alerts() {
        dev.shenava.store.StoreConfig d = dev.shenava.store.StoreConfig.defaults();
        dev.shenava.store.Store store = dev.shenava.store.Store.of(new dev.shenava.store.StoreConfig(d.url(), d.dataDir(),
                d.port(), d.heap(), d.startTimeout(), d.apiKeyEnv(), d.usernameEnv(), d.passwordEnv(), d.caCertificate(),
                mentions.name()), es);
        return dev.shenava.alerts.Alerts.create(store, dev.shenava.alerts.AlertsConfig.defaults(), new okhttp3.OkHttpClient());
    }

    void routes(HttpRouting.Builder r, Clock clock) {
        String alias = mentions.name();
        ApiErrors.register(r);
        r.register("/api/v1/mentions", new ExportRoutes(MentionExport.create(es, alias), ElasticsearchClients.objectMapper()))
                .register("/api/v1/mentions", new MentionOverrideRoutes(mentions,
                        MentionOverrides.create(es, alias, clock)))
                .register("/api/v1/mentions", new MentionRoutes(mentions, QueryCompiler::compile))
                .register("/api/v1/stats", new StatsRoutes(MentionStats.create(es, alias),
                        RecordIndex.create(es, brands.name(), Brand.class, Brand::id), clock))
                .register("/api/v1/brands", new RecordRoutes<>("brand", brands, BrandBody.class, BrandBody::id,
                        BrandBody::validated, () -> { }))
                .register("/api/v1/sources", new RecordRoutes<>("source", sources, SourceBody.class, SourceBody::id,
                        SourceBody::validated, () -> { }))
                .register("/api/v1", new AlertRoutes(alerts()))
                .register("/api/v1/analyze", new AnalyzeRoutes(TextAnalyzer.create()))
                .register("/api/v1/openapi.yaml", new OpenApiRoutes());
    }
}
