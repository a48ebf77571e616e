package dev.shenava.api;

import dev.shenava.store.Mention;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic mentions for benchmarks and load tests: three brands, three languages,
 * touchpoints, key phrases, authors and sources spread over a period.
 */
final class SyntheticMentions {

    static final List<String> BRANDS = List.of("acme", "rival", "third");
    private static final List<String> LANGS = List.of("fa", "fa", "ar", "en");
    private static final List<String> SENTIMENTS = List.of("negative", "negative", "positive", "neutral", "neutral");
    private static final List<String> TOUCHPOINTS = List.of("delivery", "support", "price", "quality", "app", "staff");
    private static final List<String> KINDS = List.of("rss", "telegram", "reddit", "mastodon", "web", "x");
    private static final String[] WORDS = {
        "delivery", "courier", "late", "early", "support", "price", "cheap", "expensive", "app", "crash", "login",
        "order", "food", "cold", "fresh", "driver", "ride", "refund", "payment", "quality", "staff", "kind", "rude",
        "ارسال", "پیک", "دیر", "سفارش", "غذا", "سرد", "پشتیبانی", "قیمت", "گران", "ارزان", "کیفیت", "راننده", "عالی",
        "بد", "خوب", "برنامه", "میکنند", "توصیل", "متأخر", "طلب", "الدعم", "سعر", "جودة", "تطبيق", "ممتاز", "سيء"};
    private static final String[] NAMES = {"acme", "اکمه", "rival", "رقیب", "third", "ثالث"};

    private final SplittableRandom random;
    private final Instant end;
    private final Duration span;

    SyntheticMentions(long seed, Instant end, Duration span) {
        this.random = new SplittableRandom(seed);
        this.end = end;
        this.span = span;
    }

    Mention next(long n) {
        String brand = BRANDS.get(random.nextInt(10) < 6 ? 0 : 1 + random.nextInt(2));
        String lang = LANGS.get(random.nextInt(LANGS.size()));
        String sentiment = SENTIMENTS.get(random.nextInt(SENTIMENTS.size()));
        String kind = KINDS.get(random.nextInt(KINDS.size()));
        StringBuilder text = new StringBuilder(NAMES[BRANDS.indexOf(brand) * 2 + random.nextInt(2)]);
        int words = 8 + random.nextInt(25);
        for (int i = 0; i < words; i++) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        List<Mention.TouchpointScore> touchpoints = new ArrayList<>();
        if (random.nextInt(3) > 0) {
            String t = TOUCHPOINTS.get(random.nextInt(TOUCHPOINTS.size()));
            touchpoints.add(new Mention.TouchpointScore(t, sentiment, score(sentiment)));
        }
        List<String> phrases = List.of(WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(12)],
                "phrase " + random.nextInt(300));
        Instant at = end.minusMillis((long) (random.nextDouble() * span.toMillis()));
        long likes = random.nextInt(50);
        long shares = random.nextInt(10);
        long replies = random.nextInt(10);
        String source = kind + "-" + random.nextInt(4);
        String t = text.toString();
        return new Mention(null, source, kind, "n" + n, "https://site" + random.nextInt(50) + ".example/" + n, null,
                new Mention.Author("user" + random.nextInt(5000), "User " + random.nextInt(5000), random.nextInt(100000)),
                "", t, t, at, at, new Mention.Engagement(likes, shares, replies, 0, likes + shares + replies),
                List.of(brand), lang, new Mention.Sentiment(sentiment, score(sentiment), 0.8), touchpoints, phrases,
                List.of(), false, at, null);
    }

    private static double score(String label) {
        return switch (label) {
            case "positive" -> 0.7;
            case "negative" -> -0.7;
            default -> 0;
        };
    }
}
