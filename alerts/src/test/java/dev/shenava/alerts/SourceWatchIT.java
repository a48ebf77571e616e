package dev.shenava.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.shenava.store.TestElasticsearch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceWatchIT {

    @Test
    void raisesStallsFromTheStatusesTheCrawlerWrites() throws Exception {
        ElasticsearchClient es = TestElasticsearch.client();
        String prefix = TestElasticsearch.uniqueIndex("watch") + "-";
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        es.indices().create(c -> c.index(prefix + "sources"));
        es.indices().create(c -> c.index(prefix + "source-status"));
        // A source defined through the API (15-minute interval) that last succeeded two hours ago...
        es.index(i -> i.index(prefix + "sources").id("news").document(Map.of(
                "id", "news", "kind", "rss", "intervalSeconds", 900, "brands", List.of("acme"), "enabled", true)));
        es.index(i -> i.index(prefix + "source-status").id("news").document(Map.of(
                "source", "news", "lastSuccess", "2026-11-20T10:00:00Z", "lastError", "", "state", "ok")));
        // ...a configured source that keeps failing, and a healthy one.
        es.index(i -> i.index(prefix + "source-status").id("tg").document(Map.of(
                "source", "tg", "lastSuccess", "2026-11-20T11:58:00Z", "lastError", "HTTP 429 from t.me",
                "state", "failing")));
        es.index(i -> i.index(prefix + "source-status").id("hn").document(Map.of(
                "source", "hn", "lastSuccess", "2026-11-20T11:59:00Z", "lastError", "", "state", "ok")));
        es.indices().refresh(r -> r.index(prefix + "*"));

        List<SourceWatch.Stall> stalls = new SourceWatch(es, prefix + "sources", 3).stalled(now).stream()
                .sorted(java.util.Comparator.comparing(s -> s.event().brand())).toList();

        assertEquals(List.of("news", "tg"), stalls.stream().map(s -> s.event().brand()).toList(), stalls.toString());
        assertEquals(List.of("acme"), stalls.get(0).brands());
        assertTrue(stalls.get(1).event().reason().contains("HTTP 429"), stalls.get(1).event().reason());
    }
}
