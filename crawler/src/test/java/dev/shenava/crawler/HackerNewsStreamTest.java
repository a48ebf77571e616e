package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The streaming Algolia readers (Jackson's and the one scan) give exactly what the tree reader gives, on real answers
 * and on odd shapes.
 */
class HackerNewsStreamTest {

    private static final Source SOURCE = Fixtures.HACKER_NEWS;

    private static void assertSameAsTree(byte[] body, String what) {
        Fetched page = Fixtures.algoliaAnswer(body);
        HackerNewsConnector.Answer tree = HackerNewsConnector.tree(SOURCE, page, Json.read(page));
        assertEquals(tree, HackerNewsConnector.readWithJackson(SOURCE, page), what);
        assertEquals(tree, HackerNewsConnector.read(SOURCE, page), what);
    }

    @Test
    void streamReadsOurRecordedShapesAsTheTreeDoes() {
        for (String name : List.of("hn_page0.json", "hn_page1.json")) {
            byte[] body = Fixtures.ours(name);
            assertFalse(HackerNewsConnector.read(SOURCE, Fixtures.algoliaAnswer(body)).posts().isEmpty(), name);
            assertSameAsTree(body, name);
        }
        assertSameAsTree(BenchPages.hackerNews(50), "bench page");
    }

    @Test
    void streamReadsTheSharedRecordedAnswersAsTheTreeDoes() throws Exception {
        Path dir = Fixtures.shared("hn");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.list(dir)) {
            all.filter(p -> p.toString().endsWith(".json")).forEach(files::add);
        }
        for (Path file : files) {
            assertSameAsTree(Files.readAllBytes(file), file.getFileName().toString());
        }
    }

    @Test
    void streamAgreesWithTheTreeOnOddValues() {
        List<String> answers = List.of(
                "{}",
                "[{\"hits\":[]}]",
                "{\"hits\":\"none\",\"nbPages\":\"3\"}",
                "{\"hits\":[],\"nbPages\":2.7}",
                "{\"hits\":[1,null,\"x\",[{\"objectID\":\"9\"}]],\"nbPages\":1}",
                "{\"hits\":{\"a\":{\"objectID\":\"1\",\"title\":\"t\"},\"b\":2}}",
                "{\"hits\":[{\"objectID\":\"1\"}],\"hits\":[{\"objectID\":\"2\",\"title\":\"second\"}]}",
                "{\"hits\":[{\"objectID\":\"1\"}],\"hits\":null}",
                "{\"hits\":[{\"objectID\":12,\"title\":true,\"story_text\":1.50,\"author\":{\"n\":1},"
                        + "\"points\":\"7\",\"num_comments\":-3,\"created_at_i\":\"1795255200\"}]}",
                "{\"hits\":[{\"objectID\":\"5\",\"comment_text\":null,\"title\":\"a &amp; b\",\"points\":null,"
                        + "\"created_at\":\"2026-11-21T10:00:00.000Z\",\"objectID\":\"6\",\"extra\":[[{}]]}]}",
                "{\"hits\":[{\"objectID\":\"7\",\"comment_text\":\"<p>x</p>\",\"story_title\":[1],"
                        + "\"points\":123456789012345678901234,\"num_comments\":2e3}],\"nbPages\":true}",
                "\uFEFF  {\"hits\":[{\"objectID\":\"8\",\"title\":\"\u0627\u0631\u0633\u0627\u0644\"}]}");
        for (String json : answers) {
            assertSameAsTree(json.getBytes(StandardCharsets.UTF_8), json);
        }
    }

    @Test
    void malformedAnswersAreWordedAsBefore() {
        Fetched broken = Fixtures.algoliaAnswer("{\"hits\":[{\"objectID\":\"1\",".getBytes(StandardCharsets.UTF_8));
        CrawlException e = assertThrows(CrawlException.class, () -> HackerNewsConnector.read(SOURCE, broken));
        assertEquals(assertThrows(CrawlException.class, () -> Json.read(broken)).getMessage(), e.getMessage());
    }
}
