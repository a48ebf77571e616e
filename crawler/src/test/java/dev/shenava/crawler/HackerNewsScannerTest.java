package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The one-scan Algolia reader gives exactly what the Jackson readers give, post for post and field for field: on the
 * recorded answers, on ours, on thousands of random answers and on thousands of answers broken at random; and it
 * leaves to Jackson what it cannot read exactly.
 */
class HackerNewsScannerTest {

    private static final Source SOURCE = Fixtures.HACKER_NEWS;

    private static HackerNewsConnector.Answer scanned(byte[] body) {
        Fetched page = Fixtures.algoliaAnswer(body);
        int start = Json.utf8Start(page);
        return start < 0 ? null : HackerNewsScanner.read(SOURCE, page, start);
    }

    /** What a reader gives: the answer, or the exception's kind and message. */
    private static Object outcome(Supplier<HackerNewsConnector.Answer> reader) {
        try {
            return reader.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** Asserts the scanner took the answer and read it as the tree does. */
    private static void assertScannedAsTree(byte[] body, String what) {
        HackerNewsConnector.Answer scanned = scanned(body);
        assertNotNull(scanned, what + ": left to Jackson");
        Fetched page = Fixtures.algoliaAnswer(body);
        assertEquals(HackerNewsConnector.tree(SOURCE, page, Json.read(page)), scanned, what);
    }

    /** Asserts the connector (scanner first) reads the answer as the Jackson path does; answers whether it scanned. */
    private static boolean assertSameAsJackson(byte[] body, String what) {
        Fetched page = Fixtures.algoliaAnswer(body);
        Object expected = outcome(() -> HackerNewsConnector.readWithJackson(SOURCE, page));
        Object scanned = outcome(() -> scanned(body));
        if (scanned != null) {
            assertEquals(expected, scanned, what);
        }
        assertEquals(expected, outcome(() -> HackerNewsConnector.read(SOURCE, page)), what);
        return scanned != null;
    }

    @Test
    void scansOurAnswersAsTheTreeReadsThem() {
        for (String name : List.of("hn_page0.json", "hn_page1.json")) {
            byte[] body = Fixtures.ours(name);
            assertFalse(scanned(body).posts().isEmpty(), name);
            assertScannedAsTree(body, name);
        }
        assertEquals(50, scanned(BenchPages.hackerNews(50)).posts().size());
        assertScannedAsTree(BenchPages.hackerNews(50), "bench page");
    }

    @Test
    void scansTheSharedRecordedAnswersAsTheTreeReadsThem() throws Exception {
        for (Path file : Fixtures.sharedFiles("hn", ".json")) {
            byte[] body = Files.readAllBytes(file);
            if (body[0] == '[') { // a list of recorded exchanges: each reply on its own
                var root = Json.MAPPER.readTree(body);
                int replies = 0;
                for (var exchange : root) {
                    if (exchange.path("reply").has("hits")) {
                        assertScannedAsTree(Json.MAPPER.writeValueAsBytes(exchange.get("reply")),
                                file.getFileName() + " " + exchange.path("url").asText());
                        replies++;
                    }
                }
                assertTrue(replies > 0, file.toString());
                assertSameAsJackson(body, file.getFileName().toString());
            } else {
                assertFalse(scanned(body).posts().isEmpty(), file.toString());
                assertScannedAsTree(body, file.getFileName().toString());
            }
        }
    }

    @Test
    void leavesToJacksonWhatItCannotReadExactly() {
        List<String> answers = List.of(
                "[{\"hits\":[]}]",
                "{\"hits\":\"none\"}",
                "{\"hits\":{\"a\":{\"objectID\":\"1\"}}}",
                "{\"hits\":[1]}",
                "{\"hits\":[],\"hits\":[]}",
                "{\"hits\":[{\"objectID\":\"1\",\"objectID\":\"2\"}]}",
                "{\"hits\":[{\"objectID\":12}]}",
                "{\"hits\":[{\"objectID\":\"1\",\"points\":1.5}]}",
                "{\"hits\":[{\"objectID\":\"1\",\"points\":\"7\"}]}",
                "{\"hits\":[{\"objectID\":\"1\",\"points\":1234567890123456789}]}",
                "{\"hits\":[{\"objectI\\u0044\":\"1\"}]}",
                "{\"hits\":[{\"objectID\":\"1\",\"title\":\"a\u0001b\"}]}",
                "{\"hits\":[{\"objectID\":\"1\",\"title\":\"a\\qb\"}]}",
                "{\"hits\":[{\"objectID\":\"1\",\"x\":01}]}",
                "{\"hits\":[{\"objectID\":\"1\"}]} x",
                "{\"hits\":[{\"objectID\":\"1\"}],}",
                "{\"hits\":[{\"objectID\":\"1\"}],\"nbPages\":3000000000}",
                "{\"hits\":[{\"objectID\":\"1\",\"x\":" + "[".repeat(HackerNewsScanner.MAX_DEPTH + 1)
                        + "]".repeat(HackerNewsScanner.MAX_DEPTH + 1) + "}]}",
                "{\"hits\":[{\"objectID\":\"1\"");
        for (String json : answers) {
            assertNull(scanned(json.getBytes(StandardCharsets.UTF_8)), json);
            assertSameAsJackson(json.getBytes(StandardCharsets.UTF_8), json);
        }
        byte[] overlong = "{\"hits\":[{\"objectID\":\"1\",\"title\":\"a??\"}]}".getBytes(StandardCharsets.UTF_8);
        overlong[overlong.length - 6] = (byte) 0xC0; // '/' in two bytes
        overlong[overlong.length - 5] = (byte) 0xAF;
        assertNull(scanned(overlong));
        assertSameAsJackson(overlong, "overlong UTF-8");
    }

    @Test
    void readsWhatItTakesAsTheTreeDoes() {
        List<String> answers = List.of(
                "{}",
                " {\"hits\":[],\"nbPages\":2}\n",
                "{\"hits\":[{}],\"nbPages\":null}",
                "{\"hits\":[{\"objectID\":\" \",\"title\":\"blank id\"}]}",
                "{ \"hits\" : [ { \"objectID\" : \"5\" , \"comment_text\" : null , \"title\" : \"a &amp; b\" ,"
                        + " \"points\" : null , \"created_at\" : \"2026-11-21T10:00:00.000Z\" , \"extra\" : [[{}], {"
                        + "\"k\": [true, false, null, -0.5e+3, 0, \"\\u00e9\\\"\"]}] } ] , \"nbPages\" : -1 }",
                "{\"hits\":[{\"objectID\":\"7\",\"comment_text\":\"<p>x</p>\",\"story_title\":\"S\\u0026P\","
                        + "\"points\":-4,\"num_comments\":12,\"created_at_i\":-1,\"created_at\":\"bad\"}]}",
                "{\"hits\":[{\"objectID\":\"8\",\"title\":\"\u0627\u0631\u0633\u0627\u0644 \uD83D\uDE00\","
                        + "\"author\":\"\u0639\u0644\u06CC\",\"story_text\":\"\\ud83d\\ude00 \\ud800 x\"}]}",
                "{\"hits\":[{\"objectID\":\"9\",\"comment_text\":\"\",\"title\":\"empty comment\"}]}",
                "\uFEFF{\"hits\":[{\"objectID\":\"10\",\"comment_text\":\"a\\n\\tb &#x27;c&#x27; <i>d</i>\"}]}",
                "{\"hits\":[{\"objectID\":\"11\",\"comment_text\":\"" + "caf\u00e9 au lait<p>".repeat(400)
                        + "\u0627\u0633\u0646\u067e\"}]}");
        for (String json : answers) {
            assertScannedAsTree(json.getBytes(StandardCharsets.UTF_8), json);
        }
    }

    /**
     * Pieces of comment text (JSON string content) that the cleaning done while decoding treats apart: spaces in
     * runs and at the ends, the whitespace escapes, the no-break space, C1 characters raw and escaped, controls,
     * characters Java calls blank, DEL, the tags and references read in the same pass, long plain words that cross
     * eight-byte steps, a '!' after a space (the eight-byte space test also flags it), '|' (found with '<' and the
     * backslash), text longer than the buffers.
     */
    private static final String[] COMMENT_PIECES = {" ", "  ", "   ", "x", "ab", "!", " !", "word", "Delivery was",
        "late again and support did not answer", "\\n", "\\t", "\\r\\n", "\\f", "\\u000b", "\\u00a0", "\u00a0",
        "\u0085", "\\u0085", "\\u0093", "\\u001c", "\u2003", "\\u2003", "\\u0001", "\u007f", "<p>", "</p>", "<i>",
        "</i>", "<code>", "&#x27;", "&quot;", "&amp;", "&lt;", "\u0627\u0633\u0646\u067e", "\u200c", "\uD83D\uDE80",
        "\\ud83d\\ude00", "\\\"", "\\/", "caf\u00e9", "        ", "12345678 ", " 1234567", "a|b", " | ",
        "a long comment goes past the buffers the scanner starts with ".repeat(12)};

    @Test
    void commentsCleanedWhileDecodedReadAsJacksonsStringIs() {
        Random random = new Random(20261124);
        int scannedCount = 0;
        int rounds = 6000;
        for (int round = 0; round < rounds; round++) {
            StringBuilder comment = new StringBuilder();
            int pieces = random.nextInt(12);
            for (int k = 0; k < pieces; k++) {
                comment.append(COMMENT_PIECES[random.nextInt(COMMENT_PIECES.length)]);
            }
            String json = "{\"hits\":[{\"objectID\":\"1\",\"comment_text\":\"" + comment
                    + "\",\"story_title\":\"S\"}]}";
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            if (assertSameAsJackson(body, json)) {
                scannedCount++;
            } else { // left to Jackson only when the text is blank to Java but not to the cleaning
                String text = HackerNewsConnector.readWithJackson(SOURCE, Fixtures.algoliaAnswer(body)).posts()
                        .getFirst().text();
                assertTrue(!text.isEmpty() && text.isBlank(), json);
            }
        }
        assertTrue(scannedCount > rounds * 9 / 10, "scanned only " + scannedCount + " of " + rounds);
    }

    @Test
    void randomAnswersReadAsByJackson() {
        Random random = new Random(20261123);
        int scannedCount = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] body = RandomAlgolia.answer(random).getBytes(StandardCharsets.UTF_8);
            if (assertSameAsJackson(body, "answer " + round + ": " + new String(body, StandardCharsets.UTF_8))) {
                scannedCount++;
            }
        }
        assertTrue(scannedCount > 1500, "scanned only " + scannedCount + " of 3000");
    }

    @Test
    void answersBrokenAtRandomReadAsByJackson() {
        Random random = new Random(4);
        List<byte[]> bases = new ArrayList<>();
        bases.add(Fixtures.ours("hn_page0.json"));
        bases.add(Fixtures.ours("hn_page1.json"));
        bases.add(BenchPages.hackerNews(5));
        for (int k = 0; k < 20; k++) {
            bases.add(RandomAlgolia.answer(random).getBytes(StandardCharsets.UTF_8));
        }
        int scannedCount = 0;
        int rounds = 4000;
        for (int round = 0; round < rounds; round++) {
            byte[] body = RandomAlgolia.mutate(bases.get(random.nextInt(bases.size())), random);
            if (assertSameAsJackson(body, "mutation " + round + ": " + new String(body, StandardCharsets.ISO_8859_1))) {
                scannedCount++;
            }
        }
        assertTrue(scannedCount > 200, "scanned only " + scannedCount + " of " + rounds);
    }
}
