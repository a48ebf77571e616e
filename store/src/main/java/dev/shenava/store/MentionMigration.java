package dev.shenava.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * Moves the mentions of an older index version ({@code <alias>-v1} or {@code <alias>-v2}) into the current one
 * and points the alias at it: the older index is made read-only, every document is copied into the new index
 * (which gets the current template: sorting, offsets, the normalised title, the id's hash as tie-breaker) with
 * what the current version adds (a v1 title brought into its search form, every document's {@code idHash}),
 * the counts are compared, the alias moves in one atomic step and the older index is deleted. The copy runs in
 * this process, so the node needs no reindex module. Analysts' overrides live in their own index and in the
 * copied documents, so none is lost. A migration that died half-way (the alias still on the older index, no
 * heartbeat from the new one) is started afresh; a process that starts while another one migrates waits for it.
 */
final class MentionMigration {

    private static final Logger LOG = Logger.getLogger(MentionMigration.class.getName());
    private static final int PAGE = 1000;
    private static final int WRITERS = 2;
    private static final String KEEP_ALIVE = "5m";
    private static final String HEARTBEAT = "migrationHeartbeat";
    private static final long HEARTBEAT_MILLIS = 10_000;
    private static final long WAIT_MILLIS = 60 * 60 * 1000L;

    private final ElasticsearchClient es;
    private final String alias;
    private final String from;
    private final String to;

    MentionMigration(ElasticsearchClient es, String alias, String from, String to) {
        this.es = es;
        this.alias = alias;
        this.from = from;
        this.to = to;
    }

    /** Runs the migration, or waits for another process's migration of the same alias to finish. */
    void run() throws IOException {
        if (es.indices().exists(e -> e.index(to)).value()) {
            if (copyRunning()) {
                awaitAlias();
                return;
            }
            LOG.warning(() -> "removing " + to + " left by an unfinished migration of " + alias);
            es.indices().delete(d -> d.index(to));
        }
        try {
            es.indices().create(c -> c.index(to));
        } catch (ElasticsearchException e) {
            if ("resource_already_exists_exception".equals(e.error().type())) {
                awaitAlias();
                return;
            }
            throw e;
        }
        long started = System.nanoTime();
        LOG.info(() -> "migrating " + alias + " from " + from + " to " + to + "; writes fail until it is done");
        heartbeat();
        es.indices().putSettings(p -> p.index(from).settings(s -> s.blocks(b -> b.write(true))));
        es.indices().refresh(r -> r.index(from));
        long titles = copy();
        es.indices().refresh(r -> r.index(to));
        long before = es.count(c -> c.index(from)).count();
        long after = es.count(c -> c.index(to)).count();
        if (before != after) {
            throw new StoreException("migration of " + alias + " copied " + after + " of " + before
                    + " mentions into " + to + "; " + from + " is left as it was (read-only): restart to try again");
        }
        es.indices().updateAliases(u -> u
                .actions(a -> a.remove(r -> r.index(from).alias(alias)))
                .actions(a -> a.add(ad -> ad.index(to).alias(alias).isWriteIndex(true))));
        es.indices().delete(d -> d.index(from));
        LOG.info(() -> String.format("migrated %,d mentions of %s from %s to %s in %.1f s (%,d titles normalised)",
                after, alias, from, to, (System.nanoTime() - started) / 1e9, titles));
    }

    /**
     * Deletes an older index version a migration copied completely but did not get to delete (the process
     * died between moving the alias and deleting it): one the alias no longer points at and that the
     * migration made read-only. Any other index of that name is left alone.
     *
     * @param es    the client
     * @param alias the mention alias, already on the current version
     * @param older the older index's name
     */
    static void removeLeftover(ElasticsearchClient es, String alias, String older) throws IOException {
        if (!es.indices().exists(e -> e.index(older)).value()
                || es.indices().getAlias(a -> a.name(alias)).result().containsKey(older)) {
            return;
        }
        var settings = es.indices().getSettings(g -> g.index(older)).result().get(older);
        var blocks = settings == null || settings.settings() == null || settings.settings().index() == null
                ? null : settings.settings().index().blocks();
        if (blocks != null && Boolean.TRUE.equals(blocks.write())) {
            LOG.info(() -> "removing " + older + ", left read-only by a finished migration of " + alias);
            es.indices().delete(d -> d.index(older));
        }
    }

    /**
     * Copies every document as it is, except that it gets its id's hash ({@link MentionDocument#idHash}) and,
     * coming from version 1 (which kept titles as posted), a title is stored in its search form with the title
     * as posted beside it. A point in time over the older index (read-only by now) is read page by page while
     * the previous pages are written.
     *
     * @return how many titles changed
     */
    private long copy() throws IOException {
        String pit = es.openPointInTime(p -> p.index(from).keepAlive(k -> k.time(KEEP_ALIVE))).id();
        long titles = 0;
        boolean fromVersionOne = from.endsWith("-v1");
        long beat = System.currentTimeMillis();
        try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
            java.util.ArrayDeque<Future<?>> pending = new java.util.ArrayDeque<>();
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> cursor = after;
                SearchResponse<ObjectNode> page = es.search(s -> {
                    s.size(PAGE).trackTotalHits(t -> t.enabled(false))
                            .pit(p -> p.id(pit).keepAlive(k -> k.time(KEEP_ALIVE)))
                            .sort(o -> o.field(f -> f.field("_shard_doc")));
                    if (cursor != null) {
                        s.searchAfter(cursor);
                    }
                    return s;
                }, ObjectNode.class);
                List<Hit<ObjectNode>> hits = page.hits().hits();
                List<BulkOperation> ops = new ArrayList<>(hits.size());
                for (Hit<ObjectNode> hit : hits) {
                    ObjectNode doc = hit.source();
                    doc.put("idHash", MentionDocument.idHash(hit.id()));
                    if (fromVersionOne && doc.hasNonNull("title") && !doc.hasNonNull("originalTitle")) {
                        String title = doc.get("title").asText();
                        String search = MentionDocument.searchTitle(title);
                        if (!search.equals(title)) {
                            doc.put("title", search);
                            doc.put("originalTitle", title);
                            titles++;
                        }
                    }
                    ops.add(BulkOperation.of(op -> op.index(ix -> ix.index(to).id(hit.id()).document(doc))));
                }
                if (pending.size() >= WRITERS) {
                    await(pending.removeFirst());
                }
                if (!ops.isEmpty()) {
                    pending.addLast(writers.submit(() -> write(ops)));
                }
                if (System.currentTimeMillis() - beat > HEARTBEAT_MILLIS) {
                    heartbeat();
                    beat = System.currentTimeMillis();
                }
                if (hits.size() < PAGE) {
                    break;
                }
                after = hits.getLast().sort();
            }
            while (!pending.isEmpty()) {
                await(pending.removeFirst());
            }
        } finally {
            try {
                es.closePointInTime(c -> c.id(pit));
            } catch (IOException | RuntimeException e) {
                // The point in time expires by itself after its keep-alive.
            }
        }
        return titles;
    }

    private void await(Future<?> pending) throws IOException {
        if (pending == null) {
            return;
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while migrating " + alias + " to " + to, e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException r -> throw r;
                default -> throw new StoreException("migrating " + alias + " to " + to + " failed: " + e.getCause(), e);
            }
        }
    }

    private Void write(List<BulkOperation> ops) throws IOException {
        BulkResponse r = es.bulk(b -> b.operations(ops));
        if (r.errors()) {
            throw new StoreException("copying " + from + " into " + to + " failed: " + r.items().stream()
                    .filter(i -> i.error() != null).findFirst()
                    .map(i -> i.id() + ": " + i.error().type() + ": " + i.error().reason()).orElse("?"));
        }
        return null;
    }

    /** Tells processes starting meanwhile that this migration is alive (see {@link #copyRunning()}). */
    private void heartbeat() throws IOException {
        es.indices().putMapping(p -> p.index(to).meta(HEARTBEAT, JsonData.of(System.currentTimeMillis())));
    }

    private boolean copyRunning() throws IOException {
        var mapping = es.indices().getMapping(g -> g.index(to)).result().get(to);
        JsonData beat = mapping == null ? null : mapping.mappings().meta().get(HEARTBEAT);
        return beat != null && System.currentTimeMillis() - beat.to(Long.class) < 4 * HEARTBEAT_MILLIS;
    }

    private void awaitAlias() throws IOException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (es.indices().getAlias(a -> a.name(alias)).result().containsKey(to)) {
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreException("interrupted while waiting for the migration of " + alias + " to " + to, e);
            }
        }
        throw new StoreException("another process has been migrating " + alias + " to " + to + " for an hour");
    }
}
