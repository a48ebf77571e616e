package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A JSON answer whose reader checks its UTF-8 itself skips the charset detection's check of the whole body only where
 * the detection would answer UTF-8 for a well-formed body, and reads every other answer as before.
 */
class JsonStartTest {

    private static final String[] CONTENT_TYPES = {"", "application/json", "application/json; charset=utf-8",
        "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"", "text/plain; charset=utf8",
        "application/json; charset=iso-8859-1", "application/json; charset=windows-1252", "text/html; charset=koi8-r",
        "application/json; charset=utf-16", "application/json; charset=nonsense", "application/json; charset="};
    private static final String[] PIECES = {"{", "}", "[", "]", "\"a\"", ":", ",", " ", "\n", "\u000b", "\f",
        "caf\u00e9", "\u0627\u0633\u0646\u067e", "\uD83D\uDE80", "<p>", "<meta charset=\\\"iso-8859-1\\\">",
        "<META http-equiv=content-type content=\\\"text/html; charset=koi8-r\\\">", "<meta>", "<?xml version=\\\"1.0\\\""
        + " encoding=\\\"iso-8859-1\\\"?>", "<", "meta", "x".repeat(700)};

    private static byte[] randomBody(Random random) {
        StringBuilder text = new StringBuilder(random.nextInt(6) == 0 ? "<?xml encoding=\"koi8-r\"?>" : "");
        int pieces = random.nextInt(20);
        for (int k = 0; k < pieces; k++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        Charset charset = random.nextInt(4) == 0 ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
        byte[] body = text.toString().getBytes(charset);
        return switch (random.nextInt(8)) {
            case 0 -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body);
            case 1 -> concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, body);
            case 2 -> concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, body);
            default -> body;
        };
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void skipsTheWholeBodyCheckOnlyWhereDetectionWouldAnswerUtf8() {
        Random random = new Random(20261123);
        int skipped = 0;
        int rounds = 30_000;
        for (int round = 0; round < rounds; round++) {
            byte[] body = randomBody(random);
            String contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
            if (Charsets.utf8IfWellFormed(body, contentType) && Charsets.isUtf8(body)) {
                skipped++;
                assertEquals(StandardCharsets.UTF_8, Charsets.detect(body, contentType),
                        contentType + " " + new String(body, StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(skipped > rounds / 5, "skipped only " + skipped + " of " + rounds);
    }

    @Test
    void skipsItForJsonSaidToBeUtf8OrSaidNothingOf() {
        byte[] bench = BenchPages.hackerNews(50);
        for (String contentType : List.of("", "application/json", "application/json; charset=utf-8")) {
            assertTrue(Charsets.utf8IfWellFormed(bench, contentType), contentType);
        }
        assertFalse(Charsets.utf8IfWellFormed(bench, "application/json; charset=iso-8859-1"));
        byte[] meta = "{\"a\":\"<meta charset=koi8-r>\"}".getBytes(StandardCharsets.UTF_8);
        assertFalse(Charsets.utf8IfWellFormed(meta, "application/json"));
        assertTrue(Charsets.utf8IfWellFormed(meta, "application/json; charset=utf-8"));
    }

    @Test
    void readsAnswersInOtherCharsetsAsBefore() {
        String json = "{\"hits\":[{\"objectID\":\"1\",\"comment_text\":\"caf\u00e9 na\u00efve\",\"story_title\":\"S\"},"
                + "{\"objectID\":\"2\",\"comment_text\":\"<meta charset=koi8-r> \u00c0\u00c1\",\"story_title\":\"T\"}]}";
        for (Charset charset : List.of(Charset.forName("windows-1252"), StandardCharsets.UTF_8,
                Charset.forName("KOI8-R"))) {
            for (String contentType : List.of("application/json", "application/json; charset=" + charset.name())) {
                Fetched page = new Fetched("https://hn.algolia.com/api/v1/search_by_date", CrawlStatus.FETCHED, 200,
                        Map.of("content-type", contentType), json.getBytes(charset), "", Instant.EPOCH);
                HackerNewsConnector.Answer answer = HackerNewsConnector.read(Fixtures.HACKER_NEWS, page);
                assertEquals(HackerNewsConnector.readWithJackson(Fixtures.HACKER_NEWS, page), answer,
                        charset + " " + contentType);
                assertEquals(2, answer.posts().size());
            }
        }
    }
}
