package dev.shenava.api;

import dev.shenava.crawler.CrawlContext;
import dev.shenava.crawler.CrawlOnce;
import dev.shenava.crawler.CrawlerConfig;
import dev.shenava.crawler.FileCursorStore;
import dev.shenava.crawler.Post;
import dev.shenava.crawler.Scheduler;
import dev.shenava.crawler.Source;
import dev.shenava.crawler.SourceKind;
import dev.shenava.crawler.SourceStatus;
import dev.shenava.store.RecordIndex;
import io.helidon.config.Config;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Runs the crawler inside the service: sources from the configuration and the sources index, posts through the
 * ingest pipeline (brand matching, analysis, durable journal), cursors in files under the data folder, and each
 * source's status in the {@code source-status} index for GET /api/v1/sources.
 */
final class CrawlService implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CrawlService.class.getName());

    private final ShenavaRuntime runtime;
    private final RecordIndex<SourceStatusDoc> statuses;
    private final Scheduler scheduler;
    private final Map<String, Source> known = new HashMap<>();
    private final Set<String> scheduled = new HashSet<>();
    private final ReentrantLock lock = new ReentrantLock();

    /**
     * A source's status as stored and served.
     *
     * @param source       source id
     * @param lastSuccess  ISO instant or null
     * @param lastError    what to fix, empty when fine
     * @param postsFetched posts handed on since start
     * @param nextPoll     ISO instant or null
     * @param state        pending, polling, ok, failing, disabled
     */
    record SourceStatusDoc(String source, String lastSuccess, String lastError, long postsFetched, String nextPoll,
                           String state) {

        static SourceStatusDoc of(SourceStatus s) {
            return new SourceStatusDoc(s.source(), text(s.lastSuccess()), s.lastError(), s.postsFetched(),
                    text(s.nextPoll()), s.state().id());
        }

        /** The status as GET /api/v1/sources shows it (nulls kept: never succeeded, nothing scheduled). */
        Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("lastSuccess", lastSuccess);
            m.put("lastError", lastError);
            m.put("postsFetched", postsFetched);
            m.put("nextPoll", nextPoll);
            m.put("state", state);
            return m;
        }

        /**
         * The statuses index, read by the sources routes and written by the crawler.
         *
         * @param store the store
         * @return the index
         */
        static RecordIndex<SourceStatusDoc> index(dev.shenava.store.Store store) {
            return store.records("source-status", SourceStatusDoc.class, SourceStatusDoc::source);
        }

        private static String text(Instant i) {
            return i == null ? null : i.toString();
        }
    }

    private CrawlService(ShenavaRuntime runtime) {
        this.runtime = runtime;
        Config crawler = runtime.config().get("crawler");
        CrawlerConfig config = CrawlerConfig.from(key -> crawler.get(key).asString().orElse(null));
        this.statuses = SourceStatusDoc.index(runtime.store());
        this.scheduler = Scheduler.create(CrawlContext.create(config), this::accept,
                FileCursorStore.create(runtime.store().config().dataDir().resolve("cursors")),
                status -> statuses.put(SourceStatusDoc.of(status)));
    }

    /**
     * A crawl service over a running runtime; nothing is polled until {@link #start()} or {@link #once()}.
     *
     * @param runtime the runtime
     * @return the service
     */
    static CrawlService create(ShenavaRuntime runtime) {
        return new CrawlService(runtime);
    }

    /**
     * Whether {@code crawler.enabled} (default true) lets the service poll.
     *
     * @param config the root configuration
     * @return true to poll
     */
    static boolean enabled(Config config) {
        return config.get("crawler.enabled").asBoolean().orElse(true);
    }

    /** Schedules every enabled source. */
    void start() {
        lock.lock();
        try {
            startLocked();
        } finally {
            lock.unlock();
        }
    }

    private void startLocked() {
        List<Source> sources = sources();
        sources.forEach(scheduler::schedule);
        sources.forEach(s -> known.put(s.id(), s));
        sources.forEach(s -> scheduled.add(s.id()));
        LOG.log(System.Logger.Level.INFO, "crawler polling " + sources.stream().filter(Source::enabled).count()
                + " source(s)");
    }

    /**
     * Polls every enabled source once.
     *
     * @return one summary line per source
     */
    List<String> once() {
        return once(sources());
    }

    /**
     * Polls the given sources once.
     *
     * @param sources the sources
     * @return one summary line per source
     */
    List<String> once(List<Source> sources) {
        return CrawlOnce.create(scheduler).run(sources);
    }

    /** Re-reads the sources after a change through the API: new and changed ones (re)scheduled, removed ones stopped. */
    void reload() {
        lock.lock();
        try {
            reloadLocked();
        } finally {
            lock.unlock();
        }
    }

    private void reloadLocked() {
        List<Source> now = sources();
        Set<String> ids = now.stream().map(Source::id).collect(Collectors.toSet());
        scheduled.stream().filter(id -> !ids.contains(id)).forEach(scheduler::unschedule);
        for (Source s : now) {
            if (!s.equals(known.get(s.id()))) {
                scheduler.schedule(s);
            }
        }
        known.clear();
        now.forEach(s -> known.put(s.id(), s));
        scheduled.clear();
        scheduled.addAll(ids);
    }

    /**
     * (Re)schedules a source after it was created or changed through the API; a disabled source stops polling.
     *
     * @param source the source
     */
    void schedule(Source source) {
        scheduler.schedule(source);
    }

    /**
     * Stops polling a deleted source.
     *
     * @param id the source id
     */
    void unschedule(String id) {
        scheduler.unschedule(id);
    }

    /**
     * A source's last known status.
     *
     * @param id the source id
     * @return its status, empty when never polled
     */
    Optional<SourceStatusDoc> status(String id) {
        return statuses.get(id);
    }

    private void accept(Source source, List<Post> posts) {
        // a source that lists brands is about those only; one that lists none is matched against every brand.
        // returns once the mentions are in the durable journal
        runtime.pipeline().submit(posts, Set.copyOf(source.brands()));
    }

    /** Sources from the {@code sources} configuration list, then the sources index (which wins on the same id). */
    List<Source> sources() {
        Map<String, Source> all = new LinkedHashMap<>();
        runtime.configuredSources().forEach(s -> all.put(s.id(), s));
        for (SourceBody b : runtime.store().records("sources", SourceBody.class, SourceBody::id).list(10_000)) {
            add(all, b.id(), b.kind(), b.params(), b.brands(), b.intervalSeconds() == null ? 900 : b.intervalSeconds(),
                    b.credentialEnv(), b.enabled() == null || b.enabled());
        }
        return new ArrayList<>(all.values());
    }

    /**
     * The sources of the {@code sources} configuration list, in its order; one that cannot be read is skipped with a
     * warning.
     *
     * @param config the service's configuration
     * @return the sources
     */
    static List<Source> configured(Config config) {
        Map<String, Source> all = new LinkedHashMap<>();
        for (Config s : config.get("sources").asNodeList().orElse(List.of())) {
            Map<String, String> params = new LinkedHashMap<>();
            for (Config p : s.get("params").asNodeList().orElse(List.of())) {
                p.asString().ifPresent(v -> params.put(p.name(), v));
            }
            add(all, s.get("id").asString().orElse(null), s.get("kind").asString().orElse(""), params,
                    s.get("brands").asList(String.class).orElse(List.of()),
                    s.get("interval-seconds").asLong().orElse(900L), s.get("credential-env").asString().orElse(""),
                    s.get("enabled").asBoolean().orElse(true));
        }
        return new ArrayList<>(all.values());
    }

    private static void add(Map<String, Source> all, String id, String kind, Map<String, String> params,
                            List<String> brands, long intervalSeconds, String credentialEnv, boolean enabled) {
        try {
            all.put(id, new Source(id, SourceKind.parse(kind), params, brands, Duration.ofSeconds(intervalSeconds),
                    credentialEnv, enabled));
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "skipping source: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
