package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The feed connector's plain-text path (bodies turned into plain text while the scan reads them, {@link FeedText},
 * links checked once) gives exactly the posts of the path that keeps every field raw and cleans it afterwards: on
 * every recorded feed, ours, and thousands of feeds and fields changed at random.
 */
class FeedPlainTextTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
            + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n<channel><title>t</title>\n";
    private static final String TAIL = "</channel></rss>\n";
    private static final String UTF8 = "application/rss+xml; charset=utf-8";
    private static final FeedConnector FEEDS = new FeedConnector();
    private static final Source SOURCE = new Source("feed", SourceKind.RSS, Map.of("url", "https://news.example/feed"),
            List.of(), Duration.ofMinutes(5), "", true);

    /**
     * Whether the plain-text path took the feed; fails when its posts differ from the raw path's (a feed it leaves
     * goes to the raw path itself).
     */
    private static boolean assertSamePosts(byte[] body, String contentType, String what) {
        Fetched page = Fetched.of("https://news.example/feed.xml",
                contentType.isEmpty() ? Map.of() : Map.of("content-type", contentType), body);
        if (!StandardCharsets.UTF_8.equals(page.charset()) || Rss2PlainScanner.readPlainUtf8(body) == null) {
            return false;
        }
        assertEquals(FEEDS.parseRaw(SOURCE, page, true), FEEDS.parse(SOURCE, page), what);
        return true;
    }

    @Test
    void givesTheRawPathsPostsForEveryRecordedFeed() throws Exception {
        List<Path> files = Fixtures.sharedFiles("rss", ".xml");
        int taken = 0;
        for (Path file : files) {
            byte[] body = Files.readAllBytes(file);
            for (String type : List.of("", UTF8, "text/xml; charset=windows-1252")) {
                taken += assertSamePosts(body, type, file + " as " + type) ? 1 : 0;
            }
        }
        System.out.printf("plain-text feed path took %d of %d recorded feeds (3 charsets), each as the raw path%n",
                taken, files.size() * 3);
        assertTrue(taken >= 5, "the plain-text path took only " + taken);
    }

    @Test
    void givesTheRawPathsPostsForOurFeeds() {
        for (String name : List.of("feed_broken.xml", "feed_fa_windows1256.xml")) {
            assertSamePosts(Fixtures.ours(name), "", name);
        }
        assertTrue(assertSamePosts(BenchPages.rss(20), UTF8, "bench feed"), "the bench feed takes the plain path");
        String feed = HEAD + "<item><title>A &amp; B</title><link> https://news.example/a?utm_source=x&amp;id=3 </link>"
                + "<description>&lt;p&gt;Hello&lt;br/&gt;  world &amp;#38; &#8217;s &#x41;\u00A0b&lt;/p&gt;</description>"
                + "<content:encoded><![CDATA[<p>content wins</p>]]></content:encoded></item>"
                + "<item><link>/relative/path</link><description>\u0627\u0631\u0633\u0627\u0644 &lt;b&gt;\u06CC"
                + "&lt;/b&gt;\n\n x</description><content:encoded>  </content:encoded></item>"
                + "<item><guid>g</guid><description>\u2003</description></item>"
                + "<item><guid>h</guid><description>&lt;p&gt;\u2003&lt;/p&gt;</description></item>" + TAIL;
        assertTrue(assertSamePosts(feed.getBytes(StandardCharsets.UTF_8), UTF8, feed));
        List<Post> posts = FEEDS.parse(SOURCE, Fetched.of("https://news.example/feed.xml",
                Map.of("content-type", UTF8), feed.getBytes(StandardCharsets.UTF_8)));
        assertEquals("content wins", posts.get(0).text());
        assertEquals("https://news.example/a?id=3", posts.get(0).url());
        assertEquals("\u0627\u0631\u0633\u0627\u0644 \u06CC\nx", posts.get(1).text());
        assertEquals("https://news.example/relative/path", posts.get(1).url());
    }

    /** Pieces a description is made of, escaped as a feed writes them, with what the fast reader leaves alone. */
    private static final String[] PIECES = {"word", " ", "  ", "\n", "\r\n", "\r", "\t", "&lt;p&gt;", "&lt;/p&gt;",
        "&lt;br&gt;", "&lt;br/&gt;", "&lt;BR /&gt;", "&lt;b&gt;", "&lt;/B&gt;", "&lt;span&gt;", "&lt;h1&gt;",
        "&lt;div class=\"x\"&gt;", "&lt;a href=\"u\"&gt;", "&lt;/a&gt;", "&lt;", "&gt;", "&amp;", "&amp;amp;",
        "&amp;nbsp;", "&quot;", "&apos;", "&#32;", "&#10;", "&#13;", "&#9;", "&#38;", "&#60;", "&#x41;", "&#X41;",
        "&#x2003;", "&#8217;", "&#128512;", "&#1;", "&#x85;", "&#xA0;", "&#160;", "&#65534;", "&#", "&#;", "&x;",
        "&lt;p", "p&gt;", "\u00A0", "\u2003", "\u3000", "\u200C", "\u0627\u0631\u0633\u0627\u0644", "\u06CC",
        "\uD83D\uDE00", "\u00E9", "\u0085", "\u0096", "<![CDATA[<p>x</p>]]>", "<!-- c -->", "]]>", ">", "\u007F",
        "\uFFFD", "&lt;!-- x --&gt;", "&lt;/&gt;", "&lt;1&gt;", "&lt;p1&gt;", "&lt;br&gt;&lt;br&gt;", "."};

    /** Dates as feeds write them, well or badly. */
    private static final String[] DATES = {"Sat, 21 Nov 2026 10:00:00 GMT", " Sat, 21 Nov 2026 10:00:00 +0330 ",
        "\n Sat, 21 Nov 2026 10:00:00 -0500\n", "21 Nov 2026 10:00:00 GMT", "Fri, 21 Nov 2026 10:00:00 GMT",
        "Sat, 21 Nov 2026 10:00:00 UT", "Sat, 21 Nov 2026 10:00:00 EST", "Sat, 21 Nov 2026 24:00:00 GMT",
        "Sat, 31 Nov 2026 10:00:00 GMT", "Mon, 29 Feb 2027 10:00:00 GMT", "Tue, 29 Feb 2028 10:00:00 GMT",
        "Sat, 21 Nov 2026 10:00:00 +1800", "Sat, 21 Nov 2026 10:00:00 +1830", "Sat, 1 Nov 2026 10:00:00 GMT",
        "Sun, 1 Nov 2026 10:00:00 GMT", "2026-11-21T10:00:00Z", "", "  ", "Sat, 21 Nov 2026 10:00 GMT",
        "Sat,  21 Nov 2026 10:00:00 GMT", "Sat, 21 nov 2026 10:00:00 GMT", "Sat, 21 Nov 2026 10:00:00 GMT&#32;",
        "<![CDATA[Sat, 21 Nov 2026 10:00:00 GMT]]>", "Sat, 21 Nov 2026\t10:00:00 GMT"};

    @Test
    void givesTheRawPathsPostsForFieldsMadeAtRandom() {
        Random random = new Random(20261123);
        int cases = 6000;
        int fast = 0;
        int taken = 0;
        FeedText reader = new FeedText();
        for (int t = 0; t < cases; t++) {
            StringBuilder field = new StringBuilder();
            int pieces = random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                field.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String element = List.of("description", "content:encoded", "title").get(random.nextInt(3));
            String feed = HEAD + "<item><guid>g" + t + "</guid><" + element + ">" + field + "</" + element + ">"
                    + (random.nextBoolean() ? "" : "<pubDate>" + DATES[random.nextInt(DATES.length)] + "</pubDate>")
                    + (random.nextInt(3) == 0 ? "<pubDate>Sun, 22 Nov 2026 10:00:00 GMT</pubDate>" : "")
                    + (random.nextInt(4) == 0 ? "<description>&lt;i&gt;second&lt;/i&gt;</description>" : "")
                    + "</item>" + TAIL;
            byte[] body = feed.getBytes(StandardCharsets.UTF_8);
            taken += assertSamePosts(body, UTF8, feed) ? 1 : 0;
            byte[] bytes = (field + "</").getBytes(StandardCharsets.UTF_8);
            fast += reader.read(bytes, 0, bytes.length) == bytes.length - 2 ? 1 : 0;
        }
        System.out.printf("plain-text feed path took %d of %d random fields, the one-pass reader %d%n", taken, cases,
                fast);
        assertTrue(taken > cases / 4 && fast > cases / 10, "too few taken to compare: " + taken + ", " + fast);
    }

    @Test
    void readsAsciiWordsEightBytesAStepAsTheRawPathDoes() {
        assertReadsAsTheRawPath("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789.,;:!?()'\"/-_=+*  \t\n\r&<>\u007F\u0001",
                36, 8);
    }

    @Test
    void readsArabicScriptWordsSpacesAndNonJoinersInTheirOwnLoopAsTheRawPathDoes() {
        assertReadsAsTheRawPath("\u0627\u0631\u0633\u0644\u06CC\u06A9\u0647\u0634\u0645\u0646\u0648\u062A\u0628"
                + "\u0600\u07FF\u00C0\u00C3\u00FF\u0100 .\u00A9\u00A0\u0085\u200C\u2003\n\t&<>", 19, 9);
    }

    @Test
    void readsFieldsLongerThanItsBufferInOnePassAsTheRawPathDoes() {
        String persian = "\u0627\u0631\u0633\u0627\u0644 \u0633\u0641\u0627\u0631\u0634\u200C\u0647\u0627 "
                + "\u0628\u0627 \u062A\u0623\u062E\u06CC\u0631. ";
        String english = "Delivery was late again and support did not answer. ";
        for (int repeats : new int[] {1, 20, 90, 400}) {
            String field = "&lt;p&gt;" + (persian + english).repeat(repeats) + "&lt;/p&gt;"
                    + persian.repeat(repeats) + "&lt;br&gt;" + english.repeat(repeats);
            String feed = HEAD + "<item><guid>g</guid><description>" + field + "</description></item>" + TAIL;
            assertTrue(assertSamePosts(feed.getBytes(StandardCharsets.UTF_8), UTF8, feed), "taken: " + repeats);
            byte[] bytes = (field + "</").getBytes(StandardCharsets.UTF_8);
            assertEquals(bytes.length - 2, new FeedText().read(bytes, 0, bytes.length), "read in one pass");
        }
    }

    /** Fields of {@code alphabet}'s characters, half of them of its first {@code plain} only, read both ways. */
    private static void assertReadsAsTheRawPath(String alphabet, int plain, long seed) {
        Random random = new Random(seed);
        int fast = 0;
        FeedText reader = new FeedText();
        for (int t = 0; t < 4000; t++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(60);
            boolean plainOnly = random.nextBoolean(); // letters, digits and single spaces: the eight-byte steps
            for (int c = 0; c < length; c++) {
                int limit = plainOnly ? plain : alphabet.length();
                text.append(random.nextInt(8) == 0 ? " " : alphabet.charAt(random.nextInt(limit)));
                if (random.nextInt(40) == 0) {
                    text.append(List.of("&lt;p&gt;", "&lt;/b&gt;", "&amp;", "&#233;", "\u0627\u06CC", "&#32;",
                            "\u00A0").get(random.nextInt(7)));
                }
            }
            String field = text.toString().replace("&", random.nextBoolean() ? "&amp;" : "&")
                    .replace("<", "&lt;").replace(">", random.nextBoolean() ? "&gt;" : ">");
            String feed = HEAD + "<item><guid>g</guid><description>" + field + "</description></item>" + TAIL;
            assertSamePosts(feed.getBytes(StandardCharsets.UTF_8), UTF8, feed);
            byte[] bytes = (field + "</").getBytes(StandardCharsets.UTF_8);
            fast += reader.read(bytes, 0, bytes.length) == bytes.length - 2 ? 1 : 0;
        }
        assertTrue(fast > 1000, "too few fields read in one pass: " + fast);
    }

    @Test
    void givesTheRawPathsPostsForFeedsChangedAtRandom() {
        String[] hostile = {"<", ">", "&", ";", "/", "\"", " ", "\r\n", "]]>", "<![CDATA[", "&amp;", "&lt;", "&gt;",
            "&lt;p&gt;", "&lt;/b&gt;", "&#38;", "&#1;", "\u0000", "\u0085", "\u00A0", "\u2003", "\u0627", "<item>",
            "</item>", "<guid>", "</guid>", "<link>", "</link>", "<description>", "</description>", "?utm_source=a",
            "https://news.example/x", "/y", "#f", "<dc:creator>x</dc:creator>", "<item/>", "/>", "&#x2003;"};
        List<String> seeds = List.of(new String(BenchPages.rss(3), StandardCharsets.UTF_8),
                HEAD + "<item><title>A &amp; B</title><link>https://news.example/a?b=1&amp;utm_medium=m</link>"
                        + "<description>&lt;p&gt;d &lt;b&gt;x&lt;/b&gt;&lt;/p&gt;</description><dc:creator>M"
                        + "</dc:creator><content:encoded><![CDATA[<p>c</p>]]></content:encoded></item>"
                        + "<item><title>\u0627\u0631\u0633\u0627\u0644</title><link>/a/b</link><description>"
                        + "\u0627 &#x627; &lt;br&gt;</description></item>" + TAIL);
        Random random = new Random(20261124);
        int taken = 0;
        int cases = 4000;
        for (int t = 0; t < cases; t++) {
            String text = Fixtures.mutate(seeds.get(t % seeds.size()), hostile, random);
            taken += assertSamePosts(text.getBytes(StandardCharsets.UTF_8), UTF8, text) ? 1 : 0;
        }
        System.out.printf("plain-text feed path took %d of %d changed feeds, each as the raw path%n", taken, cases);
        assertTrue(taken > cases / 10, "too few changed feeds taken to compare: " + taken);
    }
}
