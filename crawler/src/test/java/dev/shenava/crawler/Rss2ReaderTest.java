package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The streaming RSS 2.0 reader gives exactly the posts ROME gives, on every recorded feed and on our own, and leaves
 * every feed it does not fully understand to ROME.
 */
class Rss2ReaderTest {

    private static final Source SOURCE = Fixtures.source("feed", SourceKind.RSS,
            Map.of("url", "https://news.example/"));
    private static final Instant FETCHED = Instant.parse("2026-11-22T10:00:00Z");
    private static final FeedConnector FEEDS = new FeedConnector();

    private static Fetched page(byte[] body, String contentType) {
        return new Fetched("https://news.example/feed.xml", CrawlStatus.FETCHED, 200,
                contentType.isEmpty() ? Map.of() : Map.of("content-type", contentType), body, "", FETCHED);
    }

    /** Whether the streaming reader took the feed; fails when its posts differ from ROME's. */
    private static boolean assertSameAsRome(byte[] body, String contentType, String what) {
        Fetched page = page(body, contentType);
        String rome;
        try {
            rome = FEEDS.parse(SOURCE, page, false).toString();
        } catch (CrawlException refused) {
            rome = "refused: " + refused.getMessage();
        }
        String streamed;
        try {
            streamed = FEEDS.parse(SOURCE, page, true).toString();
        } catch (CrawlException refused) {
            streamed = "refused: " + refused.getMessage();
        }
        assertEquals(rome, streamed, what);
        return Rss2Reader.read(Text.stripDoctype(Text.demoronize(page.text()))) != null;
    }

    @Test
    void streamReadsEveryRecordedFeedAsRomeDoes() throws Exception {
        List<Path> files = Fixtures.sharedFiles("rss", ".xml");
        int streamed = 0;
        for (Path file : files) {
            byte[] body = Files.readAllBytes(file);
            // with and without a header: the charset found changes the text both readers see
            streamed += assertSameAsRome(body, "", file.toString()) ? 1 : 0;
            assertSameAsRome(body, "application/rss+xml; charset=utf-8", file + " as UTF-8");
        }
        System.out.printf("streaming RSS 2.0 reader took %d of %d recorded feeds; ROME read the rest%n", streamed,
                files.size());
        assertTrue(streamed >= 5, "the streaming reader took only " + streamed + " of " + files.size() + " feeds");
    }

    @Test
    void streamReadsOurFeedsAsRomeDoes() {
        for (String name : List.of("feed_broken.xml", "feed_fa_windows1256.xml")) {
            assertSameAsRome(Fixtures.ours(name), "", name);
        }
        assertTrue(assertSameAsRome(BenchPages.rss(20), "application/rss+xml; charset=utf-8", "bench feed"),
                "the bench feed is plain RSS 2.0");
    }

    @Test
    void streamAgreesWithRomeOnOddItems() {
        String head = "<?xml version=\"1.0\"?><!-- c --><rss version=\"2.0\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:m=\"http://search.yahoo.com/mrss/\">"
                + "<channel><title>t</title><link>https://news.example/</link>";
        List<String> items = List.of(
                "<item><title>A &amp; B</title><link> https://news.example/a?utm_source=x </link></item>",
                "<item><guid>https://news.example/g</guid><description><![CDATA[<p>Hi <b>there</b></p>]]></description>"
                        + "</item>",
                "<item><guid isPermaLink=\"false\">id-1</guid><title>no link</title></item>",
                "<item><guid isPermaLink=\"FALSE\">id-2</guid><link>rel/x.html</link><author>a@b (A)</author></item>",
                "<item><title>one</title><title>two</title><content:encoded>  </content:encoded>"
                        + "<description>d</description><dc:creator>Maryam</dc:creator><author>x</author></item>",
                "<item><content:encoded><![CDATA[body]]> more</content:encoded><m:content url=\"u\"/></item>",
                "<item><title>t<!-- c --> u</title><pubDate>Sat, 21 Nov 2026 10:00:00 GMT</pubDate></item>",
                "<item><pubDate> Sat, 21 Nov 2026 10:00:00 +0330 </pubDate><category>c</category>"
                        + "<enclosure url=\"https://e/x.mp3\" length=\"1\" type=\"audio/mpeg\"/></item>",
                "<item><title>\u0627\u0631\u0633\u0627\u0644 \u0633\u0641\u0627\u0631\u0634</title></item>",
                "<item></item>");
        for (String item : items) {
            String feed = head + item + "</channel></rss>";
            assertTrue(assertSameAsRome(feed.getBytes(StandardCharsets.UTF_8), "", item), "streamed: " + item);
        }
        List<String> unusual = List.of(
                head + "<item><pubDate>21 Nov 2026</pubDate></item></channel></rss>",
                head + "<item><dc:date>2026-11-21T10:00:00Z</dc:date></item></channel></rss>",
                head + "<item><title>a <b>b</b></title></item></channel></rss>",
                head + "<item><dc:creator> spaced </dc:creator></item></channel></rss>",
                head + "<item><title>&nbsp;</title></item></channel></rss>",
                "<rss version=\"0.91\"><channel><item><title>x</title></item></channel></rss>",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>x</title></entry></feed>",
                head + "<item><title>unclosed</item></channel></rss>");
        for (String feed : unusual) {
            assertNull(Rss2Reader.read(feed), feed);
            assertSameAsRome(feed.getBytes(StandardCharsets.UTF_8), "", feed);
        }
        assertNotNull(Rss2Reader.read(head + "</channel></rss>"));
    }
}
