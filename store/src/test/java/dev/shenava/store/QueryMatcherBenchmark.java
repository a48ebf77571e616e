package dev.shenava.store;

import dev.shenava.crawler.Author;
import dev.shenava.crawler.Post;
import dev.shenava.crawler.SourceKind;
import dev.shenava.nlp.Normalizer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prints how fast brand queries match posts at ingestion: per post, the text is normalised once and
 * every brand's query is evaluated. Run from the repository root after {@code mvn -pl store -am
 * test-compile}: {@code mvn -q -o -pl store dependency:build-classpath -Dmdep.outputFile=target/bench.classpath}, then
 * {@code java -cp "crawler/target/classes:nlp/target/classes:$(cat store/target/bench.classpath):store/target/classes:store/target/test-classes"
 * dev.shenava.store.QueryMatcherBenchmark [brands] [posts]}.
 */
public final class QueryMatcherBenchmark {

    private static final String[] WORDS = {"اسنپ", "سفارش", "دیر", "رسید", "راننده", "خیلی", "بد", "خوب", "می\u200Cکنند",
        "كيفيت", "تأخير", "الطلب", "توصيل", "snapp", "order", "late", "courier", "app", "crash", "refund", "the", "was",
        "very", "and", "not", "😡", "https://snapp.ir/x", "@support", "#اسنپ", "۱۲۳"};
    private static final String[] QUERIES = {
        "(snapp OR اسنپ OR سناب) NEAR/5 (late OR دیر OR تاخیر)",
        "(اسنپ OR snapp) -اسنپفود -title:job",
        "\"سفارش رس*\" OR refund*",
        "(courier OR راننده) NEAR/3f (بد OR late) lang:fa",
        "author:support* OR site:*.ir OR source:telegram",
    };

    private QueryMatcherBenchmark() {
    }

    public static void main(String[] args) {
        int brands = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        List<QueryMatcher> matchers = new ArrayList<>();
        for (int b = 0; b < brands; b++) {
            matchers.add(QueryMatcher.compile(QUERIES[b % QUERIES.length].replace("snapp", "snapp" + b / 5)));
        }
        List<Post> posts = posts(count, new SplittableRandom(3));
        run(matchers, posts);
        long start = System.nanoTime();
        long hits = run(matchers, posts);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("brand query matching: %d posts x %d brand queries in %.2f s: %,.0f posts/s, %.1f us/post,"
                        + " %.2f us per post and query; %d matches%n", count, brands, seconds, count / seconds,
                seconds * 1e6 / count, seconds * 1e6 / count / brands, hits);
    }

    private static long run(List<QueryMatcher> matchers, List<Post> posts) {
        Normalizer normalizer = Normalizer.create();
        long hits = 0;
        for (Post p : posts) {
            MatchTarget target = MatchTarget.of(p, normalizer.normalize(p.text()), () -> "fa");
            for (QueryMatcher m : matchers) {
                if (m.matches(target)) {
                    hits++;
                }
            }
        }
        return hits;
    }

    private static List<Post> posts(int count, SplittableRandom random) {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        List<Post> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 20 + random.nextInt(60); w > 0; w--) {
                text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
            }
            posts.add(new Post("feed", SourceKind.RSS, "n" + i, "https://news.example.ir/" + i,
                    new Author("writer" + i % 50, "", 1), i % 7 == 0 ? "job offer" : "", text.toString(), t, t, null));
        }
        return posts;
    }
}
