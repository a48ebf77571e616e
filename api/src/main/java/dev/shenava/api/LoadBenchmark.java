package dev.shenava.api;

import dev.shenava.crawler.Post;
import dev.shenava.crawler.SourceKind;
import dev.shenava.nlp.Brand;
import dev.shenava.store.MentionFilter;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench load}: the whole service (store, journal, pipeline, HTTP API) under concurrent API clients
 * while posts are ingested continuously through the pipeline; prints throughput, latency percentiles and
 * errors per kind of request and overall.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Concurrent API clients against the running service while it ingests; prints throughput,"
                + " p50/p95/p99 and errors. Uses the index shenava-loadbench-mentions.")
public final class LoadBenchmark implements Callable<Integer> {

    private static final List<String> QUERIES = List.of("acme", "delivery late", "\"two hours\"", "سفارش",
            "acme AND (late OR دیر)", "courier NEAR/4 rude", "app -crash", "lang:fa acme", "sentiment:negative",
            "deliv*");

    @Option(names = "--duration", defaultValue = "PT5M", description = "How long the clients run, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--clients", defaultValue = "50", description = "Concurrent API clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--ingest-rate", defaultValue = "50", description = "Posts ingested per second meanwhile (default: ${DEFAULT-VALUE}).")
    int ingestRate;

    @Option(names = "--seed", defaultValue = "2000", description = "Posts ingested before the clients start (default: ${DEFAULT-VALUE}).")
    int seed;

    @Option(names = "--config", description = "Configuration file (store.url for an external cluster).")
    Optional<Path> config;

    private final Map<String, List<Double>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final List<String> firstErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong ingested = new AtomicLong();

    @Override
    public Integer call() throws Exception {
        Config.Builder b = Config.builder().disableEnvironmentVariablesSource().disableSystemPropertiesSource()
                .addSource(ConfigSources.create(Map.of("server.port", "0", "server.host", "127.0.0.1",
                        "store.index", "shenava-loadbench-mentions")))
                .addSource(ConfigSources.environmentVariables());
        config.ifPresent(f -> b.addSource(ConfigSources.file(f)));
        b.addSource(ConfigSources.classpath("application.yaml"));
        System.out.println("starting the service (store, journal, pipeline, API) ...");
        try (ShenavaRuntime runtime = ShenavaRuntime.open(b.build(), ShenavaServer::warmUp)) {
            runtime.register(List.of(new Brand("acme", "Acme", List.of("acme", "اکمه"), List.of(), List.of())));
            WebServer server = ShenavaServer.start(runtime);
            try {
                ingest(runtime, seed, 0);
                runtime.journal().awaitDrained(Duration.ofMinutes(5));
                runtime.store().mentions().refresh();
                List<String> ids = runtime.store().mentions().search(MentionFilter.ALL,
                        dev.shenava.store.MentionSort.NEWEST, 50, null).items().stream().map(m -> m.id()).toList();
                System.out.printf("%,d mentions in the index; %d clients for %s while ingesting %d posts/s%n",
                        runtime.store().mentions().count(MentionFilter.ALL), clients, duration, ingestRate);
                run("http://127.0.0.1:" + server.port(), runtime, ids);
            } finally {
                server.stop();
            }
        }
        return 0;
    }

    private void run(String base, ShenavaRuntime runtime, List<String> ids) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        Thread ingester = Thread.ofPlatform().name("load-ingest").start(() -> {
            int batch = Math.max(1, ingestRate / 10);
            while (System.nanoTime() < deadline) {
                ingest(runtime, batch, seed + ingested.get());
                FaultSuite.pause(Duration.ofMillis(100));
            }
        });
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                SplittableRandom random = new SplittableRandom(c);
                all.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        call(http, base, random, ids);
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        }
        ingester.join();
        double seconds = (System.nanoTime() - started) / 1e9;
        report(seconds);
    }

    private void call(HttpClient http, String base, SplittableRandom random, List<String> ids) {
        String kind;
        String path;
        switch (random.nextInt(8)) {
            case 0, 1, 2 -> {
                kind = "search";
                path = "/api/v1/mentions?q=" + URLEncoder.encode(QUERIES.get(random.nextInt(QUERIES.size())),
                        StandardCharsets.UTF_8) + (random.nextBoolean() ? "&sort=engagement" : "");
            }
            case 3 -> {
                kind = "mention";
                path = "/api/v1/mentions/" + (ids.isEmpty() ? "none" : ids.get(random.nextInt(ids.size())));
            }
            case 4 -> {
                kind = "timeseries";
                path = "/api/v1/stats/timeseries?interval=" + (random.nextBoolean() ? "day" : "hour");
            }
            case 5 -> {
                kind = "touchpoints";
                path = "/api/v1/stats/touchpoints";
            }
            case 6 -> {
                kind = "share-of-voice";
                path = "/api/v1/stats/share-of-voice?brand=acme";
            }
            default -> {
                kind = "trending";
                path = "/api/v1/stats/trending?size=20";
            }
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 400) {
                error(kind, "HTTP " + r.statusCode() + " " + path + ": " + r.body());
            }
        } catch (Exception e) {
            error(kind, e + " " + path);
        } finally {
            latencies.computeIfAbsent(kind, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add((System.nanoTime() - t0) / 1e6);
        }
    }

    private void error(String kind, String what) {
        errors.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
        if (firstErrors.size() < 5) {
            firstErrors.add(what.length() > 300 ? what.substring(0, 300) : what);
        }
    }

    private void ingest(ShenavaRuntime runtime, int posts, long from) {
        List<Post> list = new ArrayList<>(posts);
        Instant now = Instant.now();
        for (long i = from; i < from + posts; i++) {
            list.add(new Post("load-feed", SourceKind.RSS, "load-" + i, "https://example.com/load/" + i, null,
                    "Acme " + i, FaultFeed.text((int) i), now.minusSeconds(i % 86_400), now, null));
        }
        runtime.pipeline().submit(list);
        ingested.addAndGet(posts);
    }

    private void report(double seconds) {
        System.out.printf("%-15s %8s %9s %9s %9s %9s %7s%n", "request", "n", "req/s", "p50 ms", "p95 ms", "p99 ms",
                "errors");
        List<Double> overall = new ArrayList<>();
        long errorCount = 0;
        for (String kind : new java.util.TreeSet<>(latencies.keySet())) {
            List<Double> l = latencies.get(kind);
            overall.addAll(l);
            long e = errors.getOrDefault(kind, new AtomicLong()).get();
            errorCount += e;
            line(kind, l, seconds, e);
        }
        line("all", overall, seconds, errorCount);
        System.out.printf("ingested %,d posts in %.0f s (%.0f posts/s) through the pipeline meanwhile%n",
                ingested.get() - seed, seconds, (ingested.get() - seed) / seconds);
        firstErrors.forEach(e -> System.out.println("error: " + e));
    }

    private static void line(String kind, List<Double> l, double seconds, long errors) {
        double[] sorted = l.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%-15s %8d %9.1f %9.1f %9.1f %9.1f %7d%n", kind, sorted.length, sorted.length / seconds,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), errors);
    }

    private static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }
}
