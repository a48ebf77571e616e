package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Dns;
import okio.Buffer;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One feed source whose server misbehaves in every way a real one does, polled by the real scheduler with the
 * SSRF guard on: each bad answer shows up in the source's status in words, the cursor stays put, the next
 * good answer brings everything the feed listed meanwhile, and no post is handed on twice or lost.
 */
class HostileSourcesIT {

    /** Stands in for a public address: the guard lets it through, everything else private stays forbidden. */
    private static final String PUBLIC = "127.0.0.2";

    private final MockWebServer server = new MockWebServer();
    private final AtomicInteger published = new AtomicInteger();
    private final Map<String, Integer> handed = new ConcurrentHashMap<>();
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private volatile Function<RecordedRequest, MockResponse> behaviour = r -> feed(StandardCharsets.UTF_8, "application/rss+xml");
    private Scheduler scheduler;
    private Source source;
    private final CursorStore cursors = new MemoryCursorStore();

    @BeforeEach
    void start() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return behaviour.apply(request);
            }
        });
        server.start(InetAddress.getByName(PUBLIC), 0);
        InetAddress outside = InetAddress.getByName(PUBLIC);
        Dns dns = host -> switch (host) {
            case "news.example" -> List.of(InetAddress.getByAddress(host, outside.getAddress()));
            case "intranet.example" -> List.of(InetAddress.getByAddress(host, new byte[] {10, 0, 0, 1}));
            case "sneaky.example" -> List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
            default -> Dns.SYSTEM.lookup(host);
        };
        CrawlerConfig config = CrawlerConfig.defaults().withAllowPrivateNetworks(false)
                .withWaits(Duration.ofMillis(20), Duration.ofSeconds(2), Duration.ZERO)
                .withLimits(Duration.ofMillis(700), Duration.ofSeconds(3), 256 * 1024);
        Fetcher fetcher = Fetcher.create(config, dns, a -> !a.equals(outside) && AddressGuard.forbidden(a));
        PostSink sink = (s, posts) -> posts.forEach(p -> {
            handed.merge(p.nativeId(), 1, Integer::sum);
            texts.put(p.nativeId(), p.text());
        });
        scheduler = Scheduler.create(CrawlContext.create(fetcher, k -> null), sink, cursors,
                StatusListener.NONE);
        source = new Source("hostile", SourceKind.RSS, Map.of("url", "http://news.example:" + server.getPort()
                + "/feed.xml"), List.of("demo"), Duration.ofMinutes(5), "", true);
    }

    @AfterEach
    void stop() throws IOException {
        scheduler.close();
        server.close();
    }

    private MockResponse feed(Charset charset, String contentType) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"" + charset.name() + "\"?>\n"
                + "<rss version=\"2.0\"><channel><title>t</title><link>http://news.example/</link><description>d"
                + "</description>\n");
        for (int i = published.get() - 1; i >= 0; i--) {
            xml.append("<item><guid isPermaLink=\"false\">post-").append(i).append("</guid><title>خبر ").append(i)
                    .append("</title><description>ارسال سفارش ").append(i).append(" دیر شد</description>")
                    .append("<pubDate>Sun, 01 Mar 2026 10:00:").append(String.format("%02d", i % 60))
                    .append(" GMT</pubDate></item>\n");
        }
        xml.append("</channel></rss>\n");
        return new MockResponse.Builder().setHeader("Content-Type", contentType)
                .body(new Buffer().write(xml.toString().getBytes(charset))).build();
    }

    /** Publishes more items, serves the bad answer for one poll, and returns the source's status after it. */
    private SourceStatus pollWhile(String what, Function<RecordedRequest, MockResponse> bad) {
        published.addAndGet(3);
        behaviour = bad;
        scheduler.pollOnce(source);
        SourceStatus status = scheduler.statuses().get("hostile");
        System.out.printf("%-28s %-8s %s%n", what, status.state().id(), status.lastError());
        return status;
    }

    private void assertFailsInWords(String what, Function<RecordedRequest, MockResponse> bad, String... words) {
        SourceStatus status = pollWhile(what, bad);
        assertEquals(SourceStatus.State.FAILING, status.state(), what);
        for (String w : words) {
            assertTrue(status.lastError().toLowerCase().contains(w.toLowerCase()), what + ": " + status.lastError());
        }
    }

    private void assertGoodPollBringsEverything() {
        behaviour = r -> feed(StandardCharsets.UTF_8, "application/rss+xml");
        scheduler.pollOnce(source);
        assertEquals(SourceStatus.State.OK, scheduler.statuses().get("hostile").state());
        assertEquals(published.get(), handed.size(), "every listed post handed on");
        handed.forEach((id, times) -> assertEquals(1, times, id + " handed on once"));
    }

    @Test
    void reportsEveryBadAnswerInWordsAndLosesNothing() throws IOException {
        assertGoodPollBringsEverything();
        assertFailsInWords("429 Retry-After 1 hour", r -> new MockResponse.Builder().code(429)
                .setHeader("Retry-After", "3600").build(), "3600");
        int requests = server.getRequestCount();
        assertFailsInWords("good answer within the hour", r -> feed(StandardCharsets.UTF_8, "application/rss+xml"),
                "not polled before");
        assertEquals(requests, server.getRequestCount(), "no request while the source asked us to wait");
        cursors.save("hostile", cursors.load("hostile").withoutPause()); // the hour has passed
        assertFailsInWords("500 on every try", r -> new MockResponse.Builder().code(500).body("boom").build(),
                "500");
        assertFailsInWords("slow drip", r -> feedDripping(), "timed out");
        assertFailsInWords("endless body", r -> new MockResponse.Builder().setHeader("Content-Type",
                "application/rss+xml").body(new Endless()).build(), "exceeds");
        assertFailsInWords("gzip bomb", r -> gzipBomb(), "after decompression");
        assertFailsInWords("HTML instead of a feed", r -> new MockResponse.Builder()
                .setHeader("Content-Type", "text/html").body("<html><body><p>Welcome</p></body></html>").build(),
                "not an RSS");
        assertFailsInWords("redirect to 10.0.0.1 by name", r -> new MockResponse.Builder().code(302)
                .setHeader("Location", "http://intranet.example/feed.xml").build(), "10.0.0.1");
        assertFailsInWords("redirect to 127.0.0.1 by name", r -> new MockResponse.Builder().code(302)
                .setHeader("Location", "http://sneaky.example:" + server.getPort() + "/feed.xml").build(),
                "127.0.0.1");
        assertGoodPollBringsEverything();
    }

    @Test
    void reportsConnectionResetsInWordsAndKeepsPolling() throws IOException {
        try (ServerSocket raw = new ServerSocket(0, 50, InetAddress.getByName(PUBLIC))) {
            Thread.ofVirtual().start(() -> {
                while (!raw.isClosed()) {
                    try (Socket s = raw.accept()) {
                        s.setSoLinger(true, 0); // close with RST, as a crashing server or a middlebox does
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            Source resetting = new Source("resetting", SourceKind.RSS, Map.of("url", "http://news.example:"
                    + raw.getLocalPort() + "/feed.xml"), List.of("demo"), Duration.ofMinutes(5), "", true);
            scheduler.pollOnce(resetting);
            SourceStatus status = scheduler.statuses().get("resetting");
            System.out.printf("%-28s %-8s %s%n", "connection reset", status.state().id(), status.lastError());
            assertEquals(SourceStatus.State.FAILING, status.state());
            assertTrue(status.lastError().contains("could not fetch"), status.lastError());
        }
        published.set(2);
        assertGoodPollBringsEverything();
    }

    @Test
    void readsFeedsServedWithAWrongContentTypeOrCharsetLabel() {
        published.set(4);
        behaviour = r -> feed(StandardCharsets.UTF_8, "text/plain");
        assertEquals(SourceStatus.State.OK, pollWhile("feed as text/plain", behaviour).state());
        behaviour = r -> feed(StandardCharsets.UTF_8, "application/rss+xml; charset=iso-8859-1");
        assertEquals(SourceStatus.State.OK, pollWhile("UTF-8 feed labelled latin-1", behaviour).state());
        behaviour = r -> feed(Charset.forName("windows-1256"), "application/xml");
        assertEquals(SourceStatus.State.OK, pollWhile("windows-1256 feed", behaviour).state());
        assertEquals(published.get(), handed.size());
        handed.forEach((id, times) -> assertEquals(1, times, id + " handed on once"));
        texts.forEach((id, text) -> assertTrue(text.startsWith("ارسال سفارش"), id + " decoded as: " + text));
    }

    private MockResponse feedDripping() {
        MockResponse full = feed(StandardCharsets.UTF_8, "application/rss+xml");
        return full.newBuilder().throttleBody(16, 300, TimeUnit.MILLISECONDS).build();
    }

    private static final byte[] BOMB = bomb();

    private static MockResponse gzipBomb() {
        return new MockResponse.Builder().setHeader("Content-Type", "application/rss+xml")
                .setHeader("Content-Encoding", "gzip").body(new Buffer().write(BOMB)).build();
    }

    /** 32 MiB of zeros in about 32 KiB. */
    private static byte[] bomb() {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 32; i++) {
                gz.write(zeros);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return zipped.toByteArray();
    }

    /** A body that never ends. */
    private static final class Endless implements MockResponseBody {
        @Override
        public long getContentLength() {
            return -1;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            byte[] chunk = "<item><title>again</title></item>\n".repeat(100).getBytes(StandardCharsets.UTF_8);
            while (true) {
                sink.write(chunk);
                sink.flush();
            }
        }
    }

    /** Cursors in memory. */
    private static final class MemoryCursorStore implements CursorStore {
        private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();

        @Override
        public Cursor load(String sourceId) {
            return cursors.getOrDefault(sourceId, Cursor.EMPTY);
        }

        @Override
        public void save(String sourceId, Cursor cursor) {
            cursors.put(sourceId, cursor);
        }
    }
}
