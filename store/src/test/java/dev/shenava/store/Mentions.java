package dev.shenava.store;

import java.time.Instant;
import java.util.List;

/** Mentions made up for tests. */
final class Mentions {

    private Mentions() {
    }

    static Mention mention(String nativeId, Instant publishedAt, String brand, String lang, String sentiment) {
        return new Mention(null, "test-feed", "rss", nativeId, "https://www.example.com/posts/" + nativeId, null,
                new Mention.Author("@writer", "A Writer", 120), "", "Delivery was late again, " + nativeId,
                "delivery was late again " + nativeId, publishedAt, publishedAt.plusSeconds(60),
                new Mention.Engagement(3, 1, 2, 40, 0), List.of(brand), lang,
                new Mention.Sentiment(sentiment, "negative".equals(sentiment) ? -0.6 : 0.4, 0.8),
                List.of(new Mention.TouchpointScore("delivery", sentiment, -0.6)), List.of("late delivery"),
                List.of(), false, publishedAt.plusSeconds(61), null);
    }
}
