package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The one-walk reading of a t.me/s page finds exactly the elements the plain selectors find: the messages, each
 * message's parts, the channel counters.
 */
class TelegramWalkTest {

    /** What the selectors find: the reference the walk must agree with. */
    private static void assertWalkAgreesWithSelectors(Document doc, String what) {
        List<Element> messages = new ArrayList<>();
        for (Element m : doc.select("div.tgme_widget_message, #widget_message")) {
            if (!m.hasClass("service_message")
                    && m.parents().stream().noneMatch(p -> p.hasClass("tgme_widget_message"))) {
                messages.add(m);
            }
        }
        TelegramConnector.Walk walk = TelegramConnector.walk(doc);
        assertEquals(messages.size(), walk.messages.size(), what + ": messages");
        for (int i = 0; i < messages.size(); i++) {
            Element m = messages.get(i);
            TelegramConnector.Parts parts = walk.messages.get(i);
            String at = what + ": message " + i;
            assertSame(m, parts.message, at);
            assertSame(m.selectFirst("a.tgme_widget_message_date"), parts.dateLink, at + " date link");
            assertSame(m.selectFirst("time[datetime]"), parts.time, at + " time");
            assertSame(m.select(".tgme_widget_message_text").stream()
                    .filter(e -> e.closest(".tgme_widget_message_reply") == null
                            && e.closest(".tgme_widget_message_link_preview") == null)
                    .findFirst().orElse(null), parts.text, at + " text");
            assertSame(m.selectFirst(".tgme_widget_message_link_preview"), parts.preview, at + " preview");
            assertSame(m.selectFirst(".tgme_widget_message_owner_name"), parts.owner, at + " owner");
            assertSame(m.selectFirst(".tgme_widget_message_from_author"), parts.signed, at + " signed");
            assertSame(m.selectFirst(".tgme_widget_message_views"), parts.views, at + " views");
        }
        assertEquals(doc.select(".tgme_channel_info_counter"), walk.counters, what + ": counters");
    }

    @Test
    void walkFindsWhatSelectorsFindOnOurPages() {
        for (String name : List.of("telegram_page1.html", "telegram_page2.html")) {
            Document doc = Jsoup.parse(new String(Fixtures.ours(name), StandardCharsets.UTF_8), "https://t.me/s/x");
            assertTrue(doc.select(".tgme_widget_message").size() > 0, name);
            assertWalkAgreesWithSelectors(doc, name);
        }
        assertWalkAgreesWithSelectors(Jsoup.parse(new String(BenchPages.telegram(20), StandardCharsets.UTF_8)),
                "bench page");
    }

    @Test
    void walkFindsWhatSelectorsFindOnRecordedPages() throws Exception {
        Path dir = Fixtures.shared("telegram");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.list(dir)) {
            all.filter(p -> p.toString().endsWith(".html")).sorted().forEach(files::add);
        }
        for (Path file : files) {
            assertWalkAgreesWithSelectors(Jsoup.parse(Files.readString(file), "https://t.me/s/x"),
                    file.getFileName().toString());
        }
    }

    /** Pages whose nesting tests a walk: shared with the stream reader's test, which compares it with this walk. */
    static List<String> oddNestings() {
        String text = "<div class=\"tgme_widget_message_text\">%s</div>";
        return List.of(
                // a reply quote holding a text before the message's own text
                "<div class=\"tgme_widget_message\" data-post=\"c/1\"><div class=\"tgme_widget_message_reply\">"
                        + text.formatted("quoted") + "</div>" + text.formatted("own") + "</div>",
                // a text that is itself a link preview, and a preview title
                "<div class=\"tgme_widget_message\" data-post=\"c/2\"><div class=\"tgme_widget_message_text "
                        + "tgme_widget_message_link_preview\">p<span class=\"link_preview_title\">T &amp; t</span>"
                        + "</div>" + text.formatted("own") + "</div>",
                // a message inside a reply quote: its text is never its own
                "<div class=\"tgme_widget_message_reply\"><div class=\"tgme_widget_message\" data-post=\"c/3\">"
                        + text.formatted("in quote") + "</div></div>",
                // a message by id holding a classed message: both are posts, the outer sees the inner's parts
                "<div id=\"widget_message\" data-post=\"c/4\"><span class=\"tgme_widget_message_views\">1</span>"
                        + "<div class=\"tgme_widget_message\" data-post=\"c/5\">" + text.formatted("inner")
                        + "<time datetime=\"2026-01-01T00:00:00Z\"></time></div></div>",
                // a classed message inside a classed message, and a service message
                "<div class=\"tgme_widget_message\" data-post=\"c/6\"><div class=\"tgme_widget_message\" "
                        + "data-post=\"c/7\">" + text.formatted("x") + "</div></div><div class=\"tgme_widget_message "
                        + "service_message\" data-post=\"c/8\"><div id=\"widget_message\">s</div></div>",
                // a span with the message class is no message, but still hides what is inside it; counters
                "<span class=\"tgme_widget_message\"><div class=\"tgme_widget_message\" data-post=\"c/9\"></div>"
                        + "</span><section class=\"TGME_WIDGET_MESSAGE\"></section>"
                        + "<div class=\"tgme_channel_info_counter\"><span class=\"counter_value\">1K</span>"
                        + "<span class=\"counter_type\">subscribers</span></div>");
    }

    @Test
    void walkFindsWhatSelectorsFindInOddNestings() {
        List<String> pages = oddNestings();
        for (String html : pages) {
            assertWalkAgreesWithSelectors(Jsoup.parse(html, "https://t.me/s/c"), html);
        }
    }
}
