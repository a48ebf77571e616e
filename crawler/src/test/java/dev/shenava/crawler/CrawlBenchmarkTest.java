package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The per-round ratios the crawl bench prints next to its median. */
class CrawlBenchmarkTest {

    @Test
    void printsEachRoundsBareTimeOverItsFetchAndParseTimeLowestFirst() {
        long[] bare = {90, 100, 80};
        long[] crawl = {100, 125, 80};
        assertEquals("0.80 0.90 1.00", CrawlBenchmark.roundRatios(bare, crawl));
    }

    @Test
    void aRoundThatDidNotRunTheCrawlPhaseShowsZero() {
        assertEquals("0.00", CrawlBenchmark.roundRatios(new long[] {100}, new long[] {0}));
    }
}
