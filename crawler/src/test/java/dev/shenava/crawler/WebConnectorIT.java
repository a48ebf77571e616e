package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class WebConnectorIT {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final Map<String, MockResponse> site = new ConcurrentHashMap<>();
    private final List<String> requested = new java.util.concurrent.CopyOnWriteArrayList<>();

    private void serve() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requested.add(request.getTarget());
                return site.getOrDefault(request.getTarget(), new MockResponse.Builder().code(404).build());
            }
        });
    }

    private static MockResponse text(String body, String type) {
        return new MockResponse.Builder().setHeader("Content-Type", type).body(body).build();
    }

    private Source source(String path) {
        return Fixtures.source("web", SourceKind.WEB, Map.of("url", server.url(path).toString()));
    }

    @Test
    void skipsPagesDisallowedByRobots() {
        site.put("/robots.txt", text("User-agent: *\nDisallow: /private/\n", "text/plain"));
        site.put("/private/report.html", text("<html><body><p>secret</p></body></html>", "text/html"));
        serve();
        Harvest h = new WebConnector().poll(source("/private/report.html"), Cursor.EMPTY, Fixtures.context(Map.of()));
        assertEquals(CrawlStatus.DISALLOWED, h.status());
        assertTrue(h.problem().contains("robots.txt"), h.problem());
        assertEquals(List.of("/robots.txt"), requested);
    }

    @Test
    void extractsTheArticleWithoutBoilerplateInItsDeclaredCharset() {
        site.put("/robots.txt", new MockResponse.Builder().code(404).build());
        site.put("/fa/news/2001", new MockResponse.Builder().setHeader("Content-Type", "text/html")
                .body(new Buffer().write(Fixtures.ours("article.html"))).build());
        serve();
        Harvest h = new WebConnector().poll(source("/fa/news/2001"), Cursor.EMPTY, Fixtures.context(Map.of()));
        assertEquals(1, h.posts().size(), h.problem());
        Post p = h.posts().getFirst();
        assertEquals("https://news.example.ir/fa/news/2001", p.url(), "canonical link, campaign parameter dropped");
        assertEquals("گزارش: تأخير در ارسال سفارش‌ها", p.title());
        assertEquals(Instant.parse("2026-11-21T04:30:00Z"), p.publishedAt());
        assertTrue(p.text().startsWith("بسياري از مشتريان"), p.text());
        assertFalse(p.text().contains("خانه"), "navigation dropped");
        assertFalse(p.text().contains("پربازديدترين"), "sidebar dropped");
        assertFalse(p.text().contains("حقوق"), "footer dropped");
        assertFalse(p.text().contains("اشتراک‌گذاری"), "share box dropped");

        Harvest again = new WebConnector().poll(source("/fa/news/2001"), h.cursor(), Fixtures.context(Map.of()));
        assertEquals(List.of(), again.posts(), "an unchanged page is not news twice");
    }

    @Test
    void followsASitemapToRecentArticlesAndHonoursCrawlDelay() {
        String today = DateTimeFormatter.ISO_INSTANT.format(Instant.now().minus(Duration.ofHours(2)));
        site.put("/robots.txt", text("User-agent: *\nCrawl-delay: 1\nDisallow: /drafts/\n", "text/plain"));
        site.put("/sitemap.xml", text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                + "<url><loc>" + server.url("/a1") + "</loc><lastmod>" + today + "</lastmod></url>\n"
                + "<url><loc>" + server.url("/drafts/a2") + "</loc><lastmod>" + today + "</lastmod></url>\n"
                + "<url><loc>" + server.url("/old") + "</loc><lastmod>2001-01-01</lastmod></url>\n"
                + "</urlset>", "application/xml"));
        site.put("/a1", text("<html><head><title>Price cut</title></head><body><article><p>The company cut"
                + " delivery prices for everyone starting today.</p></article></body></html>", "text/html; charset=utf-8"));
        serve();
        Instant start = Instant.now();
        Harvest h = new WebConnector().poll(source("/sitemap.xml"), Cursor.EMPTY, Fixtures.context(Map.of()));
        assertEquals(List.of("Price cut"), h.posts().stream().map(Post::title).toList());
        assertFalse(requested.contains("/drafts/a2"), "robots.txt obeyed for sitemap entries");
        assertFalse(requested.contains("/old"), "old sitemap entries skipped");
        assertTrue(Duration.between(start, Instant.now()).toMillis() >= 1900,
                "three requests to a host with Crawl-delay: 1 take at least two seconds");
        assertTrue(h.cursor().seen().contains(server.url("/a1").toString()));
    }
}
