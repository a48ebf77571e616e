package dev.shenava.api;

import dev.shenava.nlp.Normalizer;
import dev.shenava.store.Mention;

import java.time.Instant;
import java.util.List;

/**
 * Mentions written by the tests, with the analysis fields set by hand.
 */
final class TestMentionData {

    private TestMentionData() {
    }

    static Mention mention(String nativeId, String text, String lang, String sentiment, Instant at, String... brands) {
        return new Mention(null, "test-feed", "rss", nativeId, "https://news.example/" + nativeId, null,
                new Mention.Author("writer", "A Writer", 10), "", text, searchForm(text), at, at,
                new Mention.Engagement(1, 0, 0, 0, 1), List.of(brands), lang,
                new Mention.Sentiment(sentiment, 0, 0.9), List.of(), List.of(), List.of(), false, at, null);
    }

    static String searchForm(String text) {
        return Normalizer.create().normalize(text);
    }
}
