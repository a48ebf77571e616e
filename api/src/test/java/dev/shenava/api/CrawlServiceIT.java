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
}
