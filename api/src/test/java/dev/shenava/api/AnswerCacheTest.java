package dev.shenava.api;

import dev.shenava.store.MentionFilter;
import dev.shenava.store.QueryCompiler;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger computed = new AtomicInteger();

    private String answer() {
        return "answer " + computed.incrementAndGet();
    }

    @Test
    void answersRepeatsFromTheCacheUntilTheTimeToLivePasses() {
        AnswerCache cache = new AnswerCache(Duration.ofSeconds(10), 100, nanos::get);
        assertEquals("answer 1", cache.get("k", this::answer));
        nanos.addAndGet(Duration.ofSeconds(9).toNanos());
        assertEquals("answer 1", cache.get("k", this::answer));
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertEquals("answer 2", cache.get("k", this::answer));
        assertEquals(new AnswerCache.Counts(2, 0, 1), cache.counts());
    }

    @Test
    void neverServesOneKeysAnswerForAnother() {
        AnswerCache cache = new AnswerCache(Duration.ofSeconds(10), 100, nanos::get);
        assertEquals("answer 1", cache.get("a", this::answer));
        assertEquals("answer 2", cache.get("b", this::answer));
        assertEquals("answer 1", cache.get("a", this::answer));
    }

    @Test
    void clearMakesTheNextRequestAskAgain() {
        AnswerCache cache = new AnswerCache(Duration.ofSeconds(10), 100, nanos::get);
        cache.get("k", this::answer);
        cache.clear();
        assertEquals("answer 2", cache.get("k", this::answer));
    }

    @Test
    void keepsNoFailure() {
        AnswerCache cache = new AnswerCache(Duration.ofSeconds(10), 100, nanos::get);
        assertThrows(IllegalStateException.class, () -> cache.get("k", () -> {
            throw new IllegalStateException("store down");
        }));
        assertEquals("answer 1", cache.get("k", this::answer));
    }

    @Test
    void holdsAtMostItsBound() {
        AnswerCache cache = new AnswerCache(Duration.ofSeconds(10), 5, nanos::get);
        for (int i = 0; i < 50; i++) {
            cache.get("k" + i, this::answer);
        }
        assertTrue(cache.size() <= 5, "size " + cache.size());
    }

    @Test
    void withZeroTimeToLiveAsksEveryTime() {
        AnswerCache cache = AnswerCache.create(Duration.ZERO);
        cache.get("k", this::answer);
        assertEquals("answer 2", cache.get("k", this::answer));
    }

    @Test
    void computesOnceForConcurrentRequestsOfOneKey() throws Exception {
        AnswerCache cache = new AnswerCache(Duration.ofSeconds(10), 100, nanos::get);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> cache.get("k", () -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return answer();
                })));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<String> a : answers) {
                assertEquals("answer 1", a.get());
            }
        }
        assertEquals(1, computed.get());
        AnswerCache.Counts counts = cache.counts();
        assertEquals(1, counts.computed());
        assertEquals(19, counts.waited() + counts.cached());
    }

    @Test
    void keysDifferByQueryRangeAndParameters() {
        Instant to = Instant.parse("2026-03-01T00:00:00Z");
        Instant from = to.minus(Duration.ofDays(30));
        MentionFilter fa = MentionFilter.ALL.withQuery(QueryCompiler.compile("lang:fa")).withRange(from, to);
        MentionFilter en = MentionFilter.ALL.withQuery(QueryCompiler.compile("lang:en")).withRange(from, to);
        String key = AnswerCache.key("timeseries", fa, "day");
        assertEquals(key, AnswerCache.key("timeseries",
                MentionFilter.ALL.withQuery(QueryCompiler.compile("lang:fa")).withRange(from, to), "day"));
        assertNotEquals(key, AnswerCache.key("timeseries", en, "day"));
        assertNotEquals(key, AnswerCache.key("timeseries", fa.withRange(from, to.plusSeconds(60)), "day"));
        assertNotEquals(key, AnswerCache.key("timeseries", fa.withLangs(List.of("fa")), "day"));
        assertNotEquals(key, AnswerCache.key("timeseries", fa, "week"));
        assertNotEquals(key, AnswerCache.key("touchpoints", fa, "day"));
    }

    @Test
    void makesRoomByDroppingTheOldestAnswersOnceFull() {
        AnswerCache cache = new AnswerCache(Duration.ofSeconds(10), 10, nanos::get);
        for (int i = 0; i < 11; i++) {
            nanos.addAndGet(1_000);
            cache.get("k" + i, this::answer);
        }
        assertEquals(9, cache.size());
        assertEquals("answer 11", cache.get("k10", this::answer));
        assertEquals("answer 12", cache.get("k0", this::answer));
    }

    @Test
    void searchKeysShareEquivalentQueriesAndDifferByFilterAndParameters() {
        MentionFilter late = MentionFilter.ALL.withQuery(QueryCompiler.compile("courier AND late"));
        String key = AnswerCache.key("mentions", late, "newest", 20);
        assertEquals(key, AnswerCache.key("mentions", MentionFilter.ALL.withQuery(QueryCompiler.compile("courier late")),
                "newest", 20));
        assertNotEquals(key, AnswerCache.key("mentions", MentionFilter.ALL.withQuery(QueryCompiler.compile("courier")),
                "newest", 20));
        assertNotEquals(key, AnswerCache.key("mentions", new MentionFilter(List.of("acme"), List.of(), List.of(),
                List.of(), List.of(), null, null, late.query()), "newest", 20));
        assertNotEquals(key, AnswerCache.key("mentions", late.withRange(null, Instant.parse("2026-03-01T00:00:00Z")),
                "newest", 20));
        assertNotEquals(key, AnswerCache.key("mentions", late, "engagement", 20));
        assertNotEquals(key, AnswerCache.key("mentions", MentionFilter.ALL, "newest", 20));
    }
}
