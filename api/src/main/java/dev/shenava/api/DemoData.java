package dev.shenava.api;

import dev.shenava.crawler.Author;
import dev.shenava.crawler.Engagement;
import dev.shenava.crawler.Post;
import dev.shenava.crawler.SourceKind;
import dev.shenava.nlp.Brand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Demo mentions written for Shenava: a delivery app (Zoodbar), its competitor (Tondbar) and a ride app
 * (Rahsho), in Persian, Arabic and English, over the 30 days before an anchor time, with a daily rhythm
 * and a burst of late-delivery complaints about Zoodbar three to four days before it. Seeded: the same
 * anchor gives the same posts, and the ids never depend on the anchor.
 */
final class DemoData {

    /** A post and the brand it was written about. */
    record DemoPost(Post post, String brand, String lang) {
    }

    private record Phrase(String lang, String touchpoint, String sentiment, String text) {
    }

    private record Channel(String source, SourceKind kind, String host, int weight) {
    }

    static final List<Brand> BRANDS = List.of(
            new Brand("zoodbar", "Zoodbar", List.of("Zoodbar", "زودبر", "زودبار", "zoodbar.app"), List.of(), List.of("tondbar")),
            new Brand("tondbar", "Tondbar", List.of("Tondbar", "تندبر", "تندبار"), List.of(), List.of("zoodbar")),
            new Brand("rahsho", "Rahsho", List.of("Rahsho", "رهشو", "راهشو"), List.of(), List.of()));

    private static final Map<String, Map<String, String>> NAMES = Map.of(
            "zoodbar", Map.of("en", "Zoodbar", "fa", "زودبر", "ar", "زودبار"),
            "tondbar", Map.of("en", "Tondbar", "fa", "تندبر", "ar", "تندبار"),
            "rahsho", Map.of("en", "Rahsho", "fa", "رهشو", "ar", "راهشو"));

    private static final List<Channel> CHANNELS = List.of(
            new Channel("demo-telegram", SourceKind.TELEGRAM, "telegram.example.org", 30),
            new Channel("demo-x", SourceKind.X, "x.example.org", 30),
            new Channel("demo-appstore", SourceKind.APPSTORE, "apps.example.org", 15),
            new Channel("demo-mastodon", SourceKind.MASTODON, "mastodon.example.org", 10),
            new Channel("demo-reddit", SourceKind.REDDIT, "reddit.example.org", 8),
            new Channel("demo-news", SourceKind.RSS, "news.example.org", 7));

    /** Relative volume per hour of the day in Tehran (UTC+3:30): quiet nights, lunch and evening peaks. */
    private static final int[] HOURLY = {3, 2, 1, 1, 1, 1, 2, 4, 6, 7, 8, 9, 12, 12, 9, 8, 8, 9, 11, 13, 14, 13, 10, 6};

    private static final String[] FA_NAMES = {"sara", "ali", "maryam", "reza", "neda", "hamed", "zahra", "mehdi", "parisa", "omid"};
    private static final String[] AR_NAMES = {"ahmad", "fatima", "omar", "layla", "khalid", "noor", "yousef", "huda", "sami", "rana"};
    private static final String[] EN_NAMES = {"alex", "sam", "jordan", "kim", "lee", "morgan", "casey", "robin", "taylor", "jamie"};

    private DemoData() {
    }

    /**
     * Generates the demo posts for the 30 days before {@code anchor} (truncated to the hour).
     *
     * @param anchor usually now
     * @return about 3,000 posts
     */
    static List<DemoPost> generate(Instant anchor) {
        Instant end = anchor.truncatedTo(ChronoUnit.HOURS);
        Instant start = end.minus(Duration.ofDays(30));
        List<Phrase> phrases = phrases();
        Random random = new Random(20260301L);
        List<DemoPost> posts = new ArrayList<>();
        int seq = 0;
        for (int day = 0; day < 30; day++) {
            for (String brand : List.of("zoodbar", "tondbar", "rahsho")) {
                int count = switch (brand) {
                    case "zoodbar" -> 40 + random.nextInt(12);
                    case "tondbar" -> 22 + random.nextInt(8);
                    default -> 22 + random.nextInt(8);
                };
                for (int i = 0; i < count; i++) {
                    Instant at = start.plus(Duration.ofDays(day)).plus(timeOfDay(random));
                    posts.add(post(seq++, brand, at, random, phrases, false));
                }
            }
        }
        Instant burst = end.minus(Duration.ofDays(4)).plus(Duration.ofHours(7));
        for (int i = 0; i < 320; i++) {
            // decays over about 30 hours from the start of the incident
            double hours = -Math.log(1 - random.nextDouble() * 0.98) * 8;
            posts.add(post(seq++, "zoodbar", burst.plusSeconds((long) (hours * 3600)), random, phrases, true));
        }
        return posts;
    }

    private static DemoPost post(int seq, String brand, Instant at, Random random, List<Phrase> phrases, boolean burst) {
        String lang = burst ? pick(random, new String[] {"fa", "fa", "fa", "fa", "fa", "fa", "en", "en", "ar"})
                : switch (brand) {
                    case "zoodbar" -> pick(random, new String[] {"fa", "fa", "fa", "fa", "en", "en", "ar"});
                    case "tondbar" -> pick(random, new String[] {"ar", "ar", "ar", "fa", "fa", "en"});
                    default -> pick(random, new String[] {"fa", "fa", "fa", "en", "en", "ar"});
                };
        String sentiment = burst ? "negative" : weighted(random, brand.equals("tondbar") ? new int[] {30, 35, 35}
                : brand.equals("rahsho") ? new int[] {40, 25, 35} : new int[] {36, 29, 35});
        List<String> touchpoints = brand.equals("rahsho") ? List.of("waiting", "staff", "price", "app", "payment", "support")
                : List.of("delivery", "delivery", "support", "price", "quality", "app", "payment");
        String touchpoint = burst ? "delivery" : sentiment.equals("neutral") ? "none" : pick(random, touchpoints.toArray(String[]::new));
        List<Phrase> fitting = phrases.stream().filter(p -> p.lang().equals(lang) && p.touchpoint().equals(touchpoint)
                && p.sentiment().equals(sentiment)).toList();
        String name = NAMES.get(brand).get(lang);
        if (!lang.equals("en") && random.nextInt(7) == 0) {
            name = NAMES.get(brand).get("en");   // Latin brand names in Persian and Arabic posts are common
        }
        String text = fitting.get(random.nextInt(fitting.size())).text().replace("{b}", name);
        if (!burst && random.nextInt(4) == 0 && !touchpoint.equals("none")) {
            List<Phrase> second = phrases.stream().filter(p -> p.lang().equals(lang) && !p.touchpoint().equals(touchpoint)
                    && touchpoints.contains(p.touchpoint())).toList();
            text = text + " " + second.get(random.nextInt(second.size())).text().replace("{b}", name);
        }
        Channel ch = channel(random);
        Author author = author(random, lang);
        long likes = (long) Math.floor(Math.pow(random.nextDouble(), 3) * (burst ? 400 : 120));
        Engagement engagement = new Engagement(likes, likes / (3 + random.nextInt(5)), likes / (2 + random.nextInt(6)),
                likes * (8 + random.nextInt(20)));
        String nativeId = "demo-" + seq;
        Post post = new Post(ch.source(), ch.kind(), nativeId, "https://" + ch.host() + "/" + brand + "/" + seq,
                author, "", text, at, at.plusSeconds(30 + random.nextInt(600)), engagement);
        return new DemoPost(post, brand, lang);
    }

    private static Duration timeOfDay(Random random) {
        int total = 0;
        for (int w : HOURLY) {
            total += w;
        }
        int r = random.nextInt(total);
        int hour = 0;
        while (r >= HOURLY[hour]) {
            r -= HOURLY[hour++];
        }
        // local hour in Tehran to UTC
        return Duration.ofHours(hour).minusMinutes(210).plusSeconds(random.nextInt(3600)).plusDays(hour < 4 ? 1 : 0);
    }

    private static Channel channel(Random random) {
        int r = random.nextInt(CHANNELS.stream().mapToInt(Channel::weight).sum());
        for (Channel c : CHANNELS) {
            if (r < c.weight()) {
                return c;
            }
            r -= c.weight();
        }
        return CHANNELS.getFirst();
    }

    private static Author author(Random random, String lang) {
        String[] names = switch (lang) {
            case "fa" -> FA_NAMES;
            case "ar" -> AR_NAMES;
            default -> EN_NAMES;
        };
        int n = random.nextInt(names.length * 6);
        String base = names[n % names.length];
        long followers = (long) Math.floor(Math.exp(random.nextGaussian() * 1.6 + 5));
        return new Author("@" + base + "_" + lang + (n / names.length), Character.toUpperCase(base.charAt(0)) + base.substring(1),
                followers);
    }

    private static String weighted(Random random, int[] posNegNeutral) {
        int r = random.nextInt(posNegNeutral[0] + posNegNeutral[1] + posNegNeutral[2]);
        return r < posNegNeutral[0] ? "positive" : r < posNegNeutral[0] + posNegNeutral[1] ? "negative" : "neutral";
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static List<Phrase> phrases() {
        List<Phrase> list = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                DemoData.class.getResourceAsStream("demo-phrases.tsv"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                list.add(new Phrase(f[0], f[1], f[2], f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("demo-phrases.tsv is missing from the build", e);
        }
        return list;
    }
}
