package dev.shenava.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shenava.nlp.Brand;
import dev.shenava.store.MentionFilter;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutates valid JSON Lines and CSV imports (truncated lines, bytes that are not UTF-8, wrong types, missing
 * required fields, lines over the size limit, stray quotes, byte order marks, CRLF) and imports them through
 * the importer the CLI uses and through {@code POST /api/v1/mentions/import}: each bad line is reported with
 * its number, every other line is in Elasticsearch exactly once, and nothing answers 500 or throws.
 */
class ImportFuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant T0 = Instant.parse("2026-02-01T00:00:00Z");
    private static final String[] TEXTS = {
        "acme delivery was late again",
        "سفارش اکمه دیر رسید و پشتیبانی جواب نداد",
        "خدمة اكمي ممتازة acme",
        "acme, the app \"just works\", said nobody",
        "acme support fixed it in five minutes"};
    private static final Brand ACME = new Brand("acme", "Acme", List.of("acme", "اکمه", "اكمي"), List.of(), List.of());
    private static final int LINES = 60;
    private static final int ROUNDS = 2;

    private static ShenavaRuntime runtime;
    private static WebServer server;
    private static Path dir;

    /** What a mutated line must become: rejected, imported, or either (but exactly one of the two). */
    enum Expect { GOOD, BAD, ANY }

    record Mutated(byte[] bytes, Expect expect, String what) {
    }

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("shenava-import-fuzz");
        runtime = TestRuntimes.create(dir.resolve("data"), Map.of("server.port", "0", "server.host", "127.0.0.1"));
        runtime.register(List.of(ACME));
        server = ShenavaServer.start(runtime);
    }

    @AfterAll
    static void stop() {
        server.stop();
        runtime.close();
    }

    @Test
    void reportsEveryMutatedJsonLineAndImportsEveryOtherOnceFromAFileAndOverHttp() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            fuzz(Importer.Format.JSONL, false, 1000 + round);
            fuzz(Importer.Format.JSONL, true, 2000 + round);
        }
    }

    @Test
    void reportsEveryMutatedCsvRecordAndImportsEveryOtherOnceFromAFileAndOverHttp() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            fuzz(Importer.Format.CSV, false, 3000 + round);
            fuzz(Importer.Format.CSV, true, 4000 + round);
        }
    }

    /** A generated file and, per line number, what each line is. */
    record Generated(byte[] content, Map<Long, Mutated> lines) {
    }

    static Generated generate(Importer.Format format, long seed) throws java.io.IOException {
        Random random = new Random(seed);
        String source = "fuzz-" + seed;
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Map<Long, Mutated> lines = new TreeMap<>();
        long lineNo = 0;
        if (format == Importer.Format.CSV) {
            lineNo++;
            byte[] header = "source,nativeId,publishedAt,likes,lang,text".getBytes(StandardCharsets.UTF_8);
            file.write(random.nextInt(3) == 0 ? concat(BOM, header) : header);
            file.write('\n');
        }
        for (int i = 0; i < LINES; i++) {
            lineNo++;
            Mutated m = random.nextInt(10) < 4 ? mutate(format, random, source, i) : new Mutated(line(format, source, i,
                    i % 5, "en", TEXTS[i % TEXTS.length]), Expect.GOOD, "valid");
            lines.put(lineNo, m);
            file.write(m.bytes());
            file.write(m.what().equals("crlf") ? new byte[] {'\r', '\n'} : new byte[] {'\n'});
            if (random.nextInt(15) == 0) {
                lineNo++;
                file.write('\n'); // a blank line is skipped, and still counted
            }
        }
        return new Generated(file.toByteArray(), lines);
    }

    private static void fuzz(Importer.Format format, boolean http, long seed) throws Exception {
        String source = "fuzz-" + seed;
        Generated g = generate(format, seed);
        Map<Long, Mutated> lines = g.lines();
        byte[] content = g.content();
        Outcome outcome = http ? overHttp(format, content) : fromFile(format, content, seed);
        String label = format + (http ? " over HTTP" : " from a file") + ", seed " + seed;

        Map<Long, String> rejected = new HashMap<>();
        for (ImportSummary.Rejection r : outcome.errors()) {
            assertTrue(rejected.put(r.line(), r.reason()) == null, label + ": line " + r.line() + " reported twice");
            assertTrue(lines.containsKey(r.line()), label + ": a rejection names line " + r.line()
                    + ", which holds no record: " + r.reason());
        }
        Set<Long> missed = new HashSet<>();
        lines.forEach((n, m) -> {
            if (m.expect() == Expect.BAD && !rejected.containsKey(n)) {
                missed.add(n);
            }
            if (m.expect() == Expect.GOOD && rejected.containsKey(n)) {
                throw new AssertionError(label + ": line " + n + " (" + m.what() + ") is fine but was rejected: "
                        + rejected.get(n));
            }
        });
        assertTrue(missed.isEmpty(), label + ": bad lines not reported: " + missed.stream().sorted()
                .map(n -> n + " (" + lines.get(n).what() + ")").toList());
        assertEquals(LINES, outcome.read(), label + ": records read");
        long expected = LINES - rejected.size();
        assertEquals(expected, outcome.indexed(), label + ": records indexed");
        runtime.store().mentions().refresh();
        assertEquals(expected, runtime.store().mentions().count(MentionFilter.ALL.withSources(List.of(source))),
                label + ": mentions in Elasticsearch");
        System.out.printf("import fuzz %s: %d records, %d mutated, %d rejected with their line, %d in Elasticsearch%n",
                label, LINES, lines.values().stream().filter(m -> !m.what().equals("valid")).count(), rejected.size(),
                expected);
    }

    private record Outcome(long read, long indexed, List<ImportSummary.Rejection> errors) {
    }

    private static Outcome fromFile(Importer.Format format, byte[] content, long seed) throws Exception {
        Path f = dir.resolve("fuzz-" + seed + (format == Importer.Format.CSV ? ".csv" : ".jsonl"));
        Files.write(f, content);
        try (Importer importer = new Importer(runtime.pipeline(), ImportProgress.silent())) {
            ImportSummary s = importer.importFiles(List.of(f));
            return new Outcome(s.read(), s.indexed(), s.errors());
        }
    }

    private static Outcome overHttp(Importer.Format format, byte[] content) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + "/api/v1/mentions/import"))
                .header("Content-Type", format == Importer.Format.CSV ? "text/csv" : "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode b = JSON.readTree(r.body());
        List<ImportSummary.Rejection> errors = new ArrayList<>();
        b.path("errors").forEach(e -> errors.add(new ImportSummary.Rejection("body", e.path("line").asLong(),
                e.path("reason").asText())));
        assertEquals(b.path("rejected").asLong(), errors.size(), r.body());
        return new Outcome(b.path("read").asLong(), b.path("indexed").asLong(), errors);
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static byte[] line(Importer.Format format, String source, int i, Object likes, String lang, String text) {
        String id = String.format("n%05d", i);
        String published = T0.plusSeconds(i * 60L).toString();
        String s;
        if (format == Importer.Format.JSONL) {
            s = "{\"source\":\"" + source + "\",\"nativeId\":\"" + id + "\",\"publishedAt\":\"" + published
                    + "\",\"likes\":" + (likes instanceof String t ? "\"" + t + "\"" : likes) + ",\"lang\":\"" + lang
                    + "\",\"text\":\"" + text.replace("\"", "\\\"") + "\"}";
        } else {
            s = source + "," + id + "," + published + "," + likes + "," + lang + ",\"" + text.replace("\"", "\"\"") + "\"";
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static Mutated mutate(Importer.Format format, Random random, String source, int i) {
        boolean csv = format == Importer.Format.CSV;
        String text = TEXTS[i % TEXTS.length];
        byte[] valid = line(format, source, i, 3, "en", text);
        return switch (random.nextInt(11)) {
            case 0 -> {
                // cut short: a JSON object without its end; in CSV the cut may fall inside the text (either way)
                int cut = 1 + random.nextInt(valid.length - 2);
                yield new Mutated(java.util.Arrays.copyOf(valid, cut), csv ? Expect.ANY : Expect.BAD, "truncated");
            }
            case 1 -> {
                byte[] b = valid.clone();
                int at = random.nextInt(b.length);
                b[at] = (byte) (random.nextBoolean() ? 0xFF : 0xC3);
                if (at + 1 < b.length && (b[at] & 0xff) == 0xC3) {
                    b[at + 1] = 'x';
                }
                yield new Mutated(b, Expect.BAD, "not UTF-8");
            }
            case 2 -> new Mutated(line(format, source, i, "many", "en", text), Expect.BAD, "likes not a number");
            case 3 -> new Mutated(line(format, source, i, 3, "english!", text), Expect.BAD, "lang not a code");
            case 4 -> {
                String s = new String(valid, StandardCharsets.UTF_8);
                String broken = csv ? s.replaceFirst("^[^,]*", "")
                        : s.replace("\"publishedAt\":\"" + T0.plusSeconds(i * 60L) + "\",", "");
                yield new Mutated(broken.getBytes(StandardCharsets.UTF_8), Expect.BAD,
                        csv ? "empty source" : "no publishedAt");
            }
            case 5 -> new Mutated(line(format, source, i, 3, "en", "acme " + "x".repeat(ImportLines.MAX_LINE_BYTES + 10)),
                    Expect.BAD, "over 1 MiB");
            case 6 -> {
                String s = new String(valid, StandardCharsets.UTF_8);
                if (csv) {
                    // a quote opening the publishedAt field and never closed on its line
                    int third = s.indexOf(',', s.indexOf(',') + 1) + 1;
                    yield new Mutated((s.substring(0, third) + "\"" + s.substring(third)).getBytes(StandardCharsets.UTF_8),
                            Expect.BAD, "stray quote opening a field");
                }
                int at = random.nextInt(s.length() - 1);
                yield new Mutated((s.substring(0, at) + "\"" + s.substring(at)).getBytes(StandardCharsets.UTF_8),
                        Expect.BAD, "stray quote");
            }
            case 7 -> {
                String s = new String(valid, StandardCharsets.UTF_8);
                int at = s.length() - 4; // the text is the last field in both formats
                yield new Mutated((s.substring(0, at) + "\"" + s.substring(at)).getBytes(StandardCharsets.UTF_8),
                        csv ? Expect.ANY : Expect.BAD, "stray quote inside the text");
            }
            case 8 -> new Mutated(concat(BOM, valid), Expect.GOOD, "byte order mark");
            case 9 -> new Mutated(valid, Expect.GOOD, "crlf");
            default -> new Mutated(csv ? (source + "," + String.format("n%05d", i) + ",2026-02-01T00:00:00Z,3,en")
                    .getBytes(StandardCharsets.UTF_8) : "[1,2,3]".getBytes(StandardCharsets.UTF_8), Expect.BAD,
                    csv ? "a field missing" : "not an object");
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
