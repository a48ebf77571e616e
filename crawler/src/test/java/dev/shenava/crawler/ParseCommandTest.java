package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new CrawlCommand()).execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void printsOneJsonPostPerLineUsingTheCharsetHeader() throws Exception {
        Path feed = dir.resolve("feed.xml");
        Files.write(feed, Fixtures.ours("feed_fa_windows1256.xml"));
        Run r = run("parse", "--kind", "rss", feed.toString(), "--url", "https://news.example.ir/rss",
                "--header", "Content-Type: application/rss+xml; charset=windows-1256");
        assertEquals(0, r.exit(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length);
        JsonNode first = Json.MAPPER.readTree(lines[0]);
        assertEquals("https://news.example.ir/fa/news/1001", first.path("url").asText());
        assertEquals("news-1001", first.path("nativeId").asText());
        for (String field : new String[] {"title", "text", "author", "publishedAt", "engagement"}) {
            assertTrue(first.has(field), field);
        }
    }

    @Test
    void exitsZeroWithNoPostsForAppStorePageEleven() throws Exception {
        Path page = dir.resolve("page11.json");
        Files.writeString(page, "CustomerReviews RSS page depth is limited to 10");
        Run r = run("parse", "--kind", "appstore", page.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.out().strip());
    }

    @Test
    void exitsTwoWithOneLineWhenTheFileCannotBeRead() {
        Run missing = run("parse", "--kind", "rss", dir.resolve("nope.xml").toString());
        assertEquals(2, missing.exit());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertFalse(missing.err().contains("\tat "), "no stack trace");
    }

    @Test
    void exitsTwoWhenTheBodyIsNotWhatTheKindReads() throws Exception {
        Path html = dir.resolve("page.html");
        Files.writeString(html, "<html><body>hello</body></html>");
        Run r = run("parse", "--kind", "hackernews", html.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("malformed JSON"), r.err());
        assertEquals(2, run("parse", "--kind", "nosuchkind", html.toString()).exit());
    }
}
