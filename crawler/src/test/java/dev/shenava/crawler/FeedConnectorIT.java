package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class FeedConnectorIT {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final FeedConnector connector = new FeedConnector();

    private Source source() {
        return Fixtures.source("news", SourceKind.RSS, Map.of("url", server.url("/rss.xml").toString()));
    }

    @Test
    void readsAWindows1256PersianFeedWithCanonicalLinks() {
        server.enqueue(Fixtures.ok(Fixtures.ours("feed_fa_windows1256.xml"), "application/rss+xml",
                Map.of("ETag", "\"abc\"")));
        Harvest h = connector.poll(source(), Cursor.EMPTY, Fixtures.context(Map.of()));
        assertEquals(2, h.posts().size());
        Post first = h.posts().getFirst();
        assertEquals("news-1001", first.nativeId());
        assertEquals("کاهش زمان تحويل سفارش‌ها", first.title(), "windows-1256 has only the Arabic yeh");
        assertEquals("شرکت نمونه اعلام کرد زمان تحويل کاهش يافته است.", first.text());
        assertEquals(server.url("/fa/news/1001").toString(), first.url(), "relative link resolved, utm_* dropped");
        assertEquals(Instant.parse("2026-11-20T05:30:00Z"), first.publishedAt());
        assertEquals("https://news.example.ir/fa/news/1002", h.posts().get(1).url(), "fragment dropped");
        assertEquals("\"abc\"", h.cursor().value("etag").orElseThrow());
    }

    @Test
    void wrongDeclaredCharsetLosesToTheHttpHeader() {
        String feed = "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><item><guid>1</guid>"
                + "<title>caf\u00e9</title></item></channel></rss>";
        byte[] latin1 = feed.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        server.enqueue(Fixtures.ok(latin1, "text/xml; charset=iso-8859-1"));
        Harvest h = connector.poll(source(), Cursor.EMPTY, Fixtures.context(Map.of()));
        assertEquals("café", h.posts().getFirst().title());
    }

    @Test
    void usesConditionalGetAndHandsOnOnlyNewEntries() throws InterruptedException {
        server.enqueue(Fixtures.ok(Fixtures.ours("feed_fa_windows1256.xml"), "application/rss+xml",
                Map.of("Last-Modified", "Sat, 21 Nov 2026 10:30:00 GMT")));
        server.enqueue(new MockResponse.Builder().code(304).build());
        server.enqueue(Fixtures.ok(Fixtures.ours("feed_fa_windows1256.xml"), "application/rss+xml"));
        Harvest first = connector.poll(source(), Cursor.EMPTY, Fixtures.context(Map.of()));
        Harvest second = connector.poll(source(), first.cursor(), Fixtures.context(Map.of()));
        Harvest third = connector.poll(source(), second.cursor(), Fixtures.context(Map.of()));
        assertEquals(CrawlStatus.NOT_MODIFIED, second.status());
        assertTrue(third.posts().isEmpty(), "the same entries are not handed on twice");
        server.takeRequest();
        assertEquals("Sat, 21 Nov 2026 10:30:00 GMT", server.takeRequest().getHeaders().get("If-Modified-Since"));
    }

    @Test
    void readsWhatItCanFromABrokenTruncatedFeed() {
        server.enqueue(Fixtures.ok(Fixtures.ours("feed_broken.xml"), "application/rss+xml"));
        Harvest h = connector.poll(source(), Cursor.EMPTY, Fixtures.context(Map.of()));
        assertEquals(CrawlStatus.FETCHED, h.status());
        assertTrue(h.posts().size() >= 2, "got " + h.posts());
        assertEquals("Fish & Chips price rises", h.posts().getFirst().title());
        assertEquals("Prices went up & customers noticed", h.posts().getFirst().text());
    }

    @Test
    void reportsAnHtmlPageWhereAFeedWasExpected() {
        server.enqueue(Fixtures.ok("<html><body>Login</body></html>".getBytes(), "text/html"));
        Harvest h = connector.poll(source(), Cursor.EMPTY, Fixtures.context(Map.of()));
        assertEquals(CrawlStatus.ERROR, h.status());
        assertTrue(h.problem().contains("not an RSS, Atom or RDF feed"), h.problem());
    }

    @Test
    void unwrapsGoogleAlertsLinks() {
        byte[] feed = Fixtures.sharedBytes("rss/google_alerts/google_alerts_excerpt_2021.xml");
        List<Post> posts = connector.parse(source(), Fetched.of("https://www.google.com/alerts/feeds/1/2",
                Map.of("Content-Type", "application/atom+xml"), feed));
        assertEquals(1, posts.size());
        assertTrue(posts.getFirst().url().startsWith("https://www.theconcordinsider.com/2021/06/04/"), posts.getFirst().url());
        assertTrue(posts.getFirst().text().contains("Philip Dick"));
    }

    @Test
    void parsesEveryRomeTestFeedWithoutCrashing() throws IOException {
        Path dir = Fixtures.shared("rss/rome");
        int feeds = 0;
        int withEntries = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".xml")).toList()) {
                feeds++;
                try {
                    List<Post> posts = connector.parse(source(), Fetched.of("https://example.com/" + f.getFileName(),
                            Map.of(), Files.readAllBytes(f)));
                    withEntries += posts.isEmpty() ? 0 : 1;
                } catch (CrawlException notAFeed) {
                    assertTrue(notAFeed.getMessage().contains("not an RSS"), f + ": " + notAFeed.getMessage());
                }
            }
        }
        System.out.printf("ROME corpus: %d feeds, %d with entries%n", feeds, withEntries);
        assertTrue(withEntries > feeds / 2, withEntries + " of " + feeds);
    }
}
