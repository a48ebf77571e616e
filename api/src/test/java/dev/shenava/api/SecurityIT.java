package dev.shenava.api;

import com.sun.net.httpserver.HttpServer;
import dev.shenava.alerts.AlertEvent;
import dev.shenava.alerts.Delivery;
import dev.shenava.alerts.DeliveryDispatcher;
import dev.shenava.alerts.DeliveryState;
import dev.shenava.alerts.MemoryOutbox;
import dev.shenava.alerts.NetworkGuard;
import dev.shenava.alerts.RetrySchedule;
import dev.shenava.alerts.Signal;
import dev.shenava.alerts.SignatureVerifier;
import dev.shenava.alerts.WebhookPayloads;
import dev.shenava.alerts.WebhookSender;
import dev.shenava.alerts.WebhookTarget;
import dev.shenava.crawler.CrawlContext;
import dev.shenava.crawler.CrawlerConfig;
import dev.shenava.crawler.Fetcher;
import dev.shenava.crawler.Scheduler;
import dev.shenava.crawler.Source;
import dev.shenava.crawler.SourceKind;
import dev.shenava.crawler.SourceStatus;
import dev.shenava.crawler.StatusListener;
import dev.shenava.nlp.TextAnalyzer;
import dev.shenava.store.ElasticsearchClients;
import dev.shenava.store.Store;
import dev.shenava.store.StoreConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security checks across the parts: webhook signatures and replay window, the webhook network guard, and
 * secrets (API keys, webhook secrets, source credentials, Elasticsearch passwords) never in logs or answers.
 */
class SecurityIT {

    private static final String WEBHOOK_SECRET = "whsec-CANARY-7f3a9c";
    private static final String API_KEY = "apikey-CANARY-51d0e2";
    private static final String X_TOKEN = "xtoken-CANARY-98be11";
    private static final String YOUTUBE_KEY = "ytkey-CANARY-0c44d7";
    private static final String ES_PASSWORD = "espass-CANARY-6a2f90";
    private static final String ES_API_KEY = "esapikey-CANARY-3e7b12";

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private LogCapture capture;
    private PrintStream out;
    private PrintStream err;

    @BeforeEach
    void captureLogs() {
        capture = LogCapture.of("");
        out = System.out;
        err = System.err;
        System.setOut(new PrintStream(new Tee(out, console), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(err, console), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void release() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
        capture.close();
        System.setOut(out);
        System.setErr(err);
    }

    /** Receives webhooks on loopback, answering with the given status, and keeps each request. */
    private record Captured(String signature, String body) {
    }

    private HttpServer receiver(int status, List<Captured> captured) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        s.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            captured.add(new Captured(ex.getRequestHeaders().getFirst(SignatureVerifier.HEADER), body));
            String location = "http://127.0.0.1:" + s.getAddress().getPort() + "/elsewhere";
            if (status == 302) {
                ex.getResponseHeaders().set("Location", location);
            }
            byte[] answer = ("refused " + ex.getRequestHeaders().getFirst(SignatureVerifier.HEADER))
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, answer.length);
            ex.getResponseBody().write(answer);
            ex.close();
        });
        s.start();
        closing.add(() -> s.stop(0));
        return s;
    }

    private static String url(HttpServer s, String host) {
        return "http://" + host + ":" + s.getAddress().getPort() + "/hook";
    }

    private static MemoryOutbox queue(String url) {
        Instant t = Instant.now();
        AlertEvent e = new AlertEvent("evt-sec-1", "rule-sec", "acme", Signal.NEGATIVE_SPIKE, t.minusSeconds(3600), t,
                30, 4, 0.9, "Negative mentions of acme: 30 in the last hour against 4 expected.", List.of("support"),
                List.of(), t, List.of());
        MemoryOutbox outbox = new MemoryOutbox();
        outbox.add(List.of(Delivery.pending(e, 0, new WebhookTarget(url, "json"), WebhookPayloads.render(e, "json"))));
        return outbox;
    }

    private DeliveryDispatcher dispatcher(MemoryOutbox outbox, boolean allowPrivate) {
        DeliveryDispatcher d = DeliveryDispatcher.builder()
                .outbox(outbox)
                .sender(WebhookSender.create(new OkHttpClient(), NetworkGuard.create(allowPrivate), Duration.ofSeconds(3)))
                .secrets(rule -> Optional.of(WEBHOOK_SECRET))
                .schedule(new RetrySchedule(Duration.ofMillis(50), 2, Duration.ofSeconds(1), Duration.ofHours(1)))
                .breaker(100, Duration.ofSeconds(1), Duration.ofSeconds(1))
                .poll(Duration.ofMillis(50))
                .build();
        closing.add(d);
        return d;
    }

    @Test
    void webhookSignaturesVerifyAndReplaysOutsideFiveMinutesAreRejected() throws IOException {
        List<Captured> got = new CopyOnWriteArrayList<>();
        HttpServer s = receiver(200, got);
        MemoryOutbox outbox = queue(url(s, "127.0.0.1"));
        dispatcher(outbox, true).runOnce();
        assertEquals(1, got.size());
        Captured c = got.getFirst();
        SignatureVerifier verifier = SignatureVerifier.create(WEBHOOK_SECRET);
        Instant now = Instant.now();
        assertTrue(verifier.verify(c.signature(), c.body(), now), "a fresh delivery verifies");
        assertTrue(verifier.verify(c.signature(), c.body(), now.plus(Duration.ofMinutes(4))), "inside the window");
        assertFalse(verifier.verify(c.signature(), c.body(), now.plus(Duration.ofMinutes(6))), "replayed 6 min later");
        assertFalse(verifier.verify(c.signature(), c.body(), now.minus(Duration.ofMinutes(6))), "from the future");
        assertFalse(verifier.verify(c.signature(), c.body().replace("30", "31"), now), "altered body");
        assertFalse(SignatureVerifier.create("another-secret").verify(c.signature(), c.body(), now), "wrong secret");
        assertFalse(c.signature().contains(WEBHOOK_SECRET));
    }

    @Test
    void webhookGuardRefusesLoopbackTargetsGivenAsAddressLiterals() throws IOException {
        List<Captured> got = new CopyOnWriteArrayList<>();
        HttpServer s = receiver(200, got);
        for (String host : List.of("127.0.0.1", "localhost", "[::ffff:127.0.0.1]")) {
            MemoryOutbox outbox = queue(url(s, host));
            dispatcher(outbox, false).runOnce();
            Delivery after = outbox.forEvent("evt-sec-1").getFirst();
            assertNotEquals(DeliveryState.DELIVERED, after.state(), host);
            assertTrue(after.lastError() != null && after.lastError().contains("private or loopback"),
                    host + ": " + after.lastError());
        }
        assertEquals(0, got.size(), "nothing reached the loopback receiver");
    }

    @Test
    void webhookRedirectsAreNotFollowed() throws IOException {
        List<Captured> got = new CopyOnWriteArrayList<>();
        HttpServer s = receiver(302, got);
        MemoryOutbox outbox = queue(url(s, "127.0.0.1"));
        dispatcher(outbox, true).runOnce();
        assertEquals(1, got.size(), "the redirect's target was not requested");
        assertEquals(DeliveryState.PENDING, outbox.forEvent("evt-sec-1").getFirst().state());
    }

    @Test
    void secretsNeverAppearInLogsStatusesOrAnswers() throws Exception {
        List<String> answers = new ArrayList<>();
        // webhooks: a receiver that fails and echoes the signature header back
        HttpServer failing = receiver(500, new CopyOnWriteArrayList<>());
        MemoryOutbox outbox = queue(url(failing, "127.0.0.1"));
        dispatcher(outbox, true).runOnce();
        answers.add(String.valueOf(outbox.forEvent("evt-sec-1").getFirst()));

        // source credentials: servers that echo what they were sent
        HttpServer echo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        echo.createContext("/", ex -> {
            byte[] b = ("{\"title\":\"Unauthorized\",\"detail\":\"bad credential " + ex.getRequestHeaders()
                    .getFirst("Authorization") + " for " + ex.getRequestURI() + "\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(ex.getRequestURI().getPath().contains("youtube") ? 403 : 401, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        echo.start();
        closing.add(() -> echo.stop(0));
        String base = "http://127.0.0.1:" + echo.getAddress().getPort();
        Map<String, String> env = Map.of("X_TOKEN", X_TOKEN, "YT_KEY", YOUTUBE_KEY);
        Scheduler scheduler = Scheduler.create(CrawlContext.create(Fetcher.create(CrawlerConfig.defaults()
                        .withAllowPrivateNetworks(true).withWaits(Duration.ofMillis(10), Duration.ofSeconds(1),
                                Duration.ZERO)), env::get),
                (src, posts) -> { }, new MemoryCursors(), StatusListener.NONE);
        closing.add(scheduler);
        Source x = new Source("x-sec", SourceKind.X, Map.of("query", "acme", "base-url", base), List.of("acme"), null,
                "X_TOKEN", true);
        Source yt = new Source("yt-sec", SourceKind.YOUTUBE, Map.of("videoId", "abc", "base-url", base + "/youtube"),
                List.of("acme"), null, "YT_KEY", true);
        scheduler.pollOnce(x);
        scheduler.pollOnce(yt);
        for (SourceStatus st : scheduler.statuses().values()) {
            assertEquals(SourceStatus.State.FAILING, st.state(), st.toString());
            answers.add(st.toString());
        }

        // Elasticsearch credentials: a cluster that refuses them, and one that is down
        HttpServer es = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        es.createContext("/", ex -> {
            byte[] b = ("{\"error\":{\"type\":\"security_exception\",\"reason\":\"unable to authenticate user "
                    + "[shenava] for REST request [" + ex.getRequestURI() + "]\"},\"status\":401}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.getResponseHeaders().set("X-elastic-product", "Elasticsearch");
            ex.sendResponseHeaders(401, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        es.start();
        closing.add(() -> es.stop(0));
        for (String esUrl : List.of("http://127.0.0.1:" + es.getAddress().getPort(), "http://127.0.0.1:9")) {
            for (Map<String, String> creds : List.of(
                    Map.of("SHENAVA_ES_USERNAME", "shenava", "SHENAVA_ES_PASSWORD", ES_PASSWORD),
                    Map.of("SHENAVA_ES_API_KEY", ES_API_KEY))) {
                StoreConfig config = StoreConfig.defaults();
                var client = ElasticsearchClients.create(esUrl, config, creds);
                try {
                    Store.of(config, client);
                    answers.add("store opened");
                } catch (RuntimeException e) {
                    answers.add(stackTrace(e));
                    java.util.logging.Logger.getLogger("dev.shenava.api.SecurityIT")
                            .log(java.util.logging.Level.WARNING, "store failed", e);
                }
            }
        }

        // API keys: wrong and right keys against a real server
        ApiAccess access = ApiAccess.create(Config.just(ConfigSources.create(Map.of(
                "api.keys.0.key-env", "SEC_API_KEY", "api.keys.0.role", "viewer"))).get("api"), "127.0.0.1",
                Map.of("SEC_API_KEY", API_KEY)::get);
        try (TestServer server = TestServer.start(r -> r.addFilter(access)
                .register("/api/v1/openapi.yaml", new OpenApiRoutes())
                .register("/api/v1/analyze", new AnalyzeRoutes(TextAnalyzer.create())))) {
            answers.add(server.get("/api/v1/openapi.yaml", "Authorization", "Bearer " + API_KEY + "x").body());
            answers.add(server.send("POST", "/api/v1/analyze", "application/json", "{\"text\":\"hi\"}",
                    "X-Api-Key", API_KEY).body());
            assertEquals(200, server.get("/api/v1/openapi.yaml", "X-Api-Key", API_KEY).statusCode());
        }

        SimpleFormatter format = new SimpleFormatter(); // the record's message with its parameters and stack trace
        String everything = capture.records().stream().map(format::format).collect(Collectors.joining("\n")) + "\n"
                + console.toString(StandardCharsets.UTF_8) + "\n"
                + String.join("\n", answers);
        for (String secret : List.of(WEBHOOK_SECRET, API_KEY, X_TOKEN, YOUTUBE_KEY, ES_PASSWORD, ES_API_KEY)) {
            assertFalse(everything.contains(secret), secret + " leaked:\n" + excerpt(everything, secret));
            String b64 = Base64.getEncoder().encodeToString(("shenava:" + secret).getBytes(StandardCharsets.UTF_8));
            assertFalse(everything.contains(b64), secret + " leaked base64-encoded");
        }
        assertTrue(everything.contains("x-sec") || everything.contains("credential"), "the run did log and answer");
    }

    private static String stackTrace(Throwable e) {
        var w = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(w));
        return w.toString();
    }

    private static String excerpt(String text, String secret) {
        int at = text.indexOf(secret);
        return text.substring(Math.max(0, at - 300), Math.min(text.length(), at + 100));
    }

    /** Copies console output to the real stream and to the capture. */
    private static final class Tee extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        Tee(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            synchronized (b) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            synchronized (b) {
                b.write(buf, off, len);
            }
        }
    }
}
