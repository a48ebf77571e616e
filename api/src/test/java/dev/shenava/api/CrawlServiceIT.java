package dev.shenava.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shenava.crawler.Source;
import dev.shenava.crawler.SourceKind;
import dev.shenava.nlp.Brand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlServiceIT {

    @TempDir
    Path dir;

    @Test
    void pollsASourceIntoTheJournalSavesItsCursorAndStatus() throws java.io.IOException {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            pollOnce(server);
        }
    }

    private void pollOnce(MockWebServer server) {
        String page = "<html><body><section class=\"tgme_channel_history\">"
                + "<div class=\"tgme_widget_message\" data-post=\"demo_shop/7\"><div class=\"tgme_widget_message_text\">"
                + "ارسال زودبر امروز دیر رسید</div><a class=\"tgme_widget_message_date\" href=\"https://t.me/demo_shop/7\">"
                + "<time datetime=\"2026-11-21T10:00:00+00:00\"></time></a></div>"
                + "<div class=\"tgme_widget_message\" data-post=\"demo_shop/8\"><div class=\"tgme_widget_message_text\">"
                + "هوا امروز آفتابی است</div></div>"
                + "<div class=\"tgme_widget_message\" data-post=\"demo_shop/9\"><div class=\"tgme_widget_message_text\">"
                + "راننده اسنپ مودب بود</div></div></section></body></html>";
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8").body(page).build());
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8").body(page).build());
        Map<String, String> settings = Map.of("crawler.allow-private-networks", "true", "crawler.host-delay", "0");
        try (ShenavaRuntime runtime = TestRuntimes.create(dir.resolve("data"), settings);
             CrawlService crawl = CrawlService.create(runtime)) {
            runtime.register(List.of(new Brand("zoodbar", "Zoodbar", List.of("زودبر"), List.of(), List.of()),
                    new Brand("snapp", "Snapp", List.of("اسنپ"), List.of(), List.of())));
            Source tg = new Source("demo-shop", SourceKind.TELEGRAM, Map.of("channel", "demo_shop",
                    "base-url", server.url("/").toString()), List.of("zoodbar"), Duration.ofMinutes(10), "", true);
            List<String> lines = crawl.once(List.of(tg));
            assertEquals(1, lines.size());
            assertTrue(lines.getFirst().contains("3 new posts"), lines.getFirst());
            assertTrue(runtime.journal().awaitDrained(Duration.ofSeconds(60)));
            assertEquals(1, runtime.journal().written(),
                    "only the post naming the source's own brand becomes a mention, not the one naming another brand");
            Source everyBrand = new Source("demo-shop-all", SourceKind.TELEGRAM, Map.of("channel", "demo_shop",
                    "base-url", server.url("/").toString()), List.of(), Duration.ofMinutes(10), "", true);
            crawl.once(List.of(everyBrand));
            assertTrue(runtime.journal().awaitDrained(Duration.ofSeconds(60)));
            assertEquals(3, runtime.journal().written(), "a source listing no brands is matched against all of them");
            assertTrue(Files.exists(dir.resolve("data/cursors/demo-shop.cursor.json")));
            assertEquals("ok", crawl.status("demo-shop").orElseThrow().state());
            try (TestServer api = TestServer.start(r -> ShenavaServer.routing(r, runtime))) {
                assertEquals(201, api.send("POST", "/api/v1/sources", "application/json", "{\"id\":\"demo-shop\","
                        + "\"kind\":\"telegram\",\"params\":{\"channel\":\"demo_shop\"},\"brands\":[\"zoodbar\"]}")
                        .statusCode());
                String shown = api.get("/api/v1/sources/demo-shop").body();
                assertTrue(shown.contains("\"state\":\"ok\"") && shown.contains("\"postsFetched\":3"), shown);
            }
        }
    }

    @Test
    void listsTheConfiguredSourcesWithTheStoredOnesAndKeepsThemReadOnly() throws Exception {
        Map<String, String> settings = Map.of("crawler.enabled", "false");
        try (ShenavaRuntime runtime = TestRuntimes.create(dir.resolve("data"), settings);
             TestServer api = TestServer.start(r -> ShenavaServer.routing(r, runtime))) {
            // application.yaml's example sources, as the crawler polls them
            List<String> configured = runtime.configuredSources().stream().map(Source::id).toList();
            assertEquals(List.of("bbc-persian", "google-news-fa", "telegram-bbcpersian", "hackernews-delivery"),
                    configured);
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode items = json.readTree(api.get("/api/v1/sources").body())
                    .get("items");
            assertEquals(configured, ids(items));
            assertEquals("configuration", items.get(2).get("origin").asText());
            assertEquals("bbcpersian", items.get(2).get("params").get("channel").asText());
            assertEquals(600, items.get(2).get("intervalSeconds").asInt());

            String one = api.get("/api/v1/sources/hackernews-delivery").body();
            assertTrue(one.contains("\"query\":\"delivery app\"") && one.contains("\"origin\":\"configuration\""),
                    one);
            var refused = api.send("DELETE", "/api/v1/sources/bbc-persian", "application/json", "");
            assertEquals(409, refused.statusCode());
            assertTrue(refused.body().contains("configuration file"), refused.body());
            assertEquals(409, api.send("POST", "/api/v1/sources", "application/json",
                    "{\"id\":\"bbc-persian\",\"kind\":\"rss\",\"params\":{\"url\":\"https://news.example/rss\"}}")
                    .statusCode());

            // a stored source of the same id replaces the configured one, and deleting it brings that back
            assertEquals(200, api.send("PUT", "/api/v1/sources/bbc-persian", "application/json",
                    "{\"kind\":\"rss\",\"params\":{\"url\":\"https://news.example/rss\"},\"enabled\":false}")
                    .statusCode());
            assertEquals(201, api.send("POST", "/api/v1/sources", "application/json",
                    "{\"id\":\"shop-news\",\"kind\":\"rss\",\"params\":{\"url\":\"https://shop.example/rss\"}}")
                    .statusCode());
            items = json.readTree(api.get("/api/v1/sources").body()).get("items");
            assertEquals(5, items.size(), items.toString());
            com.fasterxml.jackson.databind.JsonNode replaced = null;
            for (com.fasterxml.jackson.databind.JsonNode item : items) {
                replaced = item.get("id").asText().equals("bbc-persian") ? item : replaced;
            }
            assertEquals("https://news.example/rss", replaced.get("params").get("url").asText());
            assertTrue(replaced.get("origin") == null && !replaced.get("enabled").asBoolean(), replaced.toString());
            assertEquals(204, api.send("DELETE", "/api/v1/sources/bbc-persian", "application/json", "").statusCode());
            assertTrue(api.get("/api/v1/sources/bbc-persian").body().contains("feeds.bbci.co.uk"));
        }
    }

    @Test
    void warnsOnceAboutAConfiguredSourceItCannotRead() throws Exception {
        String sources = """
                sources:
                  - id: misspelt
                    kind: rsss
                    params: {url: "https://news.example/rss"}
                  - id: shop-news
                    kind: rss
                    params: {url: "https://shop.example/rss"}
                """;
        try (LogCapture log = LogCapture.of(CrawlService.class.getName());
             ShenavaRuntime runtime = TestRuntimes.create(dir.resolve("data"), Map.of("crawler.enabled", "false"),
                sources);
             TestServer api = TestServer.start(r -> ShenavaServer.routing(r, runtime));
             CrawlService crawl = CrawlService.create(runtime)) {
            List<String> ids = crawl.sources().stream().map(Source::id).toList();
            assertTrue(ids.contains("shop-news") && !ids.contains("misspelt"), ids.toString());
            assertEquals(ids, crawl.sources().stream().map(Source::id).toList()); // as at each reload
            assertEquals(ids.size(), json(api.get("/api/v1/sources").body()).get("items").size());
            List<String> warnings = log.records().stream().map(java.util.logging.LogRecord::getMessage)
                    .filter(m -> m.startsWith("skipping source")).toList();
            assertEquals(1, warnings.size(), "read once for the routes, the crawler and each reload: " + warnings);
            assertTrue(warnings.getFirst().contains("rsss"), warnings.getFirst());
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String body) throws java.io.IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    }

    private static List<String> ids(com.fasterxml.jackson.databind.JsonNode items) {
        List<String> ids = new java.util.ArrayList<>();
        items.forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }
}
