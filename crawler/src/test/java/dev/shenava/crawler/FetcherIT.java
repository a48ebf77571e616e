package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;

class FetcherIT {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final Fetcher fetcher = Fetcher.create(Fixtures.config());

    @Test
    void sendsTheConfiguredUserAgent() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().body("hi").build());
        fetcher.get(server.url("/").toString(), Map.of());
        assertTrue(server.takeRequest().getHeaders().get("User-Agent").startsWith("Shenava/"));
    }

    @Test
    void waitsAsLongAsRetryAfterSaysThenSucceeds() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").body("slow down").build());
        server.enqueue(new MockResponse.Builder().body("fine").build());
        Instant start = Instant.now();
        Fetched answer = fetcher.get(server.url("/feed").toString(), Map.of());
        assertEquals(CrawlStatus.FETCHED, answer.status());
        assertEquals("fine", answer.text());
        assertEquals(2, server.getRequestCount());
        assertTrue(Duration.between(start, Instant.now()).toMillis() >= 950, "retried before Retry-After elapsed");
    }

    @Test
    void honoursXEpochResetHeaderOn429() {
        long reset = Instant.now().plusSeconds(1).getEpochSecond() + 1;
        server.enqueue(new MockResponse.Builder().code(429).setHeader("x-rate-limit-reset", reset).build());
        server.enqueue(new MockResponse.Builder().body("{}").build());
        Fetched answer = fetcher.get(server.url("/2/tweets/search/recent").toString(), Map.of());
        assertEquals(CrawlStatus.FETCHED, answer.status());
        assertTrue(Instant.now().getEpochSecond() >= reset - 1, "retried before x-rate-limit-reset");
    }

    @Test
    void reportsRateLimitedWhenTheServerAsksForMoreThanWeWait() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
        Fetched answer = fetcher.get(server.url("/").toString(), Map.of());
        assertEquals(CrawlStatus.RATE_LIMITED, answer.status());
        assertEquals(1, server.getRequestCount());
        assertTrue(answer.reason().contains("3600"), answer.reason());
    }

    @Test
    void retriesServerErrorsWithBackoffThenSucceeds() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(502).build());
        server.enqueue(new MockResponse.Builder().body("ok").build());
        Fetched answer = fetcher.get(server.url("/").toString(), Map.of());
        assertEquals(CrawlStatus.FETCHED, answer.status());
        assertEquals(3, server.getRequestCount());
    }

    @Test
    void givesUpAfterTheConfiguredRetriesWithAnActionableReason() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(500).body("boom").build());
        }
        Fetched answer = fetcher.get(server.url("/x").toString(), Map.of());
        assertEquals(CrawlStatus.ERROR, answer.status());
        assertEquals(500, answer.code());
        assertEquals(4, server.getRequestCount());
        assertTrue(answer.reason().contains("HTTP 500"), answer.reason());
    }

    @Test
    void stopsAnAnswerThatDripsInTimeForEachReadButNotForTheWholeCall() {
        Fetcher patientPerRead = Fetcher.create(Fixtures.config().withLimits(Duration.ofSeconds(2),
                Duration.ofSeconds(1), 1 << 20));
        server.enqueue(new MockResponse.Builder().body("x".repeat(4000)).throttleBody(100, 100, TimeUnit.MILLISECONDS)
                .build()); // 4 s in all, never 2 s silent
        Fetched answer = patientPerRead.get(server.url("/drip").toString(), Map.of());
        assertEquals(CrawlStatus.ERROR, answer.status());
        assertTrue(answer.reason().contains("timed out") && answer.reason().contains("call-timeout"),
                answer.reason());
    }

    @Test
    void countsRetriesAgainstTheCallTimeout() {
        Fetcher fewSeconds = Fetcher.create(Fixtures.config().withLimits(Duration.ofSeconds(5), Duration.ofSeconds(1),
                1 << 20));
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().code(503).headersDelay(600, TimeUnit.MILLISECONDS).build());
        }
        Fetched answer = fewSeconds.get(server.url("/busy").toString(), Map.of());
        assertEquals(CrawlStatus.ERROR, answer.status());
        assertTrue(answer.reason().contains("timed out"), answer.reason());
        assertTrue(server.getRequestCount() < 4, "retried past the call timeout: " + server.getRequestCount());
    }

    @Test
    void reportsATimeoutAsAnErrorNotAnException() {
        Fetcher impatient = Fetcher.create(Fixtures.config().withLimits(Duration.ofMillis(200), Duration.ofSeconds(5),
                1 << 20));
        for (int i = 0; i < 4; i++) {
            server.enqueue(new MockResponse.Builder().body("late").headersDelay(2, TimeUnit.SECONDS).build());
        }
        Fetched answer = impatient.get(server.url("/slow").toString(), Map.of());
        assertEquals(CrawlStatus.ERROR, answer.status());
        assertTrue(answer.reason().contains("timed out") && !answer.reason().contains("call-timeout"),
                answer.reason());
        assertEquals(4, server.getRequestCount(), "a read timeout is retried like any network failure");
    }

    @Test
    void stopsABodyThatFallsSilentForLongerThanTheReadTimeout() {
        Fetcher impatient = Fetcher.create(Fixtures.config().withLimits(Duration.ofMillis(300), Duration.ofSeconds(30),
                1 << 20));
        for (int i = 0; i < 4; i++) { // half the body at once, then two seconds of silence
            server.enqueue(new MockResponse.Builder().body("x".repeat(2000)).throttleBody(1000, 2, TimeUnit.SECONDS)
                    .build());
        }
        Fetched answer = impatient.get(server.url("/stalls").toString(), Map.of());
        assertEquals(CrawlStatus.ERROR, answer.status());
        assertTrue(answer.reason().contains("timed out") && !answer.reason().contains("call-timeout"),
                answer.reason());
    }

    @Test
    void readsWithoutTheSocketsOwnTimeoutWhichTheWatchdogMakesRedundant() throws InterruptedException {
        java.util.List<Integer> socketTimeouts = new java.util.concurrent.CopyOnWriteArrayList<>();
        okhttp3.OkHttpClient observed = fetcher.client().newBuilder().addNetworkInterceptor(chain -> {
            socketTimeouts.add(chain.connection().socket().getSoTimeout()); // runs after WatchdogReads
            return chain.proceed(chain.request());
        }).build();
        server.enqueue(new MockResponse.Builder().body("one").build());
        server.enqueue(new MockResponse.Builder().body("two").build());
        for (String path : new String[] {"/one", "/two"}) { // the second exchange reuses the pooled connection
            try (okhttp3.Response r = observed.newCall(new okhttp3.Request.Builder().url(server.url(path)).build())
                    .execute()) {
                assertEquals(path.substring(1), r.body().string());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        assertEquals(java.util.List.of(0, 0), socketTimeouts);
        assertEquals(5000, observed.readTimeoutMillis(), "okio's watchdog still has the read timeout");
        server.takeRequest();
        assertEquals(1, server.takeRequest().getExchangeIndex(), "the second GET reused the connection");
    }

    @Test
    void stopsASilentHttpsServerAtTheReadTimeoutOnAVirtualThread() throws Exception {
        // as in production: every source is polled on a virtual thread, and nearly every source is HTTPS
        okhttp3.tls.HeldCertificate localhost = new okhttp3.tls.HeldCertificate.Builder()
                .addSubjectAlternativeName("localhost").build();
        okhttp3.tls.HandshakeCertificates trusting = new okhttp3.tls.HandshakeCertificates.Builder()
                .addTrustedCertificate(localhost.certificate()).build();
        try (MockWebServer tls = new MockWebServer()) {
            tls.useHttps(new okhttp3.tls.HandshakeCertificates.Builder().heldCertificate(localhost).build()
                    .sslSocketFactory());
            tls.start();
            for (int i = 0; i < 4; i++) { // each try: no headers for 3 s
                tls.enqueue(new MockResponse.Builder().body("late").headersDelay(3, TimeUnit.SECONDS).build());
            }
            // then headers and half a body, and 3 s of silence
            tls.enqueue(new MockResponse.Builder().body("x".repeat(2000)).throttleBody(1000, 3, TimeUnit.SECONDS)
                    .build());
            okhttp3.OkHttpClient client = Fetcher.create(Fixtures.config().withLimits(Duration.ofMillis(300),
                    Duration.ofSeconds(60), 1 << 20)).client().newBuilder()
                    .sslSocketFactory(trusting.sslSocketFactory(), trusting.trustManager()).build();
            java.util.List<Object> outcomes = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread poll = Thread.ofVirtual().start(() -> {
                for (String path : new String[] {"/no-headers", "/half-a-body"}) {
                    try (okhttp3.Response r = client.newCall(new okhttp3.Request.Builder().url(tls.url(path)).build())
                            .execute()) {
                        outcomes.add(r.body().string());
                    } catch (IOException e) {
                        outcomes.add(e);
                    }
                }
            });
            assertTrue(poll.join(Duration.ofSeconds(30)), "the reads were not cut");
            assertEquals(2, outcomes.size(), outcomes.toString());
            for (Object outcome : outcomes) {
                assertTrue(outcome instanceof java.net.SocketTimeoutException, "read the answer anyway: " + outcome);
            }
            assertEquals(5, tls.getRequestCount(), "four tries without headers, then the half body");
        }
    }

    @Test
    void saysWhichNameDoesNotResolve() {
        okhttp3.Dns nowhere = host -> {
            throw new java.net.UnknownHostException(host); // what the system resolver says: the bare name
        };
        Fetched answer = Fetcher.create(Fixtures.config().withAllowPrivateNetworks(false), nowhere,
                AddressGuard::forbidden).get("https://t.me/s/bbcpersian", Map.of());
        assertEquals(CrawlStatus.ERROR, answer.status());
        assertTrue(answer.reason().contains("the name t.me does not resolve") && answer.reason().contains("DNS"),
                answer.reason());
    }

    @Test
    void refusesBodiesLargerThanTheCap() {
        Fetcher small = Fetcher.create(Fixtures.config().withLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), 4096));
        server.enqueue(new MockResponse.Builder().body("x".repeat(10_000)).build());
        assertEquals(CrawlStatus.TOO_LARGE, small.get(server.url("/").toString(), Map.of()).status());
    }

    @Test
    void stopsAGzipBombAtTheDecompressedCap() throws IOException {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(zipped)) {
            gz.write(new byte[5 << 20]); // 5 MiB of zeros, about 5 KiB compressed
        }
        assertTrue(zipped.size() < 64 * 1024);
        Fetcher capped = Fetcher.create(Fixtures.config().withLimits(Duration.ofSeconds(5), Duration.ofSeconds(10), 1 << 20));
        server.enqueue(new MockResponse.Builder().setHeader("Content-Encoding", "gzip")
                .body(new Buffer().write(zipped.toByteArray())).build());
        Fetched answer = capped.get(server.url("/bomb").toString(), Map.of());
        assertEquals(CrawlStatus.TOO_LARGE, answer.status());
    }

    @Test
    void sendsValidatorsAndReportsNotModified() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(304).build());
        Cursor cursor = Cursor.EMPTY.with("etag", "\"v1\"").with("last-modified", "Sat, 21 Nov 2026 10:00:00 GMT");
        Fetched answer = fetcher.getConditional(server.url("/feed").toString(), cursor);
        assertEquals(CrawlStatus.NOT_MODIFIED, answer.status());
        RecordedRequest request = server.takeRequest();
        assertEquals("\"v1\"", request.getHeaders().get("If-None-Match"));
        assertEquals("Sat, 21 Nov 2026 10:00:00 GMT", request.getHeaders().get("If-Modified-Since"));
    }

    @Test
    void reportsATruncatedBodyAsAnError() throws Exception {
        try (java.net.ServerSocket raw = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 4; i++) { // the first answer and every retry are cut short
                    try (java.net.Socket s = raw.accept()) {
                        s.getInputStream().read(new byte[4096]);
                        s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
                                + "Content-Length: 5000\r\n\r\n<rss><channel><item><title>cut").getBytes(StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            Fetched answer = fetcher.get("http://127.0.0.1:" + raw.getLocalPort() + "/cut", Map.of());
            assertEquals(CrawlStatus.ERROR, answer.status());
            assertTrue(answer.reason().contains("could not fetch"), answer.reason());
        }
    }

    @Test
    void decodesWithTheCharsetOfTheContentTypeHeader() {
        byte[] arabic = "سلام".getBytes(java.nio.charset.Charset.forName("windows-1256"));
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/plain; charset=windows-1256")
                .body(new Buffer().write(arabic)).build());
        assertEquals("سلام", fetcher.get(server.url("/").toString(), Map.of()).text());
        assertEquals("hé", new String("hé".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
