package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class TelegramConnectorIT {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final TelegramConnector connector = new TelegramConnector();

    private Source source() {
        return Fixtures.source("tg", SourceKind.TELEGRAM, Map.of("channel", "@shenava_demo",
                "base-url", server.url("/").toString()));
    }

    @Test
    void readsPersianMessagesWithViewsDatesAndSkipsServiceMessages() {
        server.enqueue(Fixtures.ok(Fixtures.ours("telegram_page2.html"), "text/html; charset=utf-8"));
        Harvest h = connector.poll(source(), Cursor.EMPTY, Fixtures.context(Map.of()));
        assertEquals(CrawlStatus.FETCHED, h.status());
        assertEquals(List.of("shenava_demo/103", "shenava_demo/102"), h.posts().stream().map(Post::nativeId).toList());
        Post first = h.posts().get(1);
        assertEquals("ارسال سفارش‌ها امروز با تأخیر انجام می‌شود.\nاز صبوری شما سپاسگزاریم.", first.text());
        assertEquals(1200, first.engagement().views());
        assertEquals(12500, first.author().followers());
        assertEquals("https://t.me/shenava_demo/102", first.url());
        assertEquals("مشکل ارسال برطرف شد. 🙏", h.posts().get(0).text(), "the reply quote is not the text");
        assertEquals("103", h.cursor().value("newest").orElseThrow(), "service messages do not move the cursor");
    }

    @Test
    void pagesBackWithBeforeUntilTheCursorAndResumesFromIt() throws InterruptedException {
        server.enqueue(Fixtures.ok(Fixtures.ours("telegram_page2.html"), "text/html"));
        server.enqueue(Fixtures.ok(Fixtures.ours("telegram_page1.html"), "text/html"));
        Cursor saved = Cursor.EMPTY.with("newest", "99");
        Harvest h = connector.poll(source(), saved, Fixtures.context(Map.of()));
        assertEquals(List.of("shenava_demo/103", "shenava_demo/102", "shenava_demo/101", "shenava_demo/100"),
                h.posts().stream().map(Post::nativeId).toList());
        assertEquals("/s/shenava_demo", server.takeRequest().getUrl().encodedPath());
        RecordedRequest second = server.takeRequest();
        assertEquals("102", second.getUrl().queryParameter("before"));
        assertEquals("مریم", h.posts().get(2).author().name(), "a signed post names its author");

        server.enqueue(Fixtures.ok(Fixtures.ours("telegram_page2.html"), "text/html"));
        Harvest again = connector.poll(source(), h.cursor(), Fixtures.context(Map.of()));
        assertTrue(again.posts().isEmpty(), "nothing new since the cursor");
    }

    @Test
    void readsTheRecordedFullChannelPage() {
        byte[] page = Fixtures.sharedBytes("telegram/any2feed_full.html");
        server.enqueue(Fixtures.ok(page, "text/html; charset=utf-8"));
        Harvest h = connector.poll(source(), Cursor.EMPTY, Fixtures.context(Map.of()));
        assertEquals(12, h.posts().size(), "the recorded page holds 12 messages, some service or media-only");
        assertTrue(h.posts().stream().anyMatch(p -> p.engagement().views() == 37_200));
        assertTrue(h.posts().stream().allMatch(p -> p.nativeId().startsWith("topwar_official/")));
    }

    @Test
    void readsRecordedPersianEmbedPagesKeepingZwnj() throws Exception {
        for (String name : List.of("thrita_TltTest_SampleHtml01.html")) {
            byte[] page = Fixtures.sharedBytes("telegram/" + name);
            List<Post> posts = connector.parse(source(), Fetched.of("https://t.me/K1inUSA/3?embed=1", Map.of(), page));
            assertEquals(1, posts.size(), name);
            assertTrue(posts.getFirst().text().contains("\u200C"), "ZWNJ kept in " + name);
            assertFalse(posts.getFirst().nativeId().isBlank());
        }
    }

    @Test
    void reportsAMissingChannelAsAnActionableError() {
        server.enqueue(new MockResponse.Builder().code(404).body("not found").build());
        Harvest h = connector.poll(source(), Cursor.EMPTY, Fixtures.context(Map.of()));
        assertEquals(CrawlStatus.ERROR, h.status());
        assertTrue(h.problem().contains("check the source"), h.problem());
        assertEquals(Cursor.EMPTY, h.cursor());
    }
}
