package dev.shenava.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shenava.nlp.Brand;
import dev.shenava.store.Mention;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query API as the service runs it: export of 100,000 mentions, import over HTTP, and
 * thousands of random and hostile requests that never get a 500.
 */
class QueryServiceIT {

    private static final int EXPORTED = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static ShenavaRuntime runtime;
    private static WebServer server;

    @BeforeAll
    static void start() throws Exception {
        runtime = TestRuntimes.create(Files.createTempDirectory("shenava-query-it"),
                Map.of("server.port", "0", "server.host", "127.0.0.1"));
        server = ShenavaServer.start(runtime);
        runtime.register(List.of(new Brand("acme", "Acme", List.of("acme", "اکمه"), List.of(), List.of("rival")),
                new Brand("rival", "Rival", List.of("rival"), List.of(), List.of())));
        SyntheticMentions synthetic = new SyntheticMentions(7, Instant.now(), Duration.ofDays(20));
        for (int from = 0; from < EXPORTED; from += 5000) {
            List<Mention> batch = new ArrayList<>(5000);
            for (int n = from; n < from + 5000; n++) {
                batch.add(synthetic.next(n));
            }
            assertEquals(List.of(), runtime.store().mentions().write(batch).errors());
        }
        runtime.store().mentions().refresh();
    }

    @AfterAll
    static void stop() {
        server.stop();
        runtime.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void exportsAHundredThousandMentionsAsJsonLines() throws Exception {
        // The synthetic mentions are recent; the mentions the import test adds are older.
        HttpResponse<Stream<String>> r = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/mentions/export?format=jsonl&from="
                        + Instant.now().minus(Duration.ofDays(30)))).build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, r.statusCode());
        Set<String> ids = new HashSet<>();
        try (Stream<String> lines = r.body()) {
            lines.forEach(line -> {
                try {
                    ids.add(JSON.readTree(line).get("id").asText());
                } catch (Exception e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            });
        }
        assertEquals(EXPORTED, ids.size());
    }

    @Test
    void exportsFilteredMentionsAsCsv() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/mentions/export?format=csv&brand=rival&lang=en"
                + "&q=" + URLEncoder.encode("sentiment:negative", StandardCharsets.UTF_8))));
        assertEquals(200, r.statusCode());
        long rows = r.body().split("\r\n").length - 1;
        JsonNode page = JSON.readTree(send(HttpRequest.newBuilder(uri(
                "/api/v1/mentions?brand=rival&lang=en&sentiment=negative&size=1"))).body());
        assertEquals(page.get("total").asLong(), rows);
        assertTrue(rows > 100, "rows " + rows);
    }

    @Test
    void importsJsonLinesOverHttpReportingEachRejectedLine() throws Exception {
        String body = """
                {"source": "http-import", "nativeId": "1", "text": "acme delivery was late", "publishedAt": "2026-01-01T10:00:00Z"}
                {"source": "http-import", "nativeId": "2", "text": "nothing about any brand", "publishedAt": "2026-01-01T10:00:00Z"}
                not json at all
                {"source": "http-import", "nativeId": "3", "text": "اکمه عالی بود", "publishedAt": "2026-01-01T11:00:00Z"}
                """;
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/api/v1/mentions/import"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode result = JSON.readTree(r.body());
        assertEquals(4, result.get("read").asInt(), r.body());
        assertEquals(2, result.get("indexed").asInt(), r.body());
        assertEquals(2, result.get("rejected").asInt(), r.body());
        assertEquals(2, result.get("errors").get(0).get("line").asInt());
        assertEquals(3, result.get("errors").get(1).get("line").asInt());
        // A body in a format the import does not read is 415 Unsupported Media Type.
        assertEquals(415, send(HttpRequest.newBuilder(uri("/api/v1/mentions/import"))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofString("<x/>"))).statusCode());
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)).GET());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void statisticsShowAnImportAndAnAnalystsCorrectionAtOnce() throws Exception {
        String range = "&from=2025-06-01T00:00:00Z&to=2025-06-03T00:00:00Z&source=cache-import";
        String series = "/api/v1/stats/timeseries?interval=day" + range;
        assertEquals(0, get(series).get("totals").get("total").asInt());
        String body = """
                {"source": "cache-import", "nativeId": "1", "text": "acme courier was late", "publishedAt": "2025-06-01T10:00:00Z"}
                {"source": "cache-import", "nativeId": "2", "text": "acme courier was late again", "publishedAt": "2025-06-02T10:00:00Z"}
                """;
        assertEquals(200, send(HttpRequest.newBuilder(uri("/api/v1/mentions/import"))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body))).statusCode());
        JsonNode totals = get(series).get("totals");
        assertEquals(2, totals.get("total").asInt(), totals.toString());

        JsonNode first = get("/api/v1/mentions?size=1" + range).get("items").get(0);
        String id = first.get("id").asText();
        String wanted = "positive".equals(first.get("sentiment").get("label").asText()) ? "negative" : "positive";
        HttpResponse<String> patched = send(HttpRequest.newBuilder(uri("/api/v1/mentions/" + id))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"sentiment\": \"" + wanted + "\"}")));
        assertEquals(200, patched.statusCode(), patched.body());
        JsonNode after = get(series).get("totals");
        assertEquals(totals.get(wanted).asInt() + 1, after.get(wanted).asInt(), after.toString());

        // Another query over the same range is another answer, not the cached one.
        String late = "/api/v1/stats/timeseries?interval=day&q=again" + range;
        assertEquals(1, get(late).get("totals").get("total").asInt());
        assertEquals(2, get(series).get("totals").get("total").asInt());
    }

    @Test
    void answersThousandsOfRandomAndHostileRequestsWithoutA500() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        List<String> paths = List.of("/api/v1/mentions", "/api/v1/stats/timeseries", "/api/v1/stats/share-of-voice",
                "/api/v1/stats/touchpoints", "/api/v1/stats/trending", "/api/v1/stats/authors", "/api/v1/stats/sources",
                "/api/v1/mentions/export", "/api/v1/brands/" + "x".repeat(random.nextInt(3)), "/api/v1/mentions/%00");
        List<String> params = List.of("q", "brand", "lang", "sentiment", "source", "touchpoint", "from", "to", "sort",
                "size", "cursor", "interval", "format");
        List<String> values = List.of("", "acme", "fa", "-1", "0", "201", "99999999999", "abc", "2026-13-45",
                "2026-01-01", "2026-01-01T00:00:00Z", "newest", "engagement", "week", "minute", "csv", "jsonl", "xml",
                "eyJ4Ijo1fQ==", "!!!", "NEAR/3", "(a OR b", "\"x", "lang:", "a NEAR/2 b", "snap*", "*", "\u0000", "😡",
                "كيفيت", "' OR 1=1 --", "<script>", "%", "\\", "{\"a\":1}", "x".repeat(5000));
        for (int i = 0; i < 1000; i++) {
            StringBuilder query = new StringBuilder("?");
            int n = random.nextInt(5);
            for (int p = 0; p < n; p++) {
                String value = random.nextInt(4) == 0 ? randomText(random) : values.get(random.nextInt(values.size()));
                query.append(params.get(random.nextInt(params.size()))).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
            String path = paths.get(random.nextInt(paths.size())) + query;
            HttpResponse<String> r = send(HttpRequest.newBuilder(uri(path)));
            assertTrue(r.statusCode() < 500, path + " -> " + r.statusCode() + " " + r.body());
            if (r.statusCode() >= 400 && !r.body().isEmpty()) {
                assertTrue(JSON.readTree(r.body()).has("error"), path + " -> " + r.statusCode() + " " + r.body());
            }
        }
        for (String raw : List.of("GET /api/v1/mentions?q=%ZZ HTTP/1.1", "GET /api/v1/mentions?q=%E0%A4%A HTTP/1.1",
                "PATCH /api/v1/mentions/x HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\n{{{{{")) {
            int status = rawStatus(raw);
            assertTrue(status >= 400 && status < 500, raw + " -> " + status);
        }
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) {
            s.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x2000) : 32 + random.nextInt(95));
        }
        return s.toString();
    }

    private static int rawStatus(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            String full = request.contains("\r\n\r\n") ? request : request + "\r\n";
            out.write((full.replaceFirst("HTTP/1.1", "HTTP/1.1\r\nHost: localhost\r\nConnection: close")
                    + (request.contains("\r\n\r\n") ? "" : "\r\n")).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
