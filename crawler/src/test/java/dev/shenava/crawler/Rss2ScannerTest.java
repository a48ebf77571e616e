package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The one-scan RSS 2.0 reader gives exactly the entries of the StAX reader (itself tested against ROME) on every feed
 * it takes: every recorded feed, ours, and thousands of feeds changed at random with what breaks XML; and it leaves
 * every feed it cannot check to the XML parser.
 */
class Rss2ScannerTest {

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- c --><rss version=\"2.0\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
            + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
            + " xmlns:m=\"http://search.yahoo.com/mrss/\">\n"
            + "<channel><title>t</title><link>https://news.example/</link><image><url>u</url></image>\n";
    private static final String TAIL = "</channel></rss>\n";

    /** The reference: what the feed connector gives the StAX reader when the scanner leaves a feed. */
    private static List<Rss2Reader.Entry> reference(String decoded) {
        return Rss2Reader.read(Text.stripDoctype(Text.demoronize(decoded)));
    }

    /**
     * Whether the scanner took the text; fails when it took it and its entries differ from the StAX reader's, or when
     * reading the text's UTF-8 bytes gives other entries than reading the text.
     */
    private static boolean assertSame(String decoded, String what) {
        List<Rss2Reader.Entry> scanned = Rss2Scanner.read(decoded);
        byte[] utf8 = decoded.getBytes(StandardCharsets.UTF_8);
        List<Rss2Reader.Entry> fromBytes = Rss2Scanner.readUtf8(utf8);
        if (fromBytes != null) {
            assertEquals(reference(new String(utf8, StandardCharsets.UTF_8)), fromBytes, what + " from its bytes");
        }
        if (scanned == null) {
            return false;
        }
        assertEquals(reference(decoded), scanned, what);
        assertEquals(scanned, fromBytes, what + " from its bytes");
        return true;
    }

    @Test
    void scansEveryRecordedFeedAsTheStreamingReaderDoes() throws Exception {
        List<Path> files = Fixtures.sharedFiles("rss", ".xml");
        int scanned = 0;
        int streamed = 0;
        for (Path file : files) {
            byte[] body = Files.readAllBytes(file);
            for (String type : List.of("", "application/rss+xml; charset=utf-8", "text/xml; charset=windows-1252")) {
                String text = Fetched.of("https://news.example/feed.xml",
                        type.isEmpty() ? Map.of() : Map.of("content-type", type), body).text();
                scanned += assertSame(text, file + " as " + type) ? 1 : 0;
                streamed += reference(text) != null ? 1 : 0;
            }
        }
        System.out.printf("one-scan RSS 2.0 reader took %d, the StAX reader %d of %d recorded feeds (3 charsets)%n",
                scanned, streamed, files.size() * 3);
        assertTrue(scanned >= 5, "the scanner took only " + scanned + " of " + files.size() * 3);
    }

    @Test
    void scansOurFeedsAsTheStreamingReaderDoes() {
        for (String name : List.of("feed_broken.xml", "feed_fa_windows1256.xml")) {
            assertSame(Fetched.of("https://news.example/", Map.of(), Fixtures.ours(name)).text(), name);
        }
        String bench = new String(BenchPages.rss(20), StandardCharsets.UTF_8);
        assertTrue(assertSame(bench, "bench feed"), "the bench feed is plain RSS 2.0");
        assertEquals(20, Rss2Scanner.read(bench).size());
    }

    @Test
    void readsWhatTheStreamingReaderReads() {
        List<String> items = List.of(
                "<item><title>A &amp; B &lt;&gt;&quot;&apos; &#1575;&#x627;&#x1F600;</title>"
                        + "<link> https://news.example/a?utm_source=x </link></item>",
                "<item><guid>https://news.example/g</guid><description><![CDATA[<p>Hi <b>there</b>]]]]>"
                        + "<![CDATA[>]]></description></item>",
                "<item><guid isPermaLink=\"false\">id-1</guid><title>no link</title></item>",
                "<item><guid isPermaLink='FALSE' >id-2</guid><guid>id-3</guid><link>rel/x.html</link>"
                        + "<author>a@b (A)</author></item>",
                "<item><title>one</title><title>two</title><content:encoded>  </content:encoded>"
                        + "<description>d</description><dc:creator>Maryam</dc:creator><author>x</author></item>",
                "<item><content:encoded><![CDATA[body]]> more</content:encoded><m:content url=\"u\"/></item>",
                "<item><title>t<!-- c --> u</title><pubDate>Sat, 21 Nov 2026 10:00:00 GMT</pubDate></item>",
                "<item><pubDate> Sat, 21 Nov 2026 10:00:00 +0330 </pubDate><category>c</category>"
                        + "<enclosure url=\"https://e/x.mp3\" length=\"1\" type=\"audio/mpeg\"/></item>",
                "<item><title>\u0627\u0631\u0633\u0627\u0644 \u0633\u0641\u0627\u0631\u0634</title></item>",
                "<item><title>line\r\none\rtwo&#13;three</title><description><![CDATA[a\r\nb]]></description></item>",
                "<item><title/><link/><description></description></item>",
                "<item xml:lang=\"fa\"><title m:x=\"1\">x</title><m:group><m:content url='a&amp;b'/></m:group></item>",
                "<item><x><y><z>deep</z></y></x><title>after</title></item>",
                "<item><title>\uD83D\uDE00 \u007F ok ]] > ]></title></item>",
                "<item/>",
                "<item></item>");
        for (String item : items) {
            String feed = HEAD + item + TAIL;
            assertNotNull(reference(feed), "the StAX reader takes " + item);
            assertTrue(assertSame(feed, item), "scanned: " + item);
        }
        assertTrue(assertSame(HEAD + TAIL, "no items"));
        assertTrue(assertSame("<rss version=\"2.0\"><channel><item><title>x</title></item></channel></rss>", "bare"));
        assertTrue(assertSame("<?xml version='1.0' standalone='yes' ?>\r\n<rss version=\"2.0\"><channel/>"
                + "<channel><item><title>second channel</title></item></channel></rss><!-- end -->\n", "two channels"));
    }

    @Test
    void takesTheXmlDeclarationsVersionOnePointZeroAllows() {
        Map<String, Boolean> declarations = new java.util.LinkedHashMap<>();
        declarations.put("<?xml version=\"1.0\" encoding=\"utf-8\"?>", true);
        declarations.put("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", true);
        declarations.put("<?xml version=\"1.0\" encoding=\"u\"?>", true);
        declarations.put("<?xml version=\"1.0\" encoding=\"utf-8\"  ?>", true);
        declarations.put("<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>", true);
        declarations.put("<?xml version='1.0' encoding='utf-8'?>", true);
        declarations.put("<?xml version=\"1.0\"?>", true);
        declarations.put("<?xml version=\"1.0\" encoding=\"\"?>", false);
        declarations.put("<?xml version=\"1.0\" encoding=\"8bit\"?>", false);
        declarations.put("<?xml version=\"1.0\" encoding=\"utf 8\"?>", false);
        declarations.put("<?xml version=\"1.0\" encoding=\"utf-8'?>", false);
        declarations.put("<?xml version=\"1.0\" encoding=\"a\"b\"?>", false);
        declarations.put("<?xml version=\"1.1\" encoding=\"utf-8\"?>", false);
        for (Map.Entry<String, Boolean> d : declarations.entrySet()) {
            String feed = d.getKey() + "\n<rss version=\"2.0\"><channel><item><title>x</title></item></channel></rss>";
            assertEquals(d.getValue(), Rss2Scanner.read(feed) != null, feed);
            if (d.getValue()) {
                assertTrue(assertSame(feed, feed));
            }
        }
    }

    @Test
    void refusesAnEndTagThatDiffersFromItsStartTagInAnyByte() {
        for (int length = 1; length <= 20; length++) {
            String name = "abcdefghijklmnopqrstuvwxyz".substring(0, length);
            for (String tail : List.of("</channel></rss>", "</channel></rss>\n<!-- a comment after the root -->")) {
                String head = "<rss version=\"2.0\"><channel><item><guid>g</guid><" + name + ">x</";
                String same = head + name + "></item>" + tail;
                assertNotNull(Rss2Scanner.readUtf8(same.getBytes(StandardCharsets.UTF_8)), same);
                for (int at = 0; at < length; at++) {
                    String other = name.substring(0, at) + "Z" + name.substring(at + 1);
                    String feed = head + other + "></item>" + tail;
                    assertNull(reference(feed), feed);
                    assertNull(Rss2Scanner.readUtf8(feed.getBytes(StandardCharsets.UTF_8)), feed);
                }
                String longer = head + name + "q></item>" + tail;
                assertNull(Rss2Scanner.readUtf8(longer.getBytes(StandardCharsets.UTF_8)), longer);
            }
        }
    }

    @Test
    void readsUtf8BytesAsTheirDecodedText() {
        String feed = HEAD + "<item><title>\u0627\u0631\u0633\u0627\u0644 \uD83D\uDE00</title></item>" + TAIL;
        byte[] utf8 = feed.getBytes(StandardCharsets.UTF_8);
        assertEquals(reference(feed), Rss2Scanner.readUtf8(utf8));
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        assertEquals(reference(feed), Rss2Scanner.readUtf8(bom), "after a byte order mark");
        int title = feed.indexOf("\u0627");
        byte[] broken = utf8.clone();
        broken[feed.substring(0, title).getBytes(StandardCharsets.UTF_8).length + 1] = (byte) 0x41; // a cut sequence
        assertNull(Rss2Scanner.readUtf8(broken), "malformed UTF-8 is the decoder's and the parser's affair");
        assertNull(Rss2Scanner.readUtf8(java.util.Arrays.copyOf(utf8, utf8.length - 9)), "truncated");
    }

    @Test
    void leavesWhatItCannotCheckToTheParser() {
        List<String> unusual = List.of(
                "<!DOCTYPE rss [<!ENTITY e \"x\">]>" + HEAD.substring(HEAD.indexOf("<rss")) + "<item><title>&e;</title>"
                        + "</item>" + TAIL,
                HEAD + "<item><title>&nbsp;</title></item>" + TAIL,
                HEAD + "<item><description><![CDATA[<!doctype html>]]></description></item>" + TAIL,
                HEAD + "<item><!-- <!DOCTYPE x> --></item>" + TAIL,
                HEAD + "<item><title>a <b>b</b></title></item>" + TAIL,
                HEAD + "<item><title>unclosed</item>" + TAIL,
                HEAD + "<item><title>c1 \u0096 dash</title></item>" + TAIL,
                HEAD + "<item><title>nul \u0000</title></item>" + TAIL,
                HEAD + "<item><title>\uFFFE</title></item>" + TAIL,
                HEAD + "<item><title>lone \uD800 x</title></item>" + TAIL,
                HEAD + "<item><title>x ]]> y</title></item>" + TAIL,
                HEAD + "<item><title>&#0;</title></item>" + TAIL,
                HEAD + "<item><title>&#X41;</title></item>" + TAIL,
                HEAD + "<item><title>&amp</title></item>" + TAIL,
                HEAD + "<item><title>a<?pi x?></title></item>" + TAIL,
                HEAD + "<item><x:title>undeclared</x:title></item>" + TAIL,
                HEAD + "<item xmlns:x=\"urn:x\"><x:title>declared below the root</x:title></item>" + TAIL,
                HEAD + "<item a=\"1\" a=\"2\"><title>twice</title></item>" + TAIL,
                HEAD + "<item m:a=\"1\" m:a=\"2\"/>" + TAIL,
                HEAD + "<item a=\"<\"/>" + TAIL,
                HEAD + "<item" + " a".repeat(65).replace(" a", " a%d=\"1\"").formatted(
                        java.util.stream.IntStream.range(0, 65).boxed().toArray()) + "/>" + TAIL,
                HEAD + "<x>".repeat(70) + "</x>".repeat(70) + TAIL,
                HEAD + "<item><dc:date>2026-11-21T10:00:00Z</dc:date></item>" + TAIL,
                HEAD + "<item><dc:creator> spaced </dc:creator></item>" + TAIL,
                HEAD + "<item><pubDate>21 Nov 2026</pubDate></item>" + TAIL,
                HEAD + "<item><title>x</title></item><!-- a -- b -->" + TAIL,
                HEAD + TAIL + "<rss/>",
                HEAD + TAIL + "text after",
                HEAD + "<item><title>truncated",
                "<?xml version=\"1.1\"?><rss version=\"2.0\"><channel/></rss>",
                "<?xml-stylesheet href=\"a.xsl\"?><rss version=\"2.0\"><channel/></rss>",
                " <?xml version=\"1.0\"?><rss version=\"2.0\"><channel/></rss>",
                "<rss version=\"0.91\"><channel><item><title>x</title></item></channel></rss>",
                "<rss version=\"2.0\" xmlns=\"urn:x\"><channel/></rss>",
                "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>x</title></entry></feed>",
                "<rss version=\"2.0\"><channel><item><title>x</title></item></channel></rsss>",
                "<rss version=\"2.0\"><channel><item><title>x</title></item></channel></rss",
                "<rss version=\"2.0\"><channel><item><title>x</title></item></channel></rss>\u0000",
                "<rss version=\"2.0\"><channel><item\u00A0a=\"1\"><title>x</title></item></channel></rss>",
                "<rss version=\"2.0\"><channel><\u0627><title>x</title></\u0627></channel></rss>");
        for (String feed : unusual) {
            assertNull(Rss2Scanner.read(feed), feed);
        }
    }

    @Test
    void agreesWithTheStreamingReaderOnFeedsChangedAtRandom() {
        String[] hostile = {"<", ">", "&", ";", "/", "\"", "'", "=", " ", "\r", "\r\n", "\t", "]]>", "]]", "<!--",
            "-->", "--", "<![CDATA[", "<?", "?>", "<!DOCTYPE x>", "&amp;", "&lt;", "&#38;", "&#x26;", "&#1;",
            "&#xD800;", "&#65534;", "&nbsp;", "&#", "\u0000", "\u0085", "\u0096", "\u00A0", "\uFFFE", "\uFFFF",
            "\uD83D", "\uDE00", "\uD83D\uDE00", "\u0627", "\u06CC", "<b>", "</b>", "<title>", "</title>", "<item>",
            "</item>", "<channel>",
            "</channel>", "<rss>", "</rss>", "<dc:creator>x</dc:creator>", "<dc:date>", "<x:y>", "</x:y>",
            "xmlns:q=\"urn:q\"", " a=\"1\"", " a='&amp;'", "m:", "dc:", ":", "<guid isPermaLink=\"false\">",
            "<pubDate>", "Sat, 21 Nov 2026 10:00:00 GMT", "version=\"2.0\"", "2.0", "<item/>", "/>"};
        List<String> seeds = List.of(new String(BenchPages.rss(3), StandardCharsets.UTF_8),
                HEAD + "<item><title>A &amp; B</title><link>https://news.example/a</link><guid isPermaLink=\"false\">"
                        + "g</guid><description><![CDATA[<p>d</p>]]></description><dc:creator>M</dc:creator>"
                        + "<content:encoded>c</content:encoded><pubDate>Sat, 21 Nov 2026 10:00:00 GMT</pubDate>"
                        + "<m:content url=\"u\"/></item><item><title>\u0627\u0631\u0633\u0627\u0644</title></item>"
                        + TAIL);
        Random random = new Random(20261123);
        int scanned = 0;
        int cases = 6000;
        for (int t = 0; t < cases; t++) {
            String text = Fixtures.mutate(seeds.get(t % seeds.size()), hostile, random);
            List<Rss2Reader.Entry> mine = Rss2Scanner.read(text);
            if (mine != null) {
                assertEquals(reference(text), mine, text);
                scanned++;
            }
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8); // a lone surrogate becomes '?'
            List<Rss2Reader.Entry> fromBytes = Rss2Scanner.readUtf8(utf8);
            if (fromBytes != null) {
                assertEquals(reference(new String(utf8, StandardCharsets.UTF_8)), fromBytes, text);
            }
        }
        System.out.printf("one-scan RSS 2.0 reader took %d of %d changed feeds, each as the StAX reader%n", scanned,
                cases);
        assertTrue(scanned > cases / 10, "too few changed feeds taken to compare: " + scanned);
    }
}
