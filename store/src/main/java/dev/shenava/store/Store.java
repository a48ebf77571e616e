package dev.shenava.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the store is, wired: the embedded node or the external cluster, the client, the mention
 * index and the record indices (brands, sources, alert rules). Close it at shutdown.
 */
public final class Store implements AutoCloseable {

    private final StoreConfig config;
    private final Optional<EmbeddedElasticsearch> node;
    private final ElasticsearchClient client;
    private final MentionIndex mentions;
    private final boolean ownsClient;

    private Store(StoreConfig config, Optional<EmbeddedElasticsearch> node, ElasticsearchClient client, boolean ownsClient) {
        this.config = config;
        this.node = node;
        this.client = client;
        this.ownsClient = ownsClient;
        this.mentions = MentionIndex.create(client, config.index());
    }

    /**
     * Starts the embedded node (no {@code store.url}) or connects to the configured cluster, and creates
     * the indices that are missing.
     *
     * @param config the store configuration
     * @return the store
     */
    public static Store open(StoreConfig config) {
        Optional<EmbeddedElasticsearch> node = Optional.empty();
        ElasticsearchClient client;
        if (config.url().isPresent()) {
            client = ElasticsearchClients.create(config.url().get(), config, System.getenv());
        } else {
            node = Optional.of(EmbeddedElasticsearch.create(config).start());
            client = ElasticsearchClients.create(node.get().url());
        }
        Store store = new Store(config, node, client, true);
        store.mentions.ensureCreated();
        return store;
    }

    /**
     * A store over an existing client (tests, tools); nothing is started, stopped or closed.
     *
     * @param config the configuration (index names)
     * @param client the client
     * @return the store, indices created
     */
    public static Store of(StoreConfig config, ElasticsearchClient client) {
        Store store = new Store(config, Optional.empty(), client, false);
        store.mentions.ensureCreated();
        return store;
    }

    /** @return the configuration */
    public StoreConfig config() {
        return config;
    }

    /** @return the client, shared by everything in this process */
    public ElasticsearchClient client() {
        return client;
    }

    /** @return the mention index */
    public MentionIndex mentions() {
        return mentions;
    }

    /** @return the embedded node, when running one */
    public Optional<EmbeddedElasticsearch> node() {
        return node;
    }

    /**
     * A record index next to the mention index: {@code records("brands", Brand.class, Brand::id)} is
     * {@code shenava-brands} for the default {@code shenava-mentions}.
     *
     * @param plural what it holds ({@code brands}, {@code sources}, {@code alert-rules}, ...)
     * @param type   the record class
     * @param idOf   how to read a record's id
     * @param <T>    the record type
     * @return the index, created when missing
     */
    public <T> RecordIndex<T> records(String plural, Class<T> type, java.util.function.Function<T, String> idOf) {
        String prefix = config.index().substring(0, config.index().length() - "mentions".length());
        return RecordIndex.create(client, prefix + plural, type, idOf).ensureCreated();
    }

    /**
     * Opens the journal that feeds the mention index, under {@code <data-dir>/journal}.
     *
     * @return the journal; close it before the store
     */
    public MentionJournal openJournal() {
        return MentionJournal.openFreeSlot(config.dataDir().resolve("journal"), mentions);
    }

    /**
     * Cluster health as Elasticsearch reports it.
     *
     * @return status ({@code green}, {@code yellow}, {@code red}) and cluster name, or the error
     */
    public Map<String, String> health() {
        try {
            var h = client.cluster().health();
            return Map.of("status", h.status().jsonValue(), "cluster", h.clusterName());
        } catch (IOException | RuntimeException e) {
            return Map.of("status", "unreachable", "error", String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void close() {
        if (!ownsClient) {
            return;
        }
        try {
            client.close();
        } catch (IOException ignored) {
            // closing at shutdown
        }
        node.ifPresent(EmbeddedElasticsearch::close);
    }
}
