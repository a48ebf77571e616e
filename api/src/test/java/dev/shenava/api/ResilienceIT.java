package dev.shenava.api;

import dev.shenava.nlp.TextAnalyzer;
import dev.shenava.store.EmbeddedElasticsearch;
import dev.shenava.store.TestElasticsearch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The short version of {@code bench resilience}: real faults into real parts, exact counts at the end.
 */
class ResilienceIT {

    private static TextAnalyzer analyzer;

    @TempDir
    Path work;

    @BeforeAll
    static void loadModels() {
        analyzer = TextAnalyzer.create();
    }

    private FaultSuite suite() {
        return new FaultSuite(TestElasticsearch.node(), TestElasticsearch.client(), work, analyzer, Duration.ofMinutes(3));
    }

    @AfterEach
    void nodeIsBack() {
        EmbeddedElasticsearch node = TestElasticsearch.node();
        if (!node.running()) {
            node.start();
        }
    }

    private static void assertExact(FaultRow row) {
        System.out.println(FaultRow.header() + "\n" + row.line());
        assertEquals(row.mentionsExpected(), row.mentionsFound(), row.name() + ": mentions lost; " + row.note());
        assertEquals(row.deliveriesExpected(), row.deliveriesReceived(), row.name() + ": deliveries; " + row.note());
    }

    @Test
    void losesNoImportedOrCrawledMentionWhenElasticsearchIsKilledMidway() {
        suite().elasticsearchKilled(600, 200, 1).forEach(ResilienceIT::assertExact);
    }

    @Test
    void losesNoCrawledMentionWhenTheCrawlProcessIsKilledMidway() {
        assertExact(suite().serviceKilledDuringCrawl(150, 1));
    }

    @Test
    void deliversEveryWebhookOnceAndLosesNoCrawledMentionWhenTheServiceIsKilledMidRetry() {
        List<FaultRow> rows = suite().serviceKilled(100, 20, 1);
        rows.forEach(ResilienceIT::assertExact);
        FaultRow webhooks = rows.get(1);
        assertTrue(webhooks.note().startsWith("20 distinct events, 0 delivered twice"), webhooks.note());
        assertTrue(webhooks.note().endsWith(" 0 bad signatures"), webhooks.note());
    }

    @Test
    void deliversEveryWebhookOnceAfterTheReceiverWasDownForAWhile() {
        FaultRow row = suite().webhookReceiverDown(20, Duration.ofSeconds(5));
        assertExact(row);
        assertTrue(row.note().endsWith("0 delivered twice"), row.note());
    }

    @Test
    void refusesNewWorkWhenTheJournalDiskIsFullAndLosesNothingAccepted() {
        Optional<FaultRow> row = suite().journalDiskFull(100);
        assumeTrue(row.isPresent(), "skipped: mounting a tmpfs for the journal needs root");
        assertExact(row.get());
        assertTrue(row.get().note().contains("refusing new mentions"), row.get().note());
    }
}
