package dev.shenava.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ShenavaRuntime runtime;
    private static WebServer server;
    private static int demoCount;

    @BeforeAll
    static void startWithDemoData() throws IOException {
        Path dir = Files.createTempDirectory("shenava-service-it");
        runtime = TestRuntimes.create(dir, Map.of("server.port", "0", "server.host", "127.0.0.1"));
        server = ShenavaServer.start(runtime);
        demoCount = DemoLoader.load(runtime);
        assertTrue(runtime.journal().awaitDrained(Duration.ofMinutes(3)));
        runtime.store().mentions().refresh();
    }

    @AfterAll
    static void stop() {
        server.stop();
        runtime.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(String path, int status) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void reportsHealthUpWithElasticsearchAndJournal() throws Exception {
        JsonNode health = json("/observe/health", 200);
        assertEquals("UP", health.path("status").asText());
        assertEquals("elasticsearch", health.path("checks").get(0).path("name").asText());
        assertEquals(0, health.path("checks").get(1).path("data").path("pending").asInt());
        String metrics = get("/observe/metrics").body();
        assertTrue(metrics.contains("shenava_journal_pending"), metrics);
    }

    @Test
    void listsPersianDemoMentionsNewestFirstAndPagesWithTheCursor() throws Exception {
        assertTrue(demoCount > 2_500, "demo count " + demoCount);
        JsonNode page = json("/api/v1/mentions?lang=fa&size=50", 200);
        long total = page.path("total").asLong();
        assertTrue(total > 800, "Persian demo mentions: " + total);
        Set<String> ids = new HashSet<>();
        String previous = "9999";
        int pages = 0;
        while (true) {
            for (JsonNode m : page.path("items")) {
                assertEquals("fa", m.path("lang").asText());
                assertTrue(ids.add(m.path("id").asText()), "no repeats");
                assertTrue(m.path("publishedAt").asText().compareTo(previous) <= 0, "newest first");
                previous = m.path("publishedAt").asText();
            }
            pages++;
            if (page.path("cursor").isNull() || pages == 4) {
                break;
            }
            page = json("/api/v1/mentions?lang=fa&size=50&cursor=" + page.path("cursor").asText(), 200);
        }
        assertEquals(Math.min(total, 200), ids.size());
    }

    @Test
    void filtersByBrandSourceAndTimeAndReturnsOneMention() throws Exception {
        JsonNode page = json("/api/v1/mentions?brand=rahsho&source=telegram&from=2000-01-01&size=5", 200);
        JsonNode first = page.path("items").get(0);
        assertEquals("rahsho", first.path("brands").get(0).asText());
        assertEquals("telegram", first.path("sourceKind").asText());
        JsonNode one = json("/api/v1/mentions/" + first.path("id").asText(), 200);
        assertEquals(first, one);
        assertFalse(one.has("normalizedText"));
        assertEquals(one.path("engagement").path("likes").asLong() + one.path("engagement").path("shares").asLong()
                + one.path("engagement").path("replies").asLong(), one.path("engagement").path("total").asLong());
    }

    @Test
    void answersBadParametersWithJsonThatSaysWhatIsAccepted() throws Exception {
        JsonNode e = json("/api/v1/mentions?size=500", 400);
        assertEquals("bad_request", e.path("error").asText());
        assertTrue(e.path("message").asText().contains("must be a whole number from 1 to 200"));
        assertTrue(json("/api/v1/mentions?from=" + URLEncoder.encode("last week", StandardCharsets.UTF_8), 400)
                .path("message").asText().contains("must be an ISO-8601 time"));
        assertTrue(json("/api/v1/mentions?cursor=xyz", 400).path("message").asText().contains("cursor is not valid"));
        assertEquals("not_found", json("/api/v1/mentions/0000", 404).path("error").asText());
        assertEquals("not_found", json("/api/v1/nothing-here", 404).path("error").asText());
    }

    @Test
    void searchesWithTheQueryLanguageAndHighlights() throws Exception {
        JsonNode page = json("/api/v1/mentions?q=" + URLEncoder.encode("Zoodbar AND lang:en", StandardCharsets.UTF_8)
                + "&size=3", 200);
        assertTrue(page.path("total").asLong() > 0, page.toString());
        JsonNode first = page.path("items").get(0);
        assertEquals("en", first.path("lang").asText());
        assertTrue(first.path("highlight").get(0).asText().contains("<mark>"), first.toString());
        assertEquals("bad_query", json("/api/v1/mentions?q=" + URLEncoder.encode("(zoodbar", StandardCharsets.UTF_8), 400)
                .path("error").asText());
    }

    @Test
    void importsAJsonLinesBodyAndReportsBadLines() throws Exception {
        String body = "{\"source\":\"http-import\",\"nativeId\":\"h1\",\"text\":\"Rahsho was on time\","
                + "\"publishedAt\":\"2026-05-01T10:00:00Z\"}\n{broken\n";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/v1/mentions/import")).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode answer = JSON.readTree(r.body());
        assertEquals(2, answer.path("read").asInt());
        assertEquals(1, answer.path("indexed").asInt());
        assertEquals(2, answer.path("errors").get(0).path("line").asInt());
        runtime.store().mentions().refresh();
        assertEquals("rahsho", json("/api/v1/mentions/" + dev.shenava.store.Mention.idOf("http-import", "h1"), 200)
                .path("brands").get(0).asText());
    }

    @Test
    void servesTheEChartsWebJar() throws Exception {
        HttpResponse<String> r = get("/webjars/echarts/5.5.0/echarts.min.js");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().length() > 100_000);
    }

    @Test
    void loadingTheDemoTwiceAddsNothing() {
        var demoOnly = dev.shenava.store.MentionFilter.ALL.withSources(java.util.List.of("demo-telegram", "demo-x",
                "demo-appstore", "demo-mastodon", "demo-reddit", "demo-news"));
        long before = runtime.store().mentions().count(demoOnly);
        DemoLoader.load(runtime);
        assertTrue(runtime.journal().awaitDrained(Duration.ofMinutes(3)));
        runtime.store().mentions().refresh();
        assertEquals(before, runtime.store().mentions().count(demoOnly));
        assertEquals(demoCount, before);
    }
}
