package dev.shenava.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shenava.crawler.Post;
import dev.shenava.crawler.Source;
import dev.shenava.crawler.SourceKind;
import dev.shenava.nlp.TextAnalyzer;
import dev.shenava.store.MentionIndex;
import dev.shenava.store.MentionJournal;
import dev.shenava.store.TestElasticsearch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The separate crawl worker's hand-off matches posts against brands as the service's crawler does. */
class JournalSinkIT {

    @TempDir
    Path dir;

    private static Post post(String id, String title) {
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        return new Post("worker-feed", SourceKind.RSS, id, "https://news.example/" + id, null, title,
                "Delivery was late again.", at, at, null);
    }

    @Test
    void storesOnlyPostsThatMentionTheSourcesBrands() {
        MentionIndex index = MentionIndex.create(TestElasticsearch.client(), "journal-sink-" + System.nanoTime())
                .ensureCreated();
        try (MentionJournal journal = MentionJournal.open(dir.resolve("journal"), index)) {
            JournalSink sink = new JournalSink(CrawlWorker.pipeline(TextAnalyzer.create(), journal));
            Source source = new Source("worker-feed", SourceKind.RSS, Map.of("url", "https://news.example/feed"),
                    List.of("acme"), Duration.ofMinutes(5), "", true);
            sink.accept(source, List.of(post("a", "Acme order 1"), post("b", "The weather today"),
                    post("c", "ACME support")));
            assertTrue(journal.awaitDrained(Duration.ofSeconds(60)));
            assertEquals(2, journal.written(), "the post that does not name acme is not stored under it");
        }
    }
}
