package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reader of t.me/s pages gives exactly the posts jsoup's tree gives, on every recorded page, on our own,
 * and on pages changed at random, and leaves every page whose markup it does not fully understand to jsoup.
 */
class TelegramStreamReaderTest {

    private static final Source SOURCE = Fixtures.source("tg", SourceKind.TELEGRAM,
            Map.of("channel", "@shenava_demo"));
    private static final Instant FETCHED = Instant.parse("2026-11-22T10:00:00Z");
    private static final TelegramConnector TELEGRAM = new TelegramConnector();

    private static Fetched page(String html) {
        return page(html.getBytes(StandardCharsets.UTF_8), "utf-8");
    }

    private static Fetched page(byte[] body, String charset) {
        return new Fetched("https://t.me/s/x", CrawlStatus.FETCHED, 200, Map.of("content-type",
                "text/html; charset=" + charset), body, "", FETCHED);
    }

    /** Whether the stream reader took the page; fails when its posts differ from those read through jsoup's tree. */
    private static boolean assertSameAsTree(String html, String what) {
        return assertSameAsTree(page(html), what);
    }

    private static boolean assertSameAsTree(Fetched page, String what) {
        String text = page.text();
        assertEquals(TELEGRAM.parse(SOURCE, page, text).toString(), TELEGRAM.parse(SOURCE, page).toString(), what);
        boolean fromBytes = StandardCharsets.UTF_8.equals(page.charset());
        return (fromBytes ? TelegramStreamReader.read(page.body(), page.url())
                : TelegramStreamReader.read(text, page.url())) != null;
    }

    @Test
    void streamReadsOurPagesAsTheTreeDoes() {
        for (String name : List.of("telegram_page1.html", "telegram_page2.html")) {
            String html = new String(Fixtures.ours(name), StandardCharsets.UTF_8);
            assertTrue(assertSameAsTree(html, name), name + " is read by the stream reader");
            assertTrue(TELEGRAM.parse(SOURCE, page(html)).size() > 0, name);
        }
        assertTrue(assertSameAsTree(new String(BenchPages.telegram(20), StandardCharsets.UTF_8), "bench"));
    }

    @Test
    void streamReadsEveryRecordedPageAsTheTreeDoes() throws Exception {
        List<Path> files = recorded();
        int streamed = 0;
        for (Path file : files) {
            streamed += assertSameAsTree(Files.readString(file), file.toString()) ? 1 : 0;
        }
        System.out.printf("telegram stream reader took %d of %d recorded pages; jsoup read the rest%n", streamed,
                files.size());
        assertTrue(streamed * 2 >= files.size(), "the stream reader took only " + streamed + " of " + files.size());
    }

    @Test
    void streamAgreesWithTheTreeOnPagesChangedAtRandom() throws Exception {
        List<String> pages = new ArrayList<>();
        pages.add(new String(Fixtures.ours("telegram_page2.html"), StandardCharsets.UTF_8));
        pages.add(new String(BenchPages.telegram(3), StandardCharsets.UTF_8));
        if (System.getProperty("shenava.shared") != null
                && Files.isDirectory(Path.of(System.getProperty("shenava.shared"), "fixtures", "telegram"))) {
            for (Path file : recorded()) {
                pages.add(Files.readString(file));
            }
        }
        String[] inserts = {"<p>", "</div>", "<div>", "<br>", "</br>", "<a href=\"x\">", "</a>", "<b>", "</b>",
            "<table>", "<li>", "&amp;", "&nbsp;", "&#x27;", "&#150;", "&notit;", " ", "\n", "\r\n", "\u00A0",
            "\u200C", "\u200B", "<!-- c -->", "<!-->", "<", ">", "\"", "'", "<span class=\"tgme_widget_message_text\">",
            "<div class=\"tgme_widget_message\" data-post=\"x/9\">", "<time datetime=\"2026-01-02T03:04:05Z\">",
            "<svg><path/></svg>", "<x-y/>", "<div/>", "<h5>", "<title>t</title>", "<script>1<2</script>",
            "<base href=\"https://e/\">", "<DIV CLASS=\"tgme_widget_message_views\">", "<i class=emoji>", "\u0000"};
        Random random = new Random(42);
        int streamed = 0;
        int tried = 0;
        for (String html : pages) {
            for (int k = 0; k < 150; k++) {
                StringBuilder b = new StringBuilder(html);
                for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                    int at = random.nextInt(b.length() + 1);
                    if (random.nextInt(4) == 0 && at < b.length()) {
                        b.delete(at, Math.min(b.length(), at + 1 + random.nextInt(40)));
                    } else {
                        b.insert(at, inserts[random.nextInt(inserts.length)]);
                    }
                }
                String changed = b.toString();
                tried++;
                streamed += assertSameAsTree(changed, "changed page " + tried + ": " + changed) ? 1 : 0;
            }
        }
        System.out.printf("telegram stream reader took %d of %d changed pages%n", streamed, tried);
        assertTrue(streamed > 0 && streamed < tried, "both readers were exercised: " + streamed + " of " + tried);
    }

    @Test
    void streamAgreesWithTheTreeOnBrokenUtf8AndOtherCharsets() {
        byte[] ours = Fixtures.ours("telegram_page2.html");
        byte[][] junk = {{(byte) 0xE2}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC3},
            {(byte) 0xF0, (byte) 0x9F}, {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD}};
        Random random = new Random(7);
        int streamed = 0;
        for (int k = 0; k < 400; k++) {
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            int at = random.nextInt(ours.length);
            b.write(ours, 0, at);
            b.writeBytes(junk[random.nextInt(junk.length)]);
            b.write(ours, at, ours.length - at);
            streamed += assertSameAsTree(page(b.toByteArray(), "utf-8"), "broken at " + at) ? 1 : 0;
        }
        assertTrue(streamed > 0 && streamed < 400, "both readers were exercised: " + streamed + " of 400");
        byte[] bom = new byte[ours.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(ours, 0, bom, 3, ours.length);
        assertTrue(assertSameAsTree(page(bom, "utf-8"), "byte-order mark"));
        String html = new String(ours, StandardCharsets.UTF_8);
        assertTrue(assertSameAsTree(page(html.getBytes(java.nio.charset.Charset.forName("windows-1256")),
                "windows-1256"), "windows-1256"), "a page in another charset is read from its decoded text");
    }

    @Test
    void streamAgreesWithTheTreeOnOddNestings() {
        String text = "<div class=\"tgme_widget_message_text\">%s</div>";
        List<String> taken = new java.util.ArrayList<>(TelegramWalkTest.oddNestings());
        taken.addAll(List.of(
                "<div class=\"tgme_widget_message\" data-post=\"c/10\"><a class=\"tgme_widget_message_owner_name\">"
                        + "<span dir=\"auto\"> A  <b>B</b>\n C </span></a><a class=\"tgme_widget_message_date\" "
                        + "href=\"/c/10?single\"><time datetime=\"2026-01-01T00:00:00+03:30\"></time></a>"
                        + text.formatted("line one<br/>line&nbsp;two <a href=\"https://e/\">link</a><br>"
                        + "<i class=\"emoji\" style=\"background-image:url('x')\"><b>\u2764</b></i>") + "</div>",
                "<div class=\"tgme_widget_message\" data-post=\"c/11\"><a class=\"tgme_widget_message_owner_name\">"
                        + "<span>\u0641\u0631\u0648\u0634\u06AF\u0627\u0647\u200C\u0647\u0627\u200B &nbsp; x\u00AD"
                        + "\u2003</span></a><span class=\"tgme_widget_message_views\">\u00A012.5K </span></div>"));
        for (String html : taken) {
            assertTrue(assertSameAsTree(html, html), "streamed: " + html);
        }
        List<String> unusual = List.of(
                "<div class=\"tgme_widget_message\" data-post=\"c/1\"><p>a<div>b</div></div>",
                "<div class=\"tgme_widget_message\" data-post=\"c/1\"><b>a</div>",
                "<div class=\"tgme_widget_message\" data-post=\"c/1\"><a href=x><a href=y>b</a></a></div>",
                "<base href=\"https://e/\"><div class=\"tgme_widget_message\"><a class=\"tgme_widget_message_date\""
                        + " href=\"c/2\"></a></div>",
                "<table><div class=\"tgme_widget_message\" data-post=\"c/1\"></div></table>",
                "<div class=\"tgme_widget_message\" data-post=\"c/1\"><span class=\"tgme_widget_message_views\">"
                        + "1<br>2</span></div>");
        for (String html : unusual) {
            assertNull(TelegramStreamReader.read(html, "https://t.me/s/c"), html);
            assertSameAsTree(html, html);
        }
        assertNotNull(TelegramStreamReader.read("", "https://t.me/s/c"));
    }

    @Test
    void leavesAPageWithNulAnywhereToJsoup() {
        String page = "<!DOCTYPE html%s><html><head><script>var a = '%s';</script><!-- c%s --></head><body>"
                + "<div class=\"tgme_widget_message%s\" data-post=\"c/1\" dir=au%sto x%sy=\"1\">t%sxt</div>"
                + "<span class=\"tgme_widget_message_views\">1%s2</span></body></html>";
        int places = 8;
        for (int place = 0; place < places; place++) {
            Object[] nul = new Object[places];
            java.util.Arrays.fill(nul, "");
            nul[place] = "\u0000";
            String html = page.formatted(nul);
            assertNull(TelegramStreamReader.read(html.getBytes(StandardCharsets.UTF_8), "https://t.me/s/c"), html);
            assertSameAsTree(html, html);
        }
        Object[] none = new Object[places];
        java.util.Arrays.fill(none, "");
        assertNotNull(TelegramStreamReader.read(page.formatted(none).getBytes(StandardCharsets.UTF_8),
                "https://t.me/s/c"), "the same page without a NUL is streamed");
    }

    private static List<Path> recorded() throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.list(Fixtures.shared("telegram"))) {
            all.filter(p -> p.toString().endsWith(".html")).sorted().forEach(files::add);
        }
        return files;
    }
}
