package dev.shenava.crawler;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import okio.Buffer;

/**
 * Test fixtures: our own (src/test/resources/fixtures) and the recorded real ones in ../shared/fixtures.
 */
final class Fixtures {

    /** The Hacker News source the Algolia answers of the tests are read for. */
    static final Source HACKER_NEWS = source("hn", SourceKind.HACKERNEWS, Map.of("query", "x"));

    private static final Instant ALGOLIA_FETCHED = Instant.parse("2026-11-22T10:00:00Z");

    private Fixtures() {
    }

    /** An Algolia answer as fetched: UTF-8 JSON from the search endpoint, at a fixed time. */
    static Fetched algoliaAnswer(byte[] body) {
        return new Fetched("https://hn.algolia.com/api/v1/search_by_date", CrawlStatus.FETCHED, 200,
                Map.of("content-type", "application/json; charset=utf-8"), body, "", ALGOLIA_FETCHED);
    }

    static byte[] ours(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource fixtures/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared fixtures directory; skips the test when it is absent (a user's clone has no ../shared). */
    static Path shared(String relative) {
        String root = System.getProperty("shenava.shared");
        assumeTrue(root != null && Files.isDirectory(Path.of(root, "fixtures")),
                "../shared/fixtures is absent (shenava.shared=" + root + "); skipping the recorded-response test");
        Path p = Path.of(root, "fixtures", relative);
        assumeTrue(Files.exists(p), p + " is absent; skipping");
        return p;
    }

    /** The files under a shared fixtures directory whose names end with {@code suffix}, sorted; skips as {@link #shared}. */
    static List<Path> sharedFiles(String relative, String suffix) {
        try (Stream<Path> all = Files.walk(shared(relative))) {
            return all.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] sharedBytes(String relative) {
        try {
            return Files.readAllBytes(shared(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse ok(byte[] body, String contentType) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", contentType)
                .body(new Buffer().write(body)).build();
    }

    static MockResponse ok(byte[] body, String contentType, Map<String, String> headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(200).setHeader("Content-Type", contentType)
                .body(new Buffer().write(body));
        headers.forEach(b::setHeader);
        return b.build();
    }

    /** Settings for tests: loopback allowed, short waits. */
    static CrawlerConfig config() {
        return CrawlerConfig.defaults().withAllowPrivateNetworks(true)
                .withWaits(Duration.ofMillis(20), Duration.ofSeconds(3), Duration.ZERO)
                .withLimits(Duration.ofSeconds(5), Duration.ofSeconds(30), 2L << 20);
    }

    static CrawlContext context(Map<String, String> env) {
        return CrawlContext.create(Fetcher.create(config()), env::get);
    }

    static Source source(String id, SourceKind kind, Map<String, String> params) {
        return new Source(id, kind, params, List.of("demo"), Duration.ofMinutes(5), "", true);
    }

    static Source source(String id, SourceKind kind, Map<String, String> params, String credentialEnv) {
        return new Source(id, kind, params, List.of("demo"), Duration.ofMinutes(5), credentialEnv, true);
    }

    /**
     * A text changed at random in one to three places, each a piece inserted, up to six characters removed, or a
     * character replaced by a piece: what breaks a parser's assumptions.
     *
     * @param seed    the text to change
     * @param pieces  what to insert or replace with
     * @param random  the source of randomness (seeded by the test)
     * @return the changed text
     */
    static String mutate(String seed, String[] pieces, Random random) {
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(3)) {
                case 0 -> text.insert(at, pieces[random.nextInt(pieces.length)]);
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(6)));
                default -> text.replace(at, Math.min(text.length(), at + 1), pieces[random.nextInt(pieces.length)]);
            }
        }
        return text.toString();
    }
}
