package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every connector's parser fed mutated recorded answers (byte flips, truncations, deletions, splices of other
 * fixtures, hostile inserts): it returns posts or a {@link CrawlException} in words, never another exception,
 * and never hangs (each input runs on the test's own executor with a generous bound).
 */
class ConnectorParserFuzzIT {

    private static final int MUTANTS = 16;
    private static final long BOUND_SECONDS = 20;
    private static final ExecutorService RUNNER = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "parser-fuzz");
        t.setDaemon(true); // a hung parse must not keep the test JVM alive
        return t;
    });
    private static final List<String> HOSTILE = List.of("\u0000\u0000", "]]>", "</channel></rss>",
            "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                    + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>",
            "<!ENTITY x SYSTEM \"file:///etc/passwd\">&x;", "[".repeat(20_000), "{\"a\":".repeat(5_000),
            "<div>".repeat(20_000), "\uFEFF\uFFFD\uD800", "null", "\"\\ud800\"", "1e999999", "-0",
            "<script>alert(1)</script>", "\u202Eevil\u202C", "ی\u200Cک".repeat(1000));

    @AfterAll
    static void stopRunner() {
        RUNNER.shutdownNow();
    }

    private static Source sourceFor(SourceKind kind) {
        Map<String, String> params = switch (kind) {
            case RSS, WEB -> Map.of("url", "https://example.com/feed.xml");
            case TELEGRAM -> Map.of("channel", "shenava_demo");
            case REDDIT -> Map.of("query", "snapp");
            case MASTODON -> Map.of("instances", "mastodon.social", "tag", "snapp");
            case HACKERNEWS, BLUESKY, X -> Map.of("query", "snapp");
            case YOUTUBE -> Map.of("videoId", "abc123");
            case APPSTORE -> Map.of("appId", "1510826067");
        };
        boolean credential = kind == SourceKind.BLUESKY || kind == SourceKind.X || kind == SourceKind.YOUTUBE;
        return new Source("fuzz-" + kind.id(), kind, params, List.of("demo"), null, credential ? "FUZZ_TOKEN" : "",
                true);
    }

    private static SourceKind kindOf(String name) {
        String n = name.toLowerCase();
        if (n.startsWith("feed") || n.endsWith(".xml") || n.endsWith(".rss") || n.endsWith(".atom")
                || n.endsWith(".rdf")) {
            return SourceKind.RSS;
        }
        for (var e : Map.of("article", SourceKind.WEB, "telegram", SourceKind.TELEGRAM, "any2feed",
                SourceKind.TELEGRAM, "thrita", SourceKind.TELEGRAM, "reddit", SourceKind.REDDIT, "praw",
                SourceKind.REDDIT, "mastodon", SourceKind.MASTODON, "hn", SourceKind.HACKERNEWS).entrySet()) {
            if (n.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        for (var e : Map.of("bluesky", SourceKind.BLUESKY, "atproto", SourceKind.BLUESKY, "lexicon",
                SourceKind.BLUESKY, "x_", SourceKind.X, "tweepy", SourceKind.X, "youtube", SourceKind.YOUTUBE,
                "comment", SourceKind.YOUTUBE, "search_", SourceKind.YOUTUBE, "appstore", SourceKind.APPSTORE,
                "testdata", SourceKind.APPSTORE).entrySet()) {
            if (n.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return n.endsWith(".html") ? SourceKind.WEB : SourceKind.HACKERNEWS;
    }

    private record Sample(String name, SourceKind kind, byte[] body) {
    }

    @Test
    void ourFixturesMutatedNeverCrashOrHangAParser() throws IOException {
        List<Sample> samples = new ArrayList<>();
        Path dir = Path.of("src/test/resources/fixtures");
        try (Stream<Path> files = Files.list(dir)) {
            files.sorted().forEach(f -> samples.add(sample(f)));
        }
        fuzz(samples, 20261122L);
    }

    @Test
    void sharedRecordedFixturesMutatedNeverCrashOrHangAParser() throws IOException {
        Path root = Fixtures.shared("");
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".http.txt"))
                    .filter(f -> !f.getFileName().toString().matches("(?i)(README\\.md|PROVENANCE\\.tsv)"))
                    .sorted()
                    .forEach(f -> samples.add(sample(f)));
        }
        fuzz(samples.stream().filter((s) -> samples.indexOf(s) % 2 == 0).toList(), 7L);
    }

    private static Sample sample(Path f) {
        try {
            String rel = f.getFileName().toString();
            String parent = f.getParent().getFileName().toString();
            SourceKind kind = switch (parent) {
                case "rss", "feedparser", "rome", "google_alerts" -> SourceKind.RSS;
                case "twitter" -> SourceKind.X;
                case "telegram", "reddit", "mastodon", "hn", "appstore", "bluesky", "youtube" -> kindOf(parent);
                default -> f.toString().contains("/rss/") ? SourceKind.RSS : kindOf(rel);
            };
            return new Sample(f.toString(), kind, Files.readAllBytes(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fuzz(List<Sample> samples, long seed) {
        Random random = new Random(seed);
        Connectors connectors = Connectors.create();
        List<String> defects = new ArrayList<>();
        int inputs = 0;
        int refused = 0;
        for (Sample s : samples) {
            Source source = sourceFor(s.kind());
            Connector connector = connectors.forKind(s.kind());
            for (int m = 0; m <= MUTANTS; m++) {
                byte[] body = m == 0 ? s.body() : mutate(s.body(), samples, random);
                inputs++;
                Fetched page = Fetched.of(source.param("url", "https://api.example.com/x"),
                        Map.of("content-type", m % 5 == 0 ? "application/octet-stream" : "text/html"), body);
                Future<List<Post>> parse = RUNNER.submit(() -> connector.parse(source, page));
                try {
                    parse.get(BOUND_SECONDS, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof CrawlException) {
                        refused++;
                    } else {
                        defects.add(s.name() + " mutant " + m + ": " + e.getCause());
                    }
                } catch (TimeoutException e) {
                    parse.cancel(true);
                    defects.add(s.name() + " mutant " + m + ": no answer within " + BOUND_SECONDS + " s");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        System.out.printf("parser fuzz: %d fixtures, %d inputs, %d refused in words, %d defects%n",
                samples.size(), inputs, refused, defects.size());
        defects.forEach(System.out::println);
        assertTrue(defects.isEmpty(), defects.size() + " inputs crashed or hung a parser: " + defects);
    }

    private static byte[] mutate(byte[] body, List<Sample> all, Random random) {
        byte[] b = body.length == 0 ? new byte[] {'<'} : body;
        return switch (random.nextInt(6)) {
            case 0 -> { // flip a few bytes
                byte[] c = b.clone();
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    c[random.nextInt(c.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield c;
            }
            case 1 -> Arrays.copyOf(b, random.nextInt(b.length)); // truncated
            case 2 -> { // a slice deleted
                int from = random.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + random.nextInt(Math.max(1, b.length / 4)));
                byte[] c = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, c, 0, from);
                System.arraycopy(b, to, c, from, b.length - to);
                yield c;
            }
            case 3 -> { // a slice of another fixture spliced in
                byte[] other = all.get(random.nextInt(all.size())).body();
                int from = other.length == 0 ? 0 : random.nextInt(other.length);
                byte[] slice = Arrays.copyOfRange(other, from, Math.min(other.length, from + 1 + random.nextInt(2048)));
                yield insert(b, slice, random.nextInt(b.length + 1));
            }
            case 4 -> insert(b, HOSTILE.get(random.nextInt(HOSTILE.size())).getBytes(StandardCharsets.UTF_8),
                    random.nextInt(b.length + 1));
            default -> { // a slice repeated many times
                int from = random.nextInt(b.length);
                byte[] slice = Arrays.copyOfRange(b, from, Math.min(b.length, from + 1 + random.nextInt(64)));
                byte[] many = new byte[slice.length * 500];
                for (int i = 0; i < 500; i++) {
                    System.arraycopy(slice, 0, many, i * slice.length, slice.length);
                }
                yield insert(b, many, from);
            }
        };
    }

    private static byte[] insert(byte[] b, byte[] what, int at) {
        byte[] c = new byte[b.length + what.length];
        System.arraycopy(b, 0, c, 0, at);
        System.arraycopy(what, 0, c, at, what.length);
        System.arraycopy(b, at, c, at + what.length, b.length - at);
        return c;
    }
}
