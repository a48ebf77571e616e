package dev.shenava.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MentionJournalIT {

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    private static MentionIndex freshIndex(String what) {
        return MentionIndex.create(TestElasticsearch.client(), TestElasticsearch.uniqueIndex(what) + "-mentions")
                .ensureCreated();
    }

    private static List<Mention> mentions(String prefix, int n) {
        List<Mention> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(Mentions.mention(prefix + i, T0.plusSeconds(i), "acme", "en", "neutral"));
        }
        return list;
    }

    @Test
    void keepsMentionsWhileElasticsearchIsUnreachableAndWritesThemAfterReopen(@TempDir Path dir) {
        MentionIndex unreachable = MentionIndex.create(ElasticsearchClients.create("http://127.0.0.1:9"), "down-mentions");
        try (MentionJournal j = MentionJournal.open(dir, unreachable)) {
            j.append(mentions("w-", 120));
            assertFalse(j.awaitDrained(Duration.ofSeconds(2)));
            assertEquals(120, j.pending());
            assertTrue(j.lastError().contains("Connection refused"), j.lastError());
        }
        MentionIndex index = freshIndex("replay");
        try (MentionJournal j = MentionJournal.open(dir, index)) {
            assertEquals(120, j.pending(), "replayed on open");
            assertTrue(j.awaitDrained(Duration.ofSeconds(60)));
            assertEquals(120, j.written());
        }
        index.refresh();
        assertEquals(120, index.count(MentionFilter.ALL));
        try (MentionJournal j = MentionJournal.open(dir, index)) {
            assertEquals(0, j.pending(), "nothing replayed twice");
        }
    }

    @Test
    void writesAsSoonAsElasticsearchAnswersAgainInsteadOfWaitingOutItsBackoff(@TempDir Path dir) throws IOException {
        MentionIndex index = freshIndex("recovery");
        java.net.URI node = java.net.URI.create(TestElasticsearch.url());
        try (TcpRelay relay = TcpRelay.down(node.getHost(), node.getPort());
             MentionJournal j = MentionJournal.open(dir, MentionIndex.create(ElasticsearchClients.create(relay.url()),
                     index.name()), Duration.ofMinutes(30), Duration.ofMinutes(30))) {
            j.append(mentions("r-", 80));
            assertFalse(j.awaitDrained(Duration.ofSeconds(2)));
            assertFalse(j.lastError().isEmpty(), "the drain should say why it cannot write");
            relay.up();
            // the drain is in a 30-minute backoff: only noticing that the node answers again gets it written
            assertTrue(j.awaitDrained(Duration.ofMinutes(2)), "still pending: " + j.pending() + "; " + j.lastError());
            assertEquals(1, j.recoveries());
            assertEquals("", j.lastError());
        }
        index.refresh();
        assertEquals(80, index.count(MentionFilter.ALL));
    }

    @Test
    void dropsALineTornByACrashAndKeepsTheRest(@TempDir Path dir) throws IOException {
        MentionIndex unreachable = MentionIndex.create(ElasticsearchClients.create("http://127.0.0.1:9"), "down-mentions");
        try (MentionJournal j = MentionJournal.open(dir, unreachable)) {
            j.append(mentions("t-", 3));
        }
        Path segment;
        try (var files = Files.list(dir)) {
            segment = files.filter(f -> f.getFileName().toString().startsWith("seg-")).findFirst().orElseThrow();
        }
        Files.writeString(segment, "{\"id\":\"half-writ", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        MentionIndex index = freshIndex("torn");
        try (MentionJournal j = MentionJournal.open(dir, index)) {
            assertEquals(3, j.pending());
            assertTrue(j.awaitDrained(Duration.ofSeconds(60)));
        }
        index.refresh();
        assertEquals(3, index.count(MentionFilter.ALL));
    }

    @Test
    void reportsMentionsElasticsearchRefusesAndGoesOn(@TempDir Path dir) {
        MentionIndex index = freshIndex("refused");
        List<BulkResult.ItemError> refused = new CopyOnWriteArrayList<>();
        try (MentionJournal j = MentionJournal.open(dir, index)) {
            j.onRejected(refused::add);
            Mention bad = Mentions.mention("bad", Instant.parse("+200000-01-01T00:00:00Z"), "acme", "en", "neutral");
            List<Mention> batch = new ArrayList<>(mentions("r-", 10));
            batch.add(bad);
            j.append(batch);
            assertTrue(j.awaitDrained(Duration.ofSeconds(60)));
            assertEquals(10, j.written());
            assertEquals(1, j.rejected());
            assertEquals(bad.id(), refused.getFirst().id());
        }
    }

    @Test
    void oneProcessAtATimeOwnsAJournalFolder(@TempDir Path dir) {
        MentionIndex index = freshIndex("owned");
        try (MentionJournal first = MentionJournal.openFreeSlot(dir, index)) {
            assertThrows(StoreException.class, () -> MentionJournal.open(first.dir(), index));
            try (MentionJournal second = MentionJournal.openFreeSlot(dir, index)) {
                assertEquals(dir.resolve("1"), second.dir());
            }
        }
    }
}
