package dev.shenava.api;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shenava.store.ElasticsearchClients;
import dev.shenava.store.MentionFilter;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.webserver.http.ServerResponse;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A small bounded cache of API answers (statistics, first pages of searches), keyed by the normalised
 * request, each answer kept for a short time to live. Dashboards ask the same aggregations and lists
 * again and again (every open overview, every few seconds); this answers the repeats without
 * Elasticsearch, and concurrent asks for the same key share one computation. {@link #clear()} drops everything at once, for writes a user expects to see
 * immediately (an analyst's correction, an import, a brand edit); mentions crawled meanwhile show
 * within the time to live.
 */
final class AnswerCache {

    /** How long a statistics answer is kept unless configured otherwise ({@code api.stats-cache-seconds}). */
    static final Duration DEFAULT_TTL = Duration.ofSeconds(10);
    /** How long a page of search results is kept unless configured otherwise ({@code api.search-cache-seconds}). */
    static final Duration DEFAULT_SEARCH_TTL = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 1000;
    private static final JacksonJsonpMapper JSON = new JacksonJsonpMapper();
    /** The mapper the server's JSON media support uses, so that a cached answer reads as any other. */
    private static final ObjectMapper ANSWER_JSON = ElasticsearchClients.objectMapper();
    /** The JSON of compiled queries, by identity: {@link dev.shenava.store.QueryCompiler} hands out one object per query text. */
    private static final Map<Query, String> QUERY_JSON = new ConcurrentHashMap<>();

    private record Entry(CompletableFuture<Object> value, long createdNanos) {
    }

    /**
     * How the requests a cache saw were answered.
     *
     * @param computed answers computed (the request no cache could answer)
     * @param waited   requests that waited for the same answer being computed for another one
     * @param cached   requests answered from an answer already computed
     */
    record Counts(long computed, long waited, long cached) {

        /** @return the requests counted since {@code before} */
        Counts since(Counts before) {
            return new Counts(computed - before.computed, waited - before.waited, cached - before.cached);
        }

        @Override
        public String toString() {
            return computed + " computed, " + waited + " waited for one being computed, " + cached + " answered from it";
        }
    }

    private final LongAdder computed = new LongAdder();
    private final LongAdder waited = new LongAdder();
    private final LongAdder cached = new LongAdder();

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    AnswerCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("the time to live must not be negative, was " + ttl);
        }
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    /**
     * A cache keeping answers for {@code ttl}; zero turns caching off.
     *
     * @param ttl how long an answer stays
     * @return the cache
     */
    static AnswerCache create(Duration ttl) {
        return new AnswerCache(ttl, MAX_ENTRIES, System::nanoTime);
    }

    /**
     * The key of a request: the endpoint, the filter's parameters, its compiled query as Elasticsearch JSON
     * (written once per compiled query, so that a repeated request costs no serialisation; equivalent query
     * spellings share an answer) and the endpoint's own parameters.
     */
    static String key(String endpoint, MentionFilter filter, Object... params) {
        StringBuilder key = new StringBuilder(endpoint).append('\n').append(filter.brands()).append(filter.langs())
                .append(filter.sentiments()).append(filter.sources()).append(filter.touchpoints()).append('\n')
                .append(filter.from()).append('/').append(filter.to()).append('\n')
                .append(filter.query() == null ? "" : json(filter.query()));
        for (Object p : params) {
            key.append('\n').append(p);
        }
        return key.toString();
    }

    private static String json(Query query) {
        String known = QUERY_JSON.get(query);
        if (known != null) {
            return known;
        }
        String json = JsonpUtils.toJsonString(query, JSON);
        if (QUERY_JSON.size() >= MAX_ENTRIES * 10) {
            QUERY_JSON.clear();
        }
        QUERY_JSON.put(query, json);
        return json;
    }

    /**
     * The cached answer for a key, or the one {@code compute} gives (computed once for concurrent callers).
     * A failure is not kept: the next call computes again.
     */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Supplier<T> compute) {
        if (ttlNanos == 0) {
            computed.increment();
            return compute.get();
        }
        long now = nanoTime.getAsLong();
        CompletableFuture<Object> mine = new CompletableFuture<>();
        Entry entry = entries.compute(key, (k, old) ->
                old != null && now - old.createdNanos() < ttlNanos ? old : new Entry(mine, now));
        if (entry.value() != mine) {
            (entry.value().isDone() ? cached : waited).increment();
        } else {
            computed.increment();
            evictIfFull(now);
            try {
                mine.complete(compute.get());
            } catch (RuntimeException | Error e) {
                entries.remove(key, entry);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return (T) entry.value().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /**
     * The cached answer for a key as the JSON it is sent as, or {@code compute}'s answer written as JSON: a
     * repeated request is answered with the bytes written the first time.
     */
    byte[] json(String key, Supplier<?> compute) {
        return get(key, () -> {
            try {
                return ANSWER_JSON.writeValueAsBytes(compute.get());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an answer could not be written as JSON", e);
            }
        });
    }

    /** Sends JSON written by {@link #json(String, Supplier)}. */
    static void send(ServerResponse res, byte[] json) {
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(json);
    }

    /** @return how the requests so far were answered (caching off: every one computed) */
    Counts counts() {
        return new Counts(computed.sum(), waited.sum(), cached.sum());
    }

    /** Drops every answer. */
    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    /**
     * Makes room once the cache holds more than its bound: drops the expired answers and, if that is not
     * enough, the oldest until a tenth of the bound is free. Going through every entry on each new key
     * cost a search that no cache answers more CPU than reading its page; freeing a tenth at once does it
     * once per tenth of the bound new keys.
     */
    private void evictIfFull(long now) {
        if (entries.size() <= maxEntries) {
            return;
        }
        entries.values().removeIf(e -> now - e.createdNanos() >= ttlNanos);
        int excess = entries.size() - (maxEntries - maxEntries / 10);
        if (excess <= 0) {
            return;
        }
        List<Map.Entry<String, Entry>> byAge = new ArrayList<>(entries.entrySet());
        byAge.sort(Comparator.comparingLong(e -> e.getValue().createdNanos()));
        for (Map.Entry<String, Entry> old : byAge.subList(0, Math.min(excess, byAge.size()))) {
            entries.remove(old.getKey(), old.getValue());
        }
    }
}
