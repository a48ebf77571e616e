package dev.shenava.crawler;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shenava bench crawl}: fetch + parse throughput against a local server, as a ratio to bare OkHttp GETs of
 * the same responses (target at least 0.8).
 */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = "Fetch + parse throughput from a local server, as a ratio to bare OkHttp GETs (target >= 0.8).")
public final class CrawlBenchmark implements Callable<Integer> {

    @Option(names = "--requests", defaultValue = "3000", description = "Requests per round (default ${DEFAULT-VALUE}).")
    private int requests;

    @Option(names = "--rounds", defaultValue = "5", description = "Measured rounds (default ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = "--concurrency", defaultValue = "4",
            description = "Sources polled at once, each on its own host name (default ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--warmup", defaultValue = "6",
            description = "Rounds run first and not measured (default ${DEFAULT-VALUE}); more follow, up to three times"
                    + " as many, while the JIT compilers still take more than 2% of a round's time.")
    private int warmup;

    @Option(names = "--phases", defaultValue = "bare,crawl,fetch,bare-parse", split = ",",
            description = "Phases to run in each round, for a profiler to see one alone (default all: ${DEFAULT-VALUE}).")
    private java.util.Set<String> phases;

    private record Page(String path, SourceKind kind, String type, byte[] body) {
    }

    @Override
    public Integer call() throws Exception {
        List<Page> pages = List.of(
                new Page("/feed.xml", SourceKind.RSS, "application/rss+xml; charset=utf-8", BenchPages.rss(20)),
                new Page("/s/bench_channel", SourceKind.TELEGRAM, "text/html; charset=utf-8", BenchPages.telegram(20)),
                new Page("/api/v1/search_by_date", SourceKind.HACKERNEWS, "application/json", BenchPages.hackerNews(50)));
        // without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs (40 ms a request)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int lanes = Math.max(1, Math.min(concurrency, 8));
        List<HttpServer> servers = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        try {
            for (int lane = 0; lane < lanes; lane++) { // one loopback address per lane: one host per source
                InetAddress address = InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (lane + 1)});
                HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 64);
                server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
                pages.forEach(p -> server.createContext(p.path(), exchange -> {
                    exchange.getRequestBody().readAllBytes();
                    exchange.getResponseHeaders().set("Content-Type", p.type());
                    exchange.sendResponseHeaders(200, p.body().length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(p.body());
                    }
                }));
                server.start();
                servers.add(server);
                origins.add("http://127.0.0." + (lane + 1) + ":" + server.getAddress().getPort());
            }
            return run(pages, origins);
        } finally {
            servers.forEach(s -> s.stop(0));
        }
    }

    private int run(List<Page> pages, List<String> origins) throws Exception {
        int lanes = origins.size();
        OkHttpClient bare = new OkHttpClient();
        CrawlerConfig config = CrawlerConfig.defaults().withAllowPrivateNetworks(true)
                .withWaits(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ZERO);
        Fetcher fetcher = Fetcher.create(config);
        Connectors connectors = Connectors.create();
        long[] bareNanos = new long[rounds];
        long[] crawlNanos = new long[rounds];
        long[] fetchNanos = new long[rounds];
        long[] bareCpu = new long[rounds];
        long[] crawlCpu = new long[rounds];
        long[] fetchCpu = new long[rounds];
        long[] bareParseNanos = new long[rounds];
        long[] bareParseCpu = new long[rounds];
        long[][] alloc = new long[4][rounds];
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        long[] posts = new long[1];
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        long bytes = 0;
        for (int i = 0; i < requests; i++) {
            bytes += pages.get(i % pages.size()).body().length;
        }
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long jitBefore = 0;
        // the first rounds run while the JIT compilers still work on both paths (their threads' CPU counts too, and
        // the parse path is the larger one to compile): a crawler runs for hours, so the steady state is measured
        int warmupRounds = 0;
        long jitLastWarmup = 0;
        long roundStart = 0;
        for (int round = -warmup; round < rounds; round++) {
            if (round == 0) {
                jitBefore = jit.getTotalCompilationTime();
            }
            if (round < 0) {
                roundStart = System.nanoTime();
                jitLastWarmup = jit.getTotalCompilationTime();
            }
            long a0 = threads.getTotalThreadAllocatedBytes();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            lanes(phases.contains("bare") ? lanes : 0, lane -> {
                for (int i = lane; i < requests; i += lanes) {
                    Page p = pages.get(i % pages.size());
                    try (Response r = bare.newCall(new Request.Builder()
                            .url(origins.get(lane) + p.path()).build()).execute()) {
                        r.body().bytes();
                    }
                }
            });
            long t1 = System.nanoTime();
            long c1 = os.getProcessCpuTime();
            long a1 = threads.getTotalThreadAllocatedBytes();
            long[] found = new long[lanes];
            lanes(phases.contains("crawl") ? lanes : 0, lane -> {
                List<Source> sources = sources(pages, origins.get(lane));
                for (int i = lane; i < requests; i += lanes) {
                    Page p = pages.get(i % pages.size());
                    Fetched f = fetcher.get(origins.get(lane) + p.path(), Map.of());
                    found[lane] += connectors.forKind(p.kind()).parse(sources.get(i % pages.size()), f).size();
                }
            });
            long t2 = System.nanoTime();
            long c2 = os.getProcessCpuTime();
            long a2 = threads.getTotalThreadAllocatedBytes();
            long crawled = Arrays.stream(found).sum(); // the bare GET + parse phase below counts on
            lanes(phases.contains("fetch") ? lanes : 0, lane -> {
                for (int i = lane; i < requests; i += lanes) {
                    fetcher.get(origins.get(lane) + pages.get(i % pages.size()).path(), Map.of()).text();
                }
            });
            long t3 = System.nanoTime();
            long c3 = os.getProcessCpuTime();
            long a3 = threads.getTotalThreadAllocatedBytes();
            lanes(phases.contains("bare-parse") ? lanes : 0, lane -> {
                List<Source> sources = sources(pages, origins.get(lane));
                for (int i = lane; i < requests; i += lanes) {
                    Page p = pages.get(i % pages.size());
                    String url = origins.get(lane) + p.path();
                    byte[] b;
                    try (Response r = bare.newCall(new Request.Builder().url(url).build()).execute()) {
                        b = r.body().bytes();
                    }
                    found[lane] += connectors.forKind(p.kind()).parse(sources.get(i % pages.size()),
                            Fetched.of(url, Map.of("content-type", p.type()), b)).size();
                }
            });
            long t4 = System.nanoTime();
            long c4 = os.getProcessCpuTime();
            long a4 = threads.getTotalThreadAllocatedBytes();
            if (round >= 0) {
                alloc[0][round] = a1 - a0;
                alloc[1][round] = a2 - a1;
                alloc[2][round] = a3 - a2;
                alloc[3][round] = a4 - a3;
                bareParseNanos[round] = t4 - t3;
                bareParseCpu[round] = c4 - c3;
                fetchCpu[round] = c3 - c2;
                bareNanos[round] = t1 - t0;
                crawlNanos[round] = t2 - t1;
                fetchNanos[round] = t3 - t2;
                bareCpu[round] = c1 - c0;
                crawlCpu[round] = c2 - c1;
                posts[0] = crawled;
            } else {
                warmupRounds++;
                jitLastWarmup = jit.getTotalCompilationTime() - jitLastWarmup;
                // compiling in a measured round costs that round CPU the steady state does not spend: warm up longer
                if (round == -1 && jitLastWarmup * 1e6 > 0.02 * (System.nanoTime() - roundStart)
                        && warmupRounds < 3 * warmup) {
                    round--;
                }
            }
        }
        double bareSeconds = median(bareNanos) / 1e9;
        double crawlSeconds = median(crawlNanos) / 1e9;
        double fetchSeconds = median(fetchNanos) / 1e9;
        double ratio = bareSeconds / crawlSeconds;
        System.out.printf("crawl benchmark: %d requests per round (rss, telegram, hackernews; %.1f MB), %d lanes,"
                + " median of %d rounds, %d cores%n", requests, bytes / 1e6, lanes, rounds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  bare OkHttp GET:        %8.1f requests/s%n", requests / bareSeconds);
        System.out.printf("  crawler fetch only:     %8.1f requests/s (ratio %.2f: interceptors, guard, cap, charset)%n",
                requests / fetchSeconds, bareSeconds / fetchSeconds);
        System.out.printf("  crawler fetch + parse:  %8.1f requests/s, %d posts per round%n", requests / crawlSeconds,
                posts[0]);
        System.out.printf("  ratio: %.2f (target >= 0.80) %s%n", ratio, ratio >= 0.8 ? "PASS" : "BELOW TARGET");
        System.out.printf("  ratio round by round (bare time / fetch + parse time of the same round, sorted): %s%n",
                roundRatios(bareNanos, crawlNanos));
        double bareCpuUs = median(bareCpu) / 1e3 / requests;
        double crawlCpuUs = median(crawlCpu) / 1e3 / requests;
        System.out.printf("  process CPU per request (server included): bare %.0f us, fetch + parse %.0f us;"
                + " CPU ratio %.2f (what the ratio is on an idle machine, where both sides are CPU-bound)%n",
                bareCpuUs, crawlCpuUs, bareCpuUs / crawlCpuUs);
        double fetchCpuUs = median(fetchCpu) / 1e3 / requests;
        double bareParseCpuUs = median(bareParseCpu) / 1e3 / requests;
        System.out.printf("  where the CPU per request goes: bare GET %.0f us; the crawler's fetch adds %.0f us"
                        + " (fetch only %.0f); parse adds %.0f us in the loop (bare GET + parse %.0f us,"
                        + " %.0f requests/s); fetch + parse %.0f us%n", bareCpuUs, fetchCpuUs - bareCpuUs, fetchCpuUs,
                bareParseCpuUs - bareCpuUs, bareParseCpuUs, requests / (median(bareParseNanos) / 1e9), crawlCpuUs);
        System.out.printf("  bytes allocated per request (all threads, server included): bare %.0f KB, fetch only %.0f KB,"
                        + " fetch + parse %.0f KB, bare GET + parse %.0f KB%n", median(alloc[0]) / 1024.0 / requests,
                median(alloc[2]) / 1024.0 / requests, median(alloc[1]) / 1024.0 / requests,
                median(alloc[3]) / 1024.0 / requests);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("  cores busy (process CPU / wall time, of %d): bare %.2f, fetch only %.2f,"
                        + " fetch + parse %.2f (below %d: the side waits on the network or locks, and parsing could"
                        + " use the idle CPU)%n",
                cores, median(bareCpu) / (double) median(bareNanos), median(fetchCpu) / (double) median(fetchNanos),
                median(crawlCpu) / (double) median(crawlNanos), cores);
        System.out.printf("  JIT compile time during the measured rounds: %d ms (after %d warm-up rounds, the last"
                + " compiling %d ms; near 0 when warm)%n", jit.getTotalCompilationTime() - jitBefore, warmupRounds,
                jitLastWarmup);
        System.out.printf("  load average: %.2f before, %.2f after (the wall-clock figures need an idle machine)%n",
                loadBefore, os.getSystemLoadAverage());
        System.out.println("  (bare: GET and read the body bytes; fetch only: the crawler's Fetcher and the body"
                + " decoded to text; fetch + parse: Fetcher, decode, connector parse to Post records; same responses,"
                + " same lanes, all in this JVM with the server, so every figure is CPU-bound on this machine;"
                + " bare GET + parse: the bare GET's bytes parsed by the connector, to tell parse cost from fetch"
                + " cost)");
        parseOnly(pages, origins.getFirst(), fetcher, connectors, bareParseCpuUs - bareCpuUs);
        return 0;
    }

    /**
     * Parse cost per page on one thread, the fetched page reused: where the fetch + parse time goes. Thread CPU time,
     * the best of several rounds, so that the figure holds on a loaded machine.
     */
    private static void parseOnly(List<Page> pages, String origin, Fetcher fetcher, Connectors connectors,
                                  double inLoopUs) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        StringBuilder line = new StringBuilder("  parse only, CPU time on one thread, pages of one kind in a row"
                + " (best and median of 5 rounds):");
        double sum = 0;
        double medianSum = 0;
        for (Page p : pages) {
            String url = origin + p.path();
            line.append(p == pages.getFirst() ? "" : ";").append("\n   ");
            Fetched page = fetcher.get(url, Map.of());
            Source s = source(p, origin);
            Connector connector = connectors.forKind(p.kind());
            int posts = 0;
            long decodedChars = 0; // used below, so that the decoding is not optimised away
            int runs = 200;
            long decode = Long.MAX_VALUE;
            long parse = Long.MAX_VALUE;
            long[] parses = new long[5];
            for (int round = 0; round < 7; round++) { // the best of seven rounds: contention only ever adds
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < runs; i++) {
                    decodedChars += Fetched.of(url, Map.of("content-type", p.type()), p.body()).text().length();
                }
                long t1 = cpu.getCurrentThreadCpuTime();
                for (int i = 0; i < runs; i++) {
                    posts = connector.parse(s, Fetched.of(url, Map.of("content-type", p.type()), p.body())).size();
                }
                decode = round < 2 ? decode : Math.min(decode, t1 - t0); // two rounds warm up
                long t2 = cpu.getCurrentThreadCpuTime();
                parse = round < 2 ? parse : Math.min(parse, t2 - t1);
                parses[Math.max(0, round - 2)] = t2 - t1;
            }
            sum += parse / 1e3 / runs;
            medianSum += median(parses) / 1e3 / runs;
            line.append(String.format(" %s %.0f us/page, median %.0f (%d posts; decoding the whole page, %d KB to %d chars,"
                    + " alone takes %.0f us)", p.kind().id(), parse / 1e3 / runs, median(parses) / 1e3 / runs, posts, p.body().length / 1024,
                    decodedChars / runs / 7, decode / 1e3 / runs));
        }
        System.out.println(line);
        System.out.printf("  parse only averages %.0f us/page (median rounds %.0f); in the bench loop, kinds taking turns"
                + " (median round), parse adds %.0f us per request (the same parse sharing caches and cores with the"
                + " HTTP client and server)%n", sum / pages.size(), medianSum / pages.size(), inLoopUs);
    }

    /** One source per page on a lane's host, made once as the scheduler makes it once. */
    private static List<Source> sources(List<Page> pages, String origin) {
        return pages.stream().map(p -> source(p, origin)).toList();
    }

    private static Source source(Page page, String origin) {
        return new Source("bench", page.kind(), Map.of("url", origin + page.path(), "channel", "bench_channel",
                "query", "bench"), List.of(), Duration.ofMinutes(5), "", true);
    }

    private interface Lane {
        void run(int lane) throws Exception;
    }

    private static void lanes(int count, Lane body) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int lane = 0; lane < count; lane++) {
            int l = lane;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    body.run(l);
                } catch (Exception e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.getFirst();
        }
    }

    /** Each round's ratio, lowest first: how far one round is from another on this machine. */
    static String roundRatios(long[] bareNanos, long[] crawlNanos) {
        double[] ratios = new double[bareNanos.length];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = crawlNanos[i] == 0 ? 0 : bareNanos[i] / (double) crawlNanos[i];
        }
        Arrays.sort(ratios);
        StringBuilder out = new StringBuilder();
        for (double r : ratios) {
            out.append(out.isEmpty() ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.2f", r));
        }
        return out.toString();
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
