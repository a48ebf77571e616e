package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedulerIT {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path data;

    /** A live channel: messages 1..last, five per page, newest page first, older pages with ?before=. */
    private final AtomicInteger last = new AtomicInteger();

    private void serveChannel() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String before = request.getUrl().queryParameter("before");
                int top = before == null ? last.get() : Integer.parseInt(before) - 1;
                StringBuilder html = new StringBuilder("<html><body><section class=\"tgme_channel_history\">");
                for (int id = Math.max(1, top - 4); id <= top; id++) {
                    html.append("<div class=\"tgme_widget_message\" data-post=\"demo_channel/").append(id)
                            .append("\"><div class=\"tgme_widget_message_text\">message number ").append(id)
                            .append(" about deliveries and prices</div><a class=\"tgme_widget_message_date\" href=\"")
                            .append("https://t.me/demo_channel/").append(id).append("\"><time datetime=\"2026-11-2")
                            .append(id % 9).append("T10:00:00+00:00\"></time></a></div>");
                }
                return new MockResponse.Builder().setHeader("Content-Type", "text/html; charset=utf-8")
                        .body(html.append("</section></body></html>").toString()).build();
            }
        });
    }

    private Source source() {
        return new Source("demo-tg", SourceKind.TELEGRAM, Map.of("channel", "demo_channel",
                "base-url", server.url("/").toString()), List.of("demo"), Duration.ofSeconds(1), "", true);
    }

    @Test
    void aRestartAfterAFailedHandOffNeitherLosesNorDuplicatesPosts() {
        serveChannel();
        List<String> journal = new CopyOnWriteArrayList<>();
        AtomicBoolean journalDown = new AtomicBoolean(false);
        PostSink sink = (source, posts) -> {
            if (journalDown.get()) {
                throw new IllegalStateException("journal disk full");
            }
            posts.forEach(p -> journal.add(p.nativeId()));
        };
        List<SourceStatus> statuses = new CopyOnWriteArrayList<>();
        CrawlContext ctx = Fixtures.context(Map.of());

        last.set(12);
        Scheduler first = Scheduler.create(ctx, sink, FileCursorStore.create(data), statuses::add);
        assertEquals(5, first.pollOnce(source()).posts().size(), "the first poll takes the newest page");

        last.set(24); // twelve new messages over three pages arrive, and the journal fails
        journalDown.set(true);
        Harvest failed = first.pollOnce(source());
        assertEquals(CrawlStatus.ERROR, failed.status());
        SourceStatus failing = statuses.getLast();
        assertEquals(SourceStatus.State.FAILING, failing.state());
        assertTrue(failing.lastError().contains("journal disk full"), failing.lastError());
        first.close();

        journalDown.set(false); // restart: new scheduler, same cursor directory
        Scheduler second = Scheduler.create(Fixtures.context(Map.of()), sink, FileCursorStore.create(data),
                StatusListener.NONE);
        assertEquals(12, second.pollOnce(source()).posts().size());
        assertEquals(0, second.pollOnce(source()).posts().size(), "nothing new: nothing handed on twice");

        List<String> expected = IntStream.rangeClosed(8, 24).mapToObj(i -> "demo_channel/" + i).toList();
        List<String> got = new ArrayList<>(journal);
        Collections.sort(got, (a, b) -> Long.compare(TelegramConnector.messageId(a), TelegramConnector.messageId(b)));
        assertEquals(expected, got);
    }

    @Test
    void pollsScheduledSourcesAndReportsStatus() throws InterruptedException {
        serveChannel();
        last.set(3);
        CountDownLatch polled = new CountDownLatch(2);
        List<Post> received = new CopyOnWriteArrayList<>();
        StatusListener listener = s -> {
            if (s.state() == SourceStatus.State.OK) {
                polled.countDown();
            }
        };
        try (Scheduler scheduler = Scheduler.create(Fixtures.context(Map.of()), (s, p) -> received.addAll(p),
                FileCursorStore.create(data), listener)) {
            scheduler.schedule(source());
            assertTrue(polled.await(30, TimeUnit.SECONDS), "two polls within 30 s at a 1 s interval");
            SourceStatus status = scheduler.statuses().get("demo-tg");
            assertEquals(3, status.postsFetched());
            assertTrue(status.lastSuccess() != null && status.lastError().isEmpty());
        }
        assertEquals(3, received.size());
    }

    @Test
    void dropsTheSameStorySyndicatedByTwoFeedsForTheSameBrands() {
        String story = "The company announced that deliveries in Tehran will be delayed by two days because of"
                + " the storm.";
        Post a = new Post("feed-a", SourceKind.RSS, "a1", "https://a.example/1?utm_source=x", null, "Delays", story,
                null, java.time.Instant.now(), null);
        Post b = new Post("feed-b", SourceKind.RSS, "b7", "https://b.example/77", null, "Delays", story, null,
                java.time.Instant.now(), null);
        Deduper deduper = new Deduper(100);
        Source feedA = Fixtures.source("feed-a", SourceKind.RSS, Map.of("url", "https://a.example/rss"));
        Source feedB = Fixtures.source("feed-b", SourceKind.RSS, Map.of("url", "https://b.example/rss"));
        deduper.remember(feedA, deduper.fresh(feedA, List.of(a)));
        assertEquals(List.of(), deduper.fresh(feedB, List.of(b)));
        Source otherBrand = new Source("feed-c", SourceKind.RSS, Map.of("url", "https://c.example/rss"),
                List.of("competitor"), Duration.ofMinutes(5), "", true);
        assertEquals(1, deduper.fresh(otherBrand, List.of(b)).size(), "another brand still gets the story");
    }

    @Test
    void aSourceThatAskedForAPauseIsNotPolledAgainBeforeItEndsEvenAfterARestart() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600")
                .body("{\"message\":\"slow down\"}").build());
        Source hn = new Source("demo-hn", SourceKind.HACKERNEWS, Map.of("query", "snapp",
                "base-url", server.url("/").toString()), List.of(), Duration.ofSeconds(1), "", true);
        CrawlContext ctx = Fixtures.context(Map.of());
        PostSink sink = (source, posts) -> { };
        Harvest refused;
        try (Scheduler first = Scheduler.create(ctx, sink, FileCursorStore.create(data), status -> { })) {
            refused = first.pollOnce(hn);
        }
        assertEquals(CrawlStatus.RATE_LIMITED, refused.status(), refused.problem());
        java.time.Instant pause = FileCursorStore.create(data).load("demo-hn").notBefore().orElseThrow();
        assertTrue(pause.isAfter(java.time.Instant.now().plusSeconds(3500)), "kept with the cursor: " + pause);

        List<SourceStatus> statuses = new CopyOnWriteArrayList<>();
        try (Scheduler restarted = Scheduler.create(ctx, sink, FileCursorStore.create(data), statuses::add)) {
            Harvest waiting = restarted.pollOnce(hn);
            assertEquals(CrawlStatus.RATE_LIMITED, waiting.status());
            assertTrue(waiting.problem().contains("not polled before " + pause), waiting.problem());
        }
        assertEquals(1, server.getRequestCount(), "no request to a source that asked to wait an hour");
        assertTrue(statuses.getLast().lastError().contains("not polled before"), statuses.getLast().toString());
    }

    @Test
    void aQuietSourceIsPolledLessOftenUpToACapAndABusyOneAtItsInterval() throws InterruptedException {
        assertEquals(Duration.ofMinutes(10), Scheduler.adaptiveInterval(Duration.ofMinutes(10), 0));
        assertEquals(Duration.ofMinutes(20), Scheduler.adaptiveInterval(Duration.ofMinutes(10), 1));
        assertEquals(Duration.ofMinutes(80), Scheduler.adaptiveInterval(Duration.ofMinutes(10), 3));
        assertEquals(Duration.ofMinutes(80), Scheduler.adaptiveInterval(Duration.ofMinutes(10), 40), "capped");

        serveChannel();
        last.set(3);
        List<SourceStatus> statuses = new CopyOnWriteArrayList<>();
        List<java.time.Instant> seenAt = new CopyOnWriteArrayList<>();
        CountDownLatch thirdWait = new CountDownLatch(3);
        StatusListener listener = status -> {
            if (status.nextPoll() != null) { // the loop announcing its next poll
                statuses.add(status);
                seenAt.add(java.time.Instant.now());
                thirdWait.countDown();
            }
        };
        try (Scheduler scheduler = Scheduler.create(Fixtures.context(Map.of()), (source, posts) -> { },
                FileCursorStore.create(data), listener)) {
            scheduler.schedule(source()); // interval 1 s; the channel brings nothing after the first poll
            assertTrue(thirdWait.await(30, TimeUnit.SECONDS), "three polls announced");
        }
        Duration afterNews = Duration.between(seenAt.get(1), statuses.get(1).nextPoll());
        Duration afterQuiet = Duration.between(seenAt.get(2), statuses.get(2).nextPoll());
        assertTrue(afterNews.compareTo(Duration.ofMillis(1900)) < 0, "after new posts, the interval: " + afterNews);
        assertTrue(afterQuiet.compareTo(Duration.ofMillis(1900)) >= 0, "after a quiet poll, twice it: " + afterQuiet);
    }

    @Test
    void stoppingWhileAStatusIsWrittenEndsTheLoopWithoutAWarning() throws InterruptedException {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(Scheduler.class.getName());
        List<java.util.logging.LogRecord> warnings = new CopyOnWriteArrayList<>();
        java.util.logging.Handler handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        CountDownLatch writing = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Thread> poller = new java.util.concurrent.atomic.AtomicReference<>();
        StatusListener listener = status -> {
            if (!Thread.currentThread().getName().startsWith("poll-")) {
                return; // the status written when the source is scheduled
            }
            poller.set(Thread.currentThread());
            writing.countDown();
            try {
                Thread.sleep(30_000); // a slow store: the write is under way when the scheduler closes
            } catch (InterruptedException e) {
                // as a client that does not restore the interrupt would
                throw new IllegalStateException("thread waiting for the response was interrupted", e);
            }
        };
        log.addHandler(handler);
        try {
            try (Scheduler scheduler = Scheduler.create(Fixtures.context(Map.of()), (source, posts) -> { },
                    FileCursorStore.create(data), listener)) {
                scheduler.schedule(source());
                assertTrue(writing.await(30, TimeUnit.SECONDS), "the loop wrote its status");
            }
            poller.get().join(5_000);
            assertTrue(!poller.get().isAlive(), "the poll loop ended");
            assertEquals(List.of(), warnings.stream().map(java.util.logging.LogRecord::getMessage).toList());
        } finally {
            log.removeHandler(handler);
        }
    }
}
