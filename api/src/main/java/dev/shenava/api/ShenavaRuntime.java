package dev.shenava.api;

import dev.shenava.crawler.Source;
import dev.shenava.nlp.Brand;
import dev.shenava.nlp.TextAnalyzer;
import dev.shenava.store.MentionJournal;
import dev.shenava.store.RecordIndex;
import dev.shenava.store.Store;
import dev.shenava.store.StoreConfig;
import io.helidon.config.Config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * What a running Shenava process holds: configuration, store, journal, analyser and pipeline.
 * Built with {@code new} in one place; closed in reverse order.
 */
final class ShenavaRuntime implements AutoCloseable {

    private final Config config;
    private final Store store;
    private final MentionJournal journal;
    private final IngestPipeline pipeline;
    private final RecordIndex<Brand> brandIndex;
    private final RecordIndex<BrandBody> brandBodies;
    private final TextAnalyzer analyzer;
    private volatile Runnable sourcesChanged = () -> { };
    private volatile List<Source> configuredSources;

    private ShenavaRuntime(Config config, Store store, TextAnalyzer analyzer) {
        this.config = config;
        this.store = store;
        this.brandIndex = store.records("brands", Brand.class, Brand::id);
        this.analyzer = analyzer;
        this.journal = store.openJournal();
        this.brandBodies = store.records("brands", BrandBody.class, BrandBody::id);
        this.pipeline = IngestPipeline.create(analyzer, journal, List.of());
        pipeline.brands(brands(), brandQueries());
    }

    /**
     * Opens the store (starting the embedded node if configured so) and everything on top of it. The
     * analyser's models load and {@code warmUp} runs while the node starts.
     *
     * @param config the root configuration
     * @param warmUp more work to do while the node starts
     * @return the runtime
     */
    static ShenavaRuntime open(Config config, Runnable warmUp) {
        CompletableFuture<TextAnalyzer> analyzer = new CompletableFuture<>();
        Thread.ofPlatform().name("shenava-warm-up").start(() -> {
            try {
                analyzer.complete(TextAnalyzer.create());
                warmUp.run();
            } catch (RuntimeException | Error e) {
                analyzer.completeExceptionally(e);
            }
        });
        Store store = Store.open(StoreConfig.create(config.get("store")));
        try {
            return new ShenavaRuntime(config, store, analyzer.join());
        } catch (RuntimeException e) {
            store.close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /**
     * A runtime over an existing store (tests).
     *
     * @param config the root configuration
     * @param store  the store
     * @return the runtime
     */
    static ShenavaRuntime of(Config config, Store store) {
        return new ShenavaRuntime(config, store, TextAnalyzer.create());
    }

    Config config() {
        return config;
    }

    Store store() {
        return store;
    }

    MentionJournal journal() {
        return journal;
    }

    IngestPipeline pipeline() {
        return pipeline;
    }

    TextAnalyzer analyzer() {
        return analyzer;
    }

    /** Re-reads the brands (the API may have changed them) into the pipeline; a failure keeps the old ones. */
    void reloadBrands() {
        try {
            pipeline.brands(brands(), brandQueries());
        } catch (RuntimeException e) {
            System.getLogger(ShenavaRuntime.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot reload brands: " + e.getMessage());
        }
    }

    /** Brands from the configuration, and from the brands index (which wins on the same id). */
    List<Brand> brands() {
        Map<String, Brand> all = new LinkedHashMap<>();
        ShenavaConfig.brands(config).forEach(b -> all.put(b.id(), b));
        brandIndex.list(10_000).forEach(b -> all.put(b.id(), b));
        return new ArrayList<>(all.values());
    }

    /** Advanced queries by brand id, from the configuration and the brands index (which wins on the same id). */
    Map<String, String> brandQueries() {
        Map<String, String> all = new LinkedHashMap<>(ShenavaConfig.brandQueries(config));
        for (BrandBody b : brandBodies.list(10_000)) {
            if (b.query() == null || b.query().isBlank()) {
                all.remove(b.id());
            } else {
                all.put(b.id(), b.query());
            }
        }
        return all;
    }

    RecordIndex<Brand> brandIndex() {
        return brandIndex;
    }

    /** Registers brands in the brands index and in the pipeline. */
    void register(List<Brand> brands) {
        brands.forEach(brandIndex::put);
        pipeline.brands(brands(), brandQueries());
    }

    /**
     * The configuration file's sources, read on first use and kept: the file does not change while the process runs,
     * and a source in it that cannot be read is warned about once, not at each reload of the sources.
     *
     * @return the sources, in the file's order
     */
    List<Source> configuredSources() {
        List<Source> sources = configuredSources;
        if (sources == null) {
            synchronized (this) {
                sources = configuredSources;
                if (sources == null) {
                    sources = List.copyOf(CrawlService.configured(config));
                    configuredSources = sources;
                }
            }
        }
        return sources;
    }

    /** Sets what runs after a source is created, changed or deleted through the API (the crawler reloads). */
    void onSourcesChanged(Runnable action) {
        this.sourcesChanged = action;
    }

    /** Tells the crawler that the sources changed. */
    void sourcesChanged() {
        sourcesChanged.run();
    }

    @Override
    public void close() {
        journal.close();
        store.close();
    }
}
