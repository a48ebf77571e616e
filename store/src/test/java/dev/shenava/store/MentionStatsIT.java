package dev.shenava.store;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statistics against a real node, checked against counts worked out by hand.
 */
class MentionStatsIT {

    private static final String INDEX = TestElasticsearch.uniqueIndex("mention-stats");
    private static final MentionStats STATS = MentionStats.create(TestElasticsearch.client(), INDEX);
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-01-04T00:00:00Z");
    private static final StatsScope SCOPE = new StatsScope(null, FROM, TO);

    @BeforeAll
    static void load() {
        TestMentions.createIndex(TestElasticsearch.client(), INDEX);
        List<TestMentions> docs = new ArrayList<>();
        // Day 1: acme 3 positive, 1 negative; day 2: nothing; day 3: acme 2 negative, rival 2 positive.
        for (int i = 0; i < 3; i++) {
            docs.add(mention("d1p" + i, "2026-01-01T10:00:00Z", "acme", "positive").set("engagement", 10)
                    .author("fan", "Big Fan").touchpoint("support", "positive"));
        }
        docs.add(mention("d1n", "2026-01-01T11:00:00Z", "acme", "negative").set("engagement", 5)
                .touchpoint("delivery", "negative").set("lang", "fa").set("sourceKind", "telegram")
                .set("source", "tg"));
        for (int i = 0; i < 2; i++) {
            docs.add(mention("d3n" + i, "2026-01-03T09:00:00Z", "acme", "negative")
                    .touchpoint("delivery", "negative").set("keyPhrases", List.of("cold food", "late courier")));
            docs.add(mention("d3r" + i, "2026-01-03T09:30:00Z", "rival", "positive")
                    .set("keyPhrases", List.of("cold food", "late courier")));
        }
        docs.add(mention("d3u", "2026-01-03T10:00:00Z", "acme", "neutral").set("keyPhrases", List.of("late courier")));
        // The previous period: "cold food" was common already, "late courier" was not.
        for (int i = 0; i < 6; i++) {
            docs.add(mention("prev" + i, "2025-12-30T10:00:00Z", "acme", "neutral")
                    .set("keyPhrases", List.of("cold food")));
        }
        // Outside both periods.
        docs.add(mention("later", "2026-02-01T10:00:00Z", "acme", "negative"));
        TestMentions.write(TestElasticsearch.client(), INDEX, docs);
    }

    private static TestMentions mention(String id, String at, String brand, String sentiment) {
        return TestMentions.of(id, "text " + id).at(Instant.parse(at)).set("brands", List.of(brand))
                .set("sentiment", sentiment);
    }

    @Test
    void countsEachDayBySentimentWithEmptyDaysAndNetSentiment() {
        Timeseries series = STATS.timeseries(SCOPE, StatsInterval.DAY);
        assertEquals(List.of(
                new Timeseries.Bucket("2026-01-01T00:00:00Z", 4, 3, 1, 0, 50.0),
                new Timeseries.Bucket("2026-01-02T00:00:00Z", 0, 0, 0, 0, 0.0),
                new Timeseries.Bucket("2026-01-03T00:00:00Z", 5, 2, 2, 1, 0.0)), series.buckets());
        assertEquals(new Timeseries.Totals(9, 5, 3, 1, 25.0, 35), series.totals());
    }

    @Test
    void sharesVoiceBetweenBrandAndCompetitors() {
        SequencedMap<String, String> names = new LinkedHashMap<>();
        names.put("acme", "Acme");
        names.put("rival", "Rival");
        names.put("silent", "Silent");
        ShareOfVoice sov = STATS.shareOfVoice(SCOPE, names, StatsInterval.DAY);
        assertEquals(List.of(
                new ShareOfVoice.BrandShare("acme", "Acme", 7, 0.7778, 0.0),
                new ShareOfVoice.BrandShare("rival", "Rival", 2, 0.2222, 100.0),
                new ShareOfVoice.BrandShare("silent", "Silent", 0, 0.0, 0.0)), sov.brands());
        assertEquals(3, sov.buckets().size());
        assertEquals(Map.of("acme", 3L, "rival", 2L, "silent", 0L), sov.buckets().get(2).mentions());
        assertEquals(-100.0, sov.buckets().get(2).netSentiment().get("acme"));
    }

    @Test
    void reportsVolumeAndSentimentPerTouchpoint() {
        // Equal volumes: Elasticsearch breaks the tie by name.
        assertEquals(List.of(new TouchpointStats("delivery", 3, 0, 3, 0, -100.0),
                new TouchpointStats("support", 3, 3, 0, 0, 100.0)), STATS.touchpoints(SCOPE));
    }

    @Test
    void findsPhrasesThatRoseAgainstThePreviousPeriod() {
        List<TrendingTerm> terms = STATS.trending(SCOPE, 10);
        assertFalse(terms.isEmpty());
        assertEquals("late courier", terms.getFirst().term());
        assertEquals(5, terms.getFirst().count());
        assertEquals(0, terms.getFirst().previousCount());
        assertTrue(terms.stream().noneMatch(t -> t.term().equals("cold food") && t.score() > terms.getFirst().score()));
    }

    @Test
    void reportsPhrasesOfANewInstallationWithoutAPreviousPeriod() {
        List<TrendingTerm> terms = STATS.trending(new StatsScope(null, FROM, TO).previous().previous(), 10);
        assertEquals(List.of(), terms);
        StatsScope firstWeek = new StatsScope(null, Instant.parse("2025-12-29T00:00:00Z"), TO);
        assertFalse(STATS.trending(firstWeek, 10).isEmpty());
    }

    @Test
    void ranksAuthorsWithEngagementAndNetSentiment() {
        AuthorStats top = STATS.authors(SCOPE, 5).getFirst();
        assertEquals(new AuthorStats("writer", "A Writer", 6, 5, -20.0), top);
        assertEquals(new AuthorStats("fan", "Big Fan", 3, 30, 100.0), STATS.authors(SCOPE, 5).get(1));
    }

    @Test
    void countsSourcesWithKindsAndLanguages() {
        SourceStats sources = STATS.sources(SCOPE);
        assertEquals(List.of(new SourceStats.SourceCount("test-feed", "rss", 8),
                new SourceStats.SourceCount("tg", "telegram", 1)), sources.sources());
        assertEquals(List.of(new SourceStats.LanguageCount("en", 8), new SourceStats.LanguageCount("fa", 1)),
                sources.languages());
    }
}
