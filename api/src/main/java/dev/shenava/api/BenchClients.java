package dev.shenava.api;

import dev.shenava.store.Http1Answers;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent HTTP clients that time searches and dashboard overviews against a running API.
 */
final class BenchClients {

    static final List<String> QUERIES = List.of(
            "delivery", "courier late", "\"cold food\"", "(late OR دیر) AND (courier OR پیک)", "deliv*",
            "courier NEAR/3 late", "refund NEAR/5f payment", "app -crash", "کیفیت OR جودة", "lang:fa سفارش",
            "sentiment:negative delivery", "touchpoint:delivery:negative", "brand:rival price", "source:telegram",
            "author:user42", "site:site7.example", "(support OR پشتیبانی) NOT rude", "l?te", "\"fresh food\" OR fresh");
    private static final List<String> FILTERS = List.of("", "&brand=acme", "&lang=fa", "&sentiment=negative",
            "&sort=engagement", "&touchpoint=delivery", "&brand=rival&lang=en");
    /** What dashboard users filter their overview by. */
    private static final List<String> OVERVIEW_FILTERS = List.of("", "&lang=fa", "&source=telegram",
            "&sentiment=negative", "&q=" + URLEncoder.encode("delivery OR ارسال", StandardCharsets.UTF_8));

    /** Results per page of the measured searches. */
    private static final int PAGE = 20;
    /** Results per page of the warm-up's searches over the measured searches' range: not a measured page. */
    private static final int WARM_UP_SIZE = PAGE - 1;
    /** Overviews per client before anything is measured. */
    private static final int WARM_UP_OVERVIEWS = 5;

    private final BenchHttp http;
    private final int clients;
    private final int requests;
    private final Instant warmUpFrom = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofDays(2));
    private final AtomicLong warmUpMinute = new AtomicLong();

    /** Latencies of one kind of request. */
    record Result(double[] millis, long errors, double seconds) {
        int count() {
            return millis.length;
        }

        double percentile(double p) {
            if (millis.length == 0) {
                return 0;
            }
            double[] sorted = millis.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
        }

        double throughput() {
            return millis.length / seconds;
        }
    }

    BenchClients(String base, int clients, int requests) {
        this.http = new BenchHttp(URI.create(base));
        this.clients = clients;
        this.requests = requests;
    }

    /**
     * One round of the warm-up's searches: each query once, then searches from all clients, timed nowhere. Half
     * are cold: their ranges end two days or more ahead, where no measured request's range ends, so nothing they
     * leave in a cache answers a measured request, and each round asks ranges no earlier round asked. The other
     * half are the measured searches' queries and filters over the default range but {@value #WARM_UP_SIZE} to a
     * page: other cache entries than the measured pages of 20, through the same code as the measured searches
     * (no range, answers from the cache, waits for an answer being computed). Warmed with cold searches only, the
     * JIT compilers of the node and of the service compiled those paths again during the measured phases (the
     * node's compilers took 0.8 s of its 1.1 s in the {@code search} phase, the service's 5 s in
     * {@code search-cold}).
     *
     * @param perClient searches per client
     * @return the number of requests sent
     */
    int warmUpSearches(int perClient) throws Exception {
        for (String q : QUERIES) {
            get(searchPath(q, "&to=" + warmUpEnd()));
        }
        measure(random -> {
            String q = QUERIES.get(random.nextInt(QUERIES.size()));
            String filter = FILTERS.get(random.nextInt(FILTERS.size()));
            get(random.nextBoolean() ? searchPath(q, filter + "&to=" + warmUpEnd()) : searchPath(q, filter, WARM_UP_SIZE));
        }, perClient);
        return QUERIES.size() + clients * perClient;
    }

    /**
     * The warm-up's overviews, over ranges no measured request asks (see {@link #warmUpSearches(int)}).
     *
     * @return the number of requests sent
     */
    int warmUpOverviews() throws Exception {
        measure(random -> overview(OVERVIEW_FILTERS.get(random.nextInt(OVERVIEW_FILTERS.size()))
                + "&to=" + warmUpEnd()), WARM_UP_OVERVIEWS);
        return clients * 4 * WARM_UP_OVERVIEWS;
    }

    /** A range end no measured request and no earlier warm-up request asks: two days ahead and more. */
    private Instant warmUpEnd() {
        return warmUpFrom.plus(Duration.ofMinutes(warmUpMinute.incrementAndGet()));
    }

    Result searches() throws Exception {
        return measure(random -> {
            get(searchPath(QUERIES.get(random.nextInt(QUERIES.size())), FILTERS.get(random.nextInt(FILTERS.size()))));
        });
    }

    /**
     * Searches that no cache can answer: each one's range ends at its own minute in the future, which
     * changes no result but makes every request distinct.
     */
    Result coldSearches() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        AtomicLong minute = new AtomicLong();
        return measure(random -> get(searchPath(QUERIES.get(random.nextInt(QUERIES.size())),
                FILTERS.get(random.nextInt(FILTERS.size())) + "&to=" + now.plus(Duration.ofMinutes(minute.incrementAndGet())))));
    }

    /** Overviews over the default range (the last 30 days), as an open dashboard asks for them. */
    Result overviews() throws Exception {
        return measure(random -> overview(OVERVIEW_FILTERS.get(random.nextInt(OVERVIEW_FILTERS.size()))));
    }

    /**
     * Overviews that no cache can answer: each asks for 30 days ending at its own minute (seven minutes
     * apart, going back from now), so Elasticsearch computes every aggregation afresh.
     */
    Result coldOverviews() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        AtomicLong minute = new AtomicLong();
        return measure(random -> {
            Instant to = now.minus(Duration.ofMinutes(minute.incrementAndGet() * 7));
            overview(OVERVIEW_FILTERS.get(random.nextInt(OVERVIEW_FILTERS.size()))
                    + "&from=" + to.minus(Duration.ofDays(30)) + "&to=" + to);
        });
    }

    /**
     * Times one search alone; its range ends at a minute of its own, so no cache answers it.
     *
     * @param q    the query
     * @param runs how many times this query was timed before (makes the range distinct)
     * @return milliseconds
     */
    double timeSearch(String q, int runs) throws Exception {
        String to = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofDays(1 + runs)).toString();
        long t0 = System.nanoTime();
        get(searchPath(q, "&to=" + to));
        return (System.nanoTime() - t0) / 1e6;
    }

    /**
     * Each dashboard-overview request alone, five times, each time over a range no cache has seen.
     *
     * @return request path (without its range) → median milliseconds
     */
    java.util.Map<String, Double> overviewParts() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofDays(2));
        java.util.Map<String, Double> result = new java.util.LinkedHashMap<>();
        int n = 0;
        for (String path : overviewPaths("")) {
            double[] times = new double[5];
            for (int i = 0; i < times.length; i++) {
                Instant to = now.minus(Duration.ofMinutes(++n * 11L));
                long t0 = System.nanoTime();
                get(path + "&from=" + to.minus(Duration.ofDays(30)) + "&to=" + to);
                times[i] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(times);
            result.put(path, times[times.length / 2]);
        }
        return result;
    }

    private static List<String> overviewPaths(String filter) {
        return List.of("/api/v1/stats/timeseries?interval=day" + filter,
                "/api/v1/stats/touchpoints?x=1" + filter,
                "/api/v1/stats/share-of-voice?brand=acme" + filter,
                "/api/v1/stats/trending?size=20" + filter);
    }

    private void overview(String filter) throws Exception {
        List<String> paths = List.of("/api/v1/stats/timeseries?interval=day" + filter,
                "/api/v1/stats/touchpoints?x=1" + filter,
                "/api/v1/stats/share-of-voice?brand=acme" + filter,
                "/api/v1/stats/trending?size=20" + filter);
        try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> calls = new ArrayList<>();
            for (String path : paths) {
                calls.add(parallel.submit(() -> {
                    get(path);
                    return null;
                }));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
    }

    private interface Op {
        void run(SplittableRandom random) throws Exception;
    }

    private Result measure(Op op) throws Exception {
        return measure(op, requests);
    }

    private Result measure(Op op, int requests) throws Exception {
        List<double[]> perClient = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                SplittableRandom random = new SplittableRandom(c);
                futures.add(pool.submit(() -> {
                    double[] times = new double[requests];
                    for (int i = 0; i < requests; i++) {
                        long t0 = System.nanoTime();
                        try {
                            op.run(random);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        times[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    return times;
                }));
            }
            for (Future<double[]> f : futures) {
                perClient.add(f.get());
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(perClient.stream().flatMapToDouble(Arrays::stream).toArray(), errors.get(), seconds);
    }

    private static String searchPath(String q, String filter) {
        return searchPath(q, filter, PAGE);
    }

    private static String searchPath(String q, String filter, int size) {
        return "/api/v1/mentions?size=" + size + "&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + filter;
    }

    private void get(String path) throws Exception {
        Http1Answers.Answer r = http.get(path);
        if (r.status() != 200) {
            throw new IllegalStateException(path + " answered " + r.status() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
    }
}
