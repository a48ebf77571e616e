package dev.shenava.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import dev.shenava.store.ElasticsearchClients;
import dev.shenava.store.EmbeddedElasticsearch;
import dev.shenava.store.Mention;
import dev.shenava.store.MentionFilter;
import dev.shenava.store.MentionIndex;
import dev.shenava.store.MentionSort;
import dev.shenava.store.QueryCompiler;
import dev.shenava.store.MentionStats;
import dev.shenava.store.RecordIndex;
import dev.shenava.store.StoreConfig;
import dev.shenava.nlp.Brand;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code bench query}: loads synthetic mentions and measures the query API under 50 concurrent
 * clients, printing p50/p95/p99 for searches and for the dashboard overview.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Load synthetic mentions, then measure search and dashboard-overview latency under concurrent clients.")
public final class QueryBench implements Callable<Integer> {

    static final String INDEX = "shenava-bench-mentions";
    /** Cold searches per client in a warm-up round. */
    private static final int WARM_UP_ROUND = 20;
    /** A warm-up round improves on the best before it when its CPU per search is lower by this fraction. */
    private static final double WARM_UP_SETTLED = 0.05;
    /** The warm-up ends after this many rounds in a row that did not improve. */
    private static final int WARM_UP_PATIENCE = 3;
    /**
     * The warm-up runs at least this many rounds: on a machine where other processes come and go, three rounds
     * without improvement came after six, with the service's JIT compilers still busy for seconds per round.
     */
    private static final int WARM_UP_MIN_ROUNDS = 10;
    /**
     * A round in which the node's JIT compilers took more than this share of its CPU does not count towards the
     * end of the warm-up: a node started for the bench was still compiling after ten rounds (its compilers took a
     * fifth of its CPU over its first twenty minutes, almost nothing after), and its CPU per search halved once
     * they were done.
     */
    private static final double NODE_JIT_SETTLED = 0.05;

    @Option(names = "--mentions", description = "Synthetic mentions to load (default ${DEFAULT-VALUE}).")
    long mentions = 1_000_000;

    @Option(names = "--clients", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients = 50;

    @Option(names = "--requests", description = "Requests per client and kind (default ${DEFAULT-VALUE}).")
    int requests = 40;

    @Option(names = "--phases", split = ",", description = "Parts to run, comma separated (default: all of ${DEFAULT-VALUE}).")
    List<String> phases = List.of("profile", "search", "search-cold", "overview", "overview-cold");

    @Option(names = "--warm-up-rounds", description = "At most this many warm-up rounds of searches (default ${DEFAULT-VALUE}); "
            + "the warm-up ends sooner once the CPU per search stops falling.")
    int warmUpRounds = 30;

    @Option(names = "--config", description = "Configuration file (store.url for an external cluster).")
    String config;

    private final PrintStream out = System.out;
    private AnswerCache statsCache;
    private AnswerCache searchCache;

    @Override
    public Integer call() throws Exception {
        Config root = config == null ? Config.create() : Config.builder()
                .addSource(io.helidon.config.ConfigSources.file(config)).build();
        StoreConfig store = StoreConfig.create(root.get("store"));
        EmbeddedElasticsearch node = store.url().isPresent() ? null : EmbeddedElasticsearch.create(store).start();
        String url = store.url().orElseGet(() -> node.url());
        try (ElasticsearchClient es = ElasticsearchClients.create(url, store, System.getenv())) {
            MentionIndex index = MentionIndex.create(es, INDEX).ensureCreated();
            Instant end = Instant.now();
            load(index, end);
            merge(es, index);
            run(es, index);
            return 0;
        } finally {
            if (node != null) {
                node.close();
            }
        }
    }

    private void load(MentionIndex index, Instant end) throws Exception {
        long present = index.count(dev.shenava.store.MentionFilter.ALL);
        if (present >= mentions) {
            out.printf("using the %,d mentions already in %s%n", present, INDEX);
            return;
        }
        out.printf("loading %,d synthetic mentions into %s ...%n", mentions - present, INDEX);
        long started = System.nanoTime();
        int batch = 2000;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<?>> pending = new ArrayList<>();
            for (long from = present; from < mentions; from += batch) {
                long start = from;
                long stop = Math.min(mentions, from + batch);
                pending.add(pool.submit(() -> {
                    SyntheticMentions gen = new SyntheticMentions(start, end, Duration.ofDays(60));
                    List<Mention> docs = new ArrayList<>(batch);
                    for (long n = start; n < stop; n++) {
                        docs.add(gen.next(n));
                    }
                    index.write(docs);
                }));
                if (pending.size() > 8) {
                    pending.removeFirst().get();
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
        }
        index.refresh();
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("loaded in %.1f s (%,.0f mentions/s)%n", seconds, (mentions - present) / seconds);
    }

    /**
     * Merges the bench index into one segment, as a loaded index that no longer changes ends up; the time it
     * took is printed. An index that is already merged is left alone.
     */
    private void merge(ElasticsearchClient es, MentionIndex index) throws Exception {
        int segments = es.indices().segments(g -> g.index(index.concreteIndex())).indices().values().stream()
                .flatMap(i -> i.shards().values().stream()).flatMap(s -> s.stream())
                .mapToInt(s -> s.segments().size()).sum();
        if (segments <= 1) {
            out.printf("%s has %d segment; not merged%n", index.concreteIndex(), segments);
            return;
        }
        long started = System.nanoTime();
        String task = es.indices().forcemerge(f -> f.index(index.concreteIndex()).maxNumSegments(1L)
                .waitForCompletion(false)).task();
        while (!es.tasks().get(g -> g.taskId(task)).completed()) {
            Thread.sleep(2000);
        }
        out.printf("merged %s from %d segments into 1 in %.1f s%n", index.concreteIndex(), segments,
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Where a search's time goes: each query of the bench mix alone (no filter, newest first, 20 per page),
     * five times in a row, one request at a time; prints the medians of Elasticsearch's own {@code took}
     * for the request the service sends (it highlights in-process), of the same request with
     * Elasticsearch's highlighter (as before index version 2), and of the whole API round trip.
     */
    private void profile(ElasticsearchClient es, MentionIndex index, BenchClients bench) throws Exception {
        out.println("query (alone, 5 runs, median ms)             es-took  es-took-es-highlight  api-round-trip");
        for (String q : BenchClients.QUERIES) {
            MentionFilter filter = MentionFilter.ALL.withQuery(QueryCompiler.compile(q));
            SearchRequest request = index.searchRequest(filter, MentionSort.NEWEST, 20, null, false, false);
            SearchRequest highlighted = index.searchRequest(filter, MentionSort.NEWEST, 20, null, false, true);
            double[] took = new double[5];
            double[] marked = new double[5];
            double[] trip = new double[5];
            for (int i = 0; i < 5; i++) {
                took[i] = es.search(request, Void.class).took();
                marked[i] = es.search(highlighted, Void.class).took();
                trip[i] = bench.timeSearch(q, i);
            }
            out.printf("  %-42s %7.0f  %20.0f  %14.1f%n", q, median(took), median(marked), median(trip));
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private void run(ElasticsearchClient es, MentionIndex index) throws Exception {
        RecordIndex<Brand> brands = RecordIndex.create(es, "shenava-bench-brands", Brand.class, Brand::id).ensureCreated();
        brands.put(new Brand("acme", "Acme", List.of("acme"), List.of(), List.of("rival", "third")));
        statsCache = AnswerCache.create(AnswerCache.DEFAULT_TTL);
        searchCache = AnswerCache.create(AnswerCache.DEFAULT_SEARCH_TTL);
        WebServer server = WebServer.builder().host("127.0.0.1").port(0)
                .routing(r -> {
                    ApiErrors.register(r);
                    r.register("/api/v1/stats", new StatsRoutes(MentionStats.create(es, INDEX), brands, Clock.systemUTC(),
                                    statsCache))
                            .register("/api/v1/mentions", new MentionRoutes(index, dev.shenava.store.QueryCompiler::compile,
                                    searchCache));
                })
                .build().start();
        try {
            BenchClients bench = new BenchClients("http://127.0.0.1:" + server.port(), clients, requests);
            warmUp(es, bench);
            out.printf("%d clients, %d requests each per kind, %,d mentions; load average %.2f%n", clients, requests,
                    index.count(dev.shenava.store.MentionFilter.ALL),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            out.println("overview = timeseries + touchpoints + share of voice + trending in parallel, default range"
                    + " (caches warm); *-cold = each request asks its own time range, so no cache can answer it");
            print(es, "search", bench::searches);
            print(es, "search-cold", bench::coldSearches);
            print(es, "overview", bench::overviews);
            print(es, "overview-cold", bench::coldOverviews);
            // last: its requests (Elasticsearch's own highlighter among them) take paths the service never takes,
            // and run before the measured phases they set the JIT compilers of the node to work again
            if (phases.contains("profile")) {
                profile(es, index, bench);
                out.println("overview parts (alone, 5 runs over ranges no cache has seen, median ms):");
                bench.overviewParts().forEach((path, ms) -> out.printf("  %-44s %7.1f%n", path, ms));
            }
        } finally {
            server.stop();
        }
    }

    /**
     * Warms the node and the service up until a search costs what it costs in a node that has been up for a
     * while: a few overviews first, so that the last requests before the measured searches are searches (code the
     * two share would otherwise meet new callers just before the measurement), then rounds of
     * {@value #WARM_UP_ROUND} searches per client ({@link BenchClients#warmUpSearches(int)}), at least {@value #WARM_UP_MIN_ROUNDS} rounds and then until {@value #WARM_UP_PATIENCE} rounds in a row have
     * not cut the CPU per search (node and this JVM together) 5% below the lowest before them, nor seen the node's JIT
     * compilers take more than {@value #NODE_JIT_SETTLED} of its CPU (where the node runs on this machine), at most
     * {@code --warm-up-rounds}. A freshly started node spends about twice the CPU per search of one that has
     * answered some thousands (its JIT compilers at work), which is not what a service that has been up for a while
     * costs. Each round's figures are printed; nothing is timed.
     */
    private void warmUp(ElasticsearchClient es, BenchClients bench) throws Exception {
        long warming = System.nanoTime();
        int sent = 0;
        double best = Double.MAX_VALUE;
        int stale = 0;
        sent += bench.warmUpOverviews();
        BenchGauges before = BenchGauges.settled(es);
        int least = Math.min(WARM_UP_MIN_ROUNDS, warmUpRounds);
        for (int round = 1; round <= warmUpRounds && (round <= least || stale < WARM_UP_PATIENCE); round++) {
            int n = bench.warmUpSearches(WARM_UP_ROUND);
            BenchGauges after = BenchGauges.settled(es);
            double[] per = after.cpuPerRequest(before, n);
            sent += n;
            out.printf("warm-up round %d: %,d searches, cpu per search: elasticsearch %.2f ms, service + bench clients"
                    + " %.2f ms; %s%n", round, n, per[0], per[1], after.since(before));
            double compiling = after.nodeJitShare(before);
            before = after;
            double cost = per[0] + per[1];
            stale = cost < best * (1 - WARM_UP_SETTLED) || compiling > NODE_JIT_SETTLED ? 0 : stale + 1;
            best = Math.min(best, cost);
        }
        out.printf("warmed up with %,d requests in %.1f s (ranges no measured request asks; nothing timed)%n", sent,
                (System.nanoTime() - warming) / 1e9);
    }

    /** A phase of the bench: its requests, timed. */
    private interface Phase {
        BenchClients.Result run() throws Exception;
    }

    /**
     * Runs a phase and prints its latencies and the CPU each request cost: in the Elasticsearch node(s) and in
     * this JVM (the service and the bench's clients together), then what other processes, the node's search pool,
     * the collectors and the JIT compilers did meanwhile ({@link BenchGauges}).
     */
    private void print(ElasticsearchClient es, String what, Phase phase) throws Exception {
        if (!phases.contains(what)) {
            return;
        }
        AnswerCache cache = what.startsWith("search") ? searchCache : statsCache;
        AnswerCache.Counts cachedBefore = cache.counts();
        BenchGauges before = BenchGauges.settled(es);
        BenchClients.Result r = phase.run();
        AnswerCache.Counts cached = cache.counts().since(cachedBefore);
        BenchGauges after = BenchGauges.settled(es);
        double[] per = after.cpuPerRequest(before, r.count());
        double esPer = per[0];
        double jvmPer = per[1];
        out.printf("%-13s n=%d  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  max=%.1f ms  errors=%d  (%.0f/s)  load average %.2f%n",
                what, r.count(), r.percentile(50), r.percentile(95), r.percentile(99), r.percentile(100), r.errors(),
                r.throughput(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf("%-13s cpu per request: elasticsearch %.2f ms, service + bench clients %.2f ms%n", "", esPer, jvmPer);
        out.printf("%-13s %s%n", "", after.since(before));
        out.printf("%-13s %s cache: %s%n", "", what.startsWith("search") ? "search" : "statistics", cached);
    }
}
