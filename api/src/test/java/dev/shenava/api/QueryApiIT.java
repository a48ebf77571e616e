package dev.shenava.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shenava.store.Mention;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query API through a real Helidon server and a real Elasticsearch node.
 */
class QueryApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private static final TestApi API = new TestApi("query-api");
    private static TestServer server;

    @BeforeAll
    static void start() {
        List<Mention> docs = new ArrayList<>(List.of(
                TestMentionData.mention("late", "The courier was very late with my delivery again", "en", "negative",
                        NOW.minusSeconds(3600), "acme"),
                TestMentionData.mention("kind", "Delivery came early, the courier was kind", "en", "positive",
                        NOW.minusSeconds(7200), "acme"),
                TestMentionData.mention("arabic-letters", "كيفيت ارسال خيلي بد بود", "fa", "negative",
                        NOW.minusSeconds(86_400), "rival"),
                TestMentionData.mention("zwnj", "همه تعریف می\u200Cکنند", "fa", "positive",
                        NOW.minusSeconds(90_000), "rival")));
        // Forty mentions at the very same instant: paging must order them by id, not lose or repeat any.
        for (int i = 0; i < 40; i++) {
            docs.add(TestMentionData.mention("same-" + i, "batch item " + i, "en", "neutral",
                    NOW.minusSeconds(200_000), "acme"));
        }
        var written = API.mentions.write(docs);
        assertEquals(List.of(), written.errors());
        API.mentions.refresh();
        API.brands.put(new BrandBody("acme", "Acme", List.of("acme"), List.of(), List.of("rival"), null));
        API.brands.put(new BrandBody("rival", "Rival", List.of("rival"), List.of(), List.of(), null));
        server = TestServer.start(r -> API.routes(r, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.body(), e);
        }
    }

    private static Set<String> search(String q) {
        HttpResponse<String> r = server.get("/api/v1/mentions?size=200&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertEquals(200, r.statusCode(), r.body());
        Set<String> ids = new HashSet<>();
        json(r).get("items").forEach(i -> ids.add(i.get("nativeId").asText()));
        return ids;
    }

    @Test
    void searchesWithEachOperator() {
        assertEquals(Set.of("late", "kind"), search("courier"));
        assertEquals(Set.of("late"), search("courier late"));
        assertEquals(Set.of("late", "kind"), search("late OR early"));
        assertEquals(Set.of("kind"), search("courier -late"));
        assertEquals(Set.of("kind"), search("courier NOT late"));
        assertEquals(Set.of("late"), search("\"very late\""));
        assertEquals(Set.of("late", "kind"), search("deliv*"));
        assertEquals(Set.of("late"), search("courier NEAR/2 late"));
        assertEquals(Set.of(), search("late NEAR/2f courier"));
        assertEquals(Set.of("late", "kind"), search("(late OR early) AND courier"));
    }

    @Test
    void highlightsTheMatchedWords() {
        JsonNode item = json(server.get("/api/v1/mentions?q=" + URLEncoder.encode("courier NEAR/2 late", StandardCharsets.UTF_8)))
                .get("items").get(0);
        String fragment = item.get("highlight").get(0).asText();
        assertTrue(fragment.contains("<mark>courier</mark>") && fragment.contains("<mark>late</mark>"), fragment);
        assertFalse(json(server.get("/api/v1/mentions?lang=en")).get("items").get(0).has("highlight"));
        // A Persian query finds the Arabic spelling; the highlight shows the text as it was written.
        JsonNode arabic = json(server.get("/api/v1/mentions?q=" + URLEncoder.encode("کیفیت", StandardCharsets.UTF_8)))
                .get("items").get(0);
        String original = arabic.get("highlight").get(0).asText();
        assertTrue(original.contains("<mark>كيفيت</mark>") && original.contains("خيلي"), original);
    }

    @Test
    void findsPersianAndArabicSpellingsOfEachOther() {
        assertEquals(Set.of("arabic-letters"), search("کیفیت"));
        assertEquals(Set.of("arabic-letters"), search("كيفيت"));
        assertEquals(Set.of("zwnj"), search("میکنند"));
        assertEquals(Set.of("zwnj"), search("می\u200Cکنند"));
    }

    @Test
    void filtersByFieldsInTheQueryAndByParameters() {
        assertEquals(Set.of("arabic-letters", "zwnj"), search("lang:fa"));
        assertEquals(Set.of("arabic-letters"), search("brand:rival sentiment:negative"));
        HttpResponse<String> r = server.get("/api/v1/mentions?lang=fa&sentiment=positive");
        assertEquals(1, json(r).get("total").asInt(), r.body());
    }

    @Test
    void answersBadQueriesWithTheirColumn() {
        HttpResponse<String> r = server.get("/api/v1/mentions?q=" + URLEncoder.encode("snapp OR tapsi)", StandardCharsets.UTF_8));
        assertEquals(400, r.statusCode());
        assertEquals("bad_query", json(r).get("error").asText());
        assertEquals(15, json(r).get("position").asInt());
        assertTrue(json(r).get("message").asText().contains("unexpected ')' at column 15"), r.body());
    }

    @Test
    void pagesThroughTiesWithoutSkippingOrRepeating() {
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            String path = "/api/v1/mentions?size=7&q=batch" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            JsonNode page = json(server.get(path));
            page.get("items").forEach(i -> assertTrue(seen.add(i.get("id").asText()), "repeated " + i.get("id")));
            cursor = page.get("cursor").isNull() ? null : page.get("cursor").asText();
            pages++;
        } while (cursor != null && pages < 20);
        assertEquals(40, seen.size());
        assertEquals(6, pages);
    }

    @Test
    void correctsAMentionAndKeepsTheCorrectionWhenItIsWrittenAgain() {
        String id = Mention.idOf("test-feed", "late");
        HttpResponse<String> r = server.send("PATCH", "/api/v1/mentions/" + id, "application/json",
                "{\"sentiment\": \"positive\", \"touchpoints\": [\"delivery\"], \"tags\": [\"reviewed\"]}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(json(r).get("overridden").asBoolean());
        assertEquals("positive", json(r).get("sentiment").get("label").asText());
        // Re-analysis writes the mention as analysed: the correction must survive.
        API.mentions.write(List.of(TestMentionData.mention("late", "The courier was very late with my delivery again",
                "en", "negative", NOW.minusSeconds(3600), "acme")));
        Mention stored = API.mentions.byId(id).orElseThrow();
        assertTrue(stored.overridden());
        assertEquals("positive", stored.sentiment().label());
        assertEquals(List.of("reviewed"), stored.tags());
        assertEquals("delivery", stored.touchpoints().getFirst().touchpoint());
        assertEquals(404, server.send("PATCH", "/api/v1/mentions/nope", "application/json",
                "{\"sentiment\": \"positive\"}").statusCode());
        assertEquals(400, server.send("PATCH", "/api/v1/mentions/" + id, "application/json",
                "{\"sentiment\": \"furious\"}").statusCode());
    }

    @Test
    void servesStatisticsInTheContractShape() {
        JsonNode series = json(server.get("/api/v1/stats/timeseries?interval=day&from=2026-02-20&to=2026-03-01"));
        assertEquals("day", series.get("interval").asText());
        assertEquals(9, series.get("buckets").size());
        assertEquals(44, series.get("totals").get("total").asInt());
        JsonNode sov = json(server.get("/api/v1/stats/share-of-voice?brand=acme"));
        assertEquals("acme", sov.get("brands").get(0).get("brand").asText());
        assertEquals("Rival", sov.get("brands").get(1).get("name").asText());
        assertEquals(404, server.get("/api/v1/stats/share-of-voice?brand=nobody").statusCode());
        assertEquals(400, server.get("/api/v1/stats/share-of-voice").statusCode());
        assertTrue(json(server.get("/api/v1/stats/touchpoints")).has("touchpoints"));
        assertTrue(json(server.get("/api/v1/stats/trending")).has("terms"));
        assertEquals("writer", json(server.get("/api/v1/stats/authors")).get("authors").get(0).get("handle").asText());
        assertEquals(2, json(server.get("/api/v1/stats/sources")).get("languages").size());
        assertEquals(400, server.get("/api/v1/stats/timeseries?interval=minute").statusCode());
        assertEquals(400, server.get("/api/v1/stats/timeseries?interval=hour&from=2000-01-01").statusCode());
        assertEquals(400, server.get("/api/v1/stats/timeseries?q=(").statusCode());
    }

    @Test
    void managesBrandsWithValidation() {
        String brand = "{\"id\": \"newco\", \"name\": \"NewCo\", \"terms\": [\"newco\", \"نیوکو\"], \"competitors\": [\"acme\"]}";
        assertEquals(201, server.send("POST", "/api/v1/brands", "application/json", brand).statusCode());
        assertEquals(409, server.send("POST", "/api/v1/brands", "application/json", brand).statusCode());
        assertEquals("NewCo", json(server.get("/api/v1/brands/newco")).get("name").asText());
        assertEquals(400, server.send("PUT", "/api/v1/brands/newco", "application/json",
                "{\"terms\": []}").statusCode());
        assertEquals(400, server.send("PUT", "/api/v1/brands/Bad%20Id", "application/json",
                "{\"terms\": [\"x\"]}").statusCode());
        assertEquals(400, server.send("PUT", "/api/v1/brands/newco", "application/json",
                "{\"terms\": [\"x\"], \"query\": \"(a OR\"}").statusCode());
        assertEquals(200, server.send("PUT", "/api/v1/brands/newco", "application/json",
                "{\"terms\": [\"x\"], \"query\": \"x NEAR/3 y\"}").statusCode());
        assertEquals(204, server.send("DELETE", "/api/v1/brands/newco", "application/json", "").statusCode());
        assertEquals(404, server.get("/api/v1/brands/newco").statusCode());
    }

    @Test
    void managesSourcesWithValidation() {
        assertEquals(201, server.send("POST", "/api/v1/sources", "application/json",
                "{\"id\": \"news\", \"kind\": \"rss\", \"params\": {\"url\": \"https://news.example/feed.xml\"}}").statusCode());
        JsonNode source = json(server.get("/api/v1/sources/news"));
        assertEquals(900, source.get("intervalSeconds").asInt());
        assertTrue(source.get("enabled").asBoolean());
        assertEquals(400, server.send("PUT", "/api/v1/sources/news", "application/json",
                "{\"kind\": \"rss\"}").statusCode());
        assertEquals(400, server.send("PUT", "/api/v1/sources/news", "application/json",
                "{\"kind\": \"carrier-pigeon\", \"params\": {}}").statusCode());
        assertEquals(1, json(server.get("/api/v1/sources")).get("items").size());
    }

    @Test
    void exportsMatchesAsJsonLinesAndCsv() {
        HttpResponse<String> jsonl = server.get("/api/v1/mentions/export?format=jsonl&q=courier");
        assertEquals(200, jsonl.statusCode(), jsonl.body());
        assertEquals(2, jsonl.body().lines().count());
        HttpResponse<String> csv = server.get("/api/v1/mentions/export?format=csv&lang=fa");
        assertEquals(3, csv.body().split("\r\n").length);
        assertTrue(csv.body().startsWith("id,source,"));
        assertEquals(400, server.get("/api/v1/mentions/export?format=xml").statusCode());
    }

    @Test
    void answersEveryDocumentedPath() {
        String doc = server.get("/api/v1/openapi.yaml").body();
        List<String> paths = doc.lines().filter(l -> l.matches("  /[^ ]*:")).map(l -> l.trim().replace(":", "")).toList();
        assertTrue(paths.size() >= 15, paths.toString());
        for (String path : paths) {
            String concrete = path.replace("{id}", "acme");
            boolean post = path.contains("import") || path.contains("analyze") || path.endsWith("/test");
            HttpResponse<String> r = post
                    ? server.send("POST", "/api/v1" + concrete, "application/json", "{}")
                    : server.get("/api/v1" + concrete + (path.contains("share-of-voice") ? "?brand=acme" : ""));
            assertNotEquals(405, r.statusCode(), path);
            assertFalse(r.statusCode() >= 500, path + " -> " + r.statusCode() + " " + r.body());
            if (!path.contains("{id}") && !post) {
                assertEquals(200, r.statusCode(), path + " -> " + r.body());
            }
        }
    }
}
