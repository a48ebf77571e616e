package dev.shenava.api;

import dev.shenava.crawler.Post;
import dev.shenava.crawler.SourceKind;
import dev.shenava.nlp.Brand;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every API parameter, path id and body fed random and hostile values through the real service: the answer
 * is a 4xx with a JSON error or a success, never a 5xx.
 */
class ApiFuzzIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static ShenavaRuntime runtime;
    private static WebServer server;
    private static String id;

    private final Random random = new Random(8);
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<String> defects = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        Path dir = Files.createTempDirectory("shenava-api-fuzz");
        runtime = TestRuntimes.create(dir, Map.of("server.port", "0", "server.host", "127.0.0.1"));
        runtime.register(List.of(new Brand("acme", "Acme", List.of("acme"), List.of(), List.of())));
        server = ShenavaServer.start(runtime);
        List<Post> posts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            posts.add(FaultSuite.post("fuzz", i));
        }
        runtime.pipeline().submit(posts);
        runtime.journal().awaitDrained(Duration.ofMinutes(2));
        runtime.store().mentions().refresh();
        id = dev.shenava.store.Mention.idOf("fuzz", "fuzz-0");
    }

    @AfterAll
    static void stop() {
        server.stop();
        runtime.close();
    }

    private static final List<String> HOSTILE = List.of("", " ", "-1", "0", "201", "99999999999999999999", "1e309",
            "NaN", "-0", "true", "null", "[]", "{}", "\"", "'", "\\", "%", "%FF%FE", "%C0%AF", "%00", "%E2%80%AE",
            "2026-13-45", "2026-02-30T25:61:00Z", "+200000-01-01T00:00:00Z", "1970-01-01", "yesterday",
            "' OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "../../etc/passwd", "*", "?*?*?*",
            "(((((((((((", "a NEAR/99999999 b", "NEAR/3", "AND", "NOT", "\"unclosed", "lang:", "brand:acme OR",
            "سفارش دیر", "ي\u200Cك", "\uD83D\uDE00".repeat(50), "x".repeat(20_000), "(a OR ".repeat(2_000),
            "a".repeat(300) + "*");

    private static final List<String> PARAMS = List.of("q", "brand", "lang", "sentiment", "source", "touchpoint",
            "from", "to", "sort", "size", "cursor", "interval", "format");

    private static final List<String> GETS = List.of("/api/v1/mentions", "/api/v1/mentions/export",
            "/api/v1/stats/timeseries", "/api/v1/stats/share-of-voice", "/api/v1/stats/touchpoints",
            "/api/v1/stats/trending", "/api/v1/stats/authors", "/api/v1/stats/sources", "/api/v1/brands",
            "/api/v1/sources");

    private String value() {
        return random.nextInt(4) == 0 ? randomString() : HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    private String randomString() {
        StringBuilder b = new StringBuilder();
        int n = random.nextInt(40);
        for (int i = 0; i < n; i++) {
            int c = switch (random.nextInt(4)) {
                case 0 -> 0x20 + random.nextInt(0x5f);
                case 1 -> 0x600 + random.nextInt(0x100);
                case 2 -> random.nextInt(0x20);
                default -> 0x2000 + random.nextInt(0x70);
            };
            b.appendCodePoint(c);
        }
        return b.toString();
    }

    /** Percent-encodes, except values that already are raw escapes (to send invalid UTF-8). */
    private static String enc(String v) {
        return v.matches("(%[0-9A-F]{2})+") ? v : URLEncoder.encode(v, StandardCharsets.UTF_8);
    }

    private void send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(60));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(r.statusCode(), 1, Integer::sum);
            // the server's own limits (URI, headers) answer before any route, without a body
            boolean serverLimit = r.statusCode() == 414 || r.statusCode() == 431 || r.statusCode() == 413;
            boolean jsonError = r.statusCode() < 400 || serverLimit || r.body().contains("\"error\"");
            if (r.statusCode() >= 500 || !jsonError) {
                defects.add(method + " " + abbreviate(path) + " -> " + r.statusCode() + " " + abbreviate(r.body()));
            }
        } catch (IOException e) {
            defects.add(method + " " + abbreviate(path) + " -> " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private void report(String what) {
        int total = statuses.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("api fuzz (%s): %d requests, statuses %s, %d defects%n", what, total, statuses, defects.size());
        defects.stream().limit(30).forEach(System.out::println);
        assertTrue(defects.isEmpty(), defects.size() + " answers were 5xx or not JSON errors: " + defects.stream()
                .limit(5).toList());
    }

    @Test
    void everyQueryParameterAnswersWithoutAServerError() {
        for (String path : GETS) {
            for (String param : PARAMS) {
                for (int i = 0; i < 6; i++) {
                    String extra = random.nextBoolean() ? "" : "&" + PARAMS.get(random.nextInt(PARAMS.size())) + "="
                            + enc(value());
                    send("GET", path + "?" + param + "=" + enc(value()) + extra, null, null);
                }
            }
        }
        report("query parameters");
    }

    @Test
    void everyPathIdAnswersWithoutAServerError() {
        List<String> ids = new ArrayList<>(List.of(id, "%2e%2e", "%2F", "a%00b", "%FF", "x".repeat(5000), "_search",
                "..%2F..%2Fetc", "%E2%80%AE"));
        for (int i = 0; i < 20; i++) {
            ids.add(enc(randomString()).replace("+", "%20"));
        }
        for (String i : ids) {
            for (String base : List.of("/api/v1/mentions/", "/api/v1/brands/", "/api/v1/sources/")) {
                send("GET", base + i, null, null);
                send("DELETE", base + i, null, null);
            }
        }
        report("path ids");
    }

    @Test
    void everyBodyAnswersWithoutAServerError() {
        List<byte[]> bodies = new ArrayList<>();
        for (String s : List.of("", "{", "[]", "null", "0", "\"x\"", "{\"id\": 5}", "{\"id\": \"acme\", \"terms\": \"x\"}",
                "{\"id\":\"b1\",\"name\":\"B\",\"terms\":[\"b\"],\"competitors\":[\"b1\",\"zz\"]}",
                "{\"id\":\"s1\",\"kind\":\"rss\",\"params\":{\"url\":5},\"intervalSeconds\":-5}",
                "{\"id\":\"s2\",\"kind\":\"nope\"}", "{\"id\":\"s3\",\"kind\":\"rss\",\"params\":null}",
                "{\"sentiment\": \"awful\"}", "{\"sentiment\": 3}", "{\"touchpoints\": \"delivery\"}",
                "{\"tags\": [1, {}, null]}", "{\"text\": 42}", "{\"text\": null}",
                "{\"text\": \"" + "سفارش ".repeat(40_000) + "\"}", "[".repeat(10_000), "{\"a\":".repeat(10_000),
                "{\"id\":\"" + "x".repeat(100_000) + "\"}", "{\"id\": \"a\", \"id\": \"b\"}",
                "{\"id\":\"ok-1\",\"name\":\"\\ud800\",\"terms\":[\"\\u0000\"]}")) {
            bodies.add(s.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'});
        bodies.add(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{'});
        for (int i = 0; i < 10; i++) {
            bodies.add(randomString().getBytes(StandardCharsets.UTF_8));
        }
        List<String[]> targets = List.of(new String[] {"POST", "/api/v1/brands"}, new String[] {"PUT", "/api/v1/brands/acme2"},
                new String[] {"POST", "/api/v1/sources"}, new String[] {"PUT", "/api/v1/sources/s1"},
                new String[] {"PATCH", "/api/v1/mentions/" + id}, new String[] {"POST", "/api/v1/analyze"},
                new String[] {"POST", "/api/v1/mentions/import"});
        for (String[] t : targets) {
            for (byte[] body : bodies) {
                for (String type : List.of("application/json", "application/x-ndjson", "text/csv", "text/plain")) {
                    if (!type.equals("application/json") && !t[1].endsWith("import") && random.nextInt(3) > 0) {
                        continue;
                    }
                    send(t[0], t[1], type, body);
                }
            }
        }
        report("bodies");
    }
}
