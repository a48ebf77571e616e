package dev.shenava.store;

import dev.shenava.crawler.Post;
import dev.shenava.crawler.SourceKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Random and hostile query strings: the parser and compiler either compile them or reject them
 * with a {@link QueryException} pointing inside the query, never anything else; the in-memory
 * matcher accepts and runs what search accepts, except the fields a post does not have.
 */
class QueryFuzzTest {

    private static final List<String> PIECES = List.of("snapp", "اسنپ", "كيفيت", "می\u200Cکنند", " ", "  ", "(", ")",
            "\"", "“", "»", "«", "AND", "OR", "NOT", "-", "NEAR/3", "NEAR/0", "NEAR/3f", "NEAR/999999999999", "NEAR/",
            "*", "?", "sn*", "s?", "lang:", "lang:fa", "brand:", "title:", "author:@x", "site:http://", "touchpoint:a:b",
            "sentiment:", "sentiment:angry", "foo:", "::", ":", "\\", "\u0000", "\t", "\n", "😡", "\uD800", "https://x.y",
            "e-commerce", "‌", "ـ", "١٢٣", "''", "&&", "||", "AND AND", "()", "(((", ")))", "\"\"", "a\"b");

    @Test
    void rejectsOrCompilesEveryRandomQueryWithoutOtherFailures() {
        SplittableRandom random = new SplittableRandom(42);
        int compiled = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder q = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                if (random.nextInt(6) == 0) {
                    q.appendCodePoint(random.nextInt(0x30000));
                } else {
                    q.append(PIECES.get(random.nextInt(PIECES.size())));
                }
                if (random.nextBoolean()) {
                    q.append(' ');
                }
            }
            compiled += check(q.toString());
        }
        assertTrue(compiled > 1000, "too few random queries compiled (" + compiled + "): the generator is off");
    }

    @Test
    void rejectsHostileShapesWithinTheLimits() {
        check("(".repeat(10_000));
        check("NOT ".repeat(5_000) + "a");
        check("a NEAR/1 ".repeat(400) + "a");
        check("\"" + "x".repeat(5_000));
        check("a OR ".repeat(800) + "b");
        check("*".repeat(100));
        check("lang:" + "(".repeat(50));
    }

    private static int check(String q) {
        try {
            QueryCompiler.compile(q);
            checkMatcher(q);
            return 1;
        } catch (QueryException e) {
            assertTrue(e.position() >= 1 && e.position() <= q.length() + 1,
                    "position " + e.position() + " outside the query of length " + q.length() + ": " + e.getMessage());
            return 0;
        } catch (RuntimeException | StackOverflowError e) {
            fail("query " + q.substring(0, Math.min(80, q.length())) + " failed with " + e);
            return 0;
        }
    }

    /** A query search accepts is accepted for matching too, unless it names a field a post lacks. */
    private static void checkMatcher(String q) {
        try {
            QueryMatcher.compile(q).matches(TARGET);
        } catch (QueryException e) {
            String refused = e.getMessage();
            assertTrue(refused.contains("'brand:'") || refused.contains("'sentiment:'")
                    || refused.contains("'touchpoint:'"), "search accepts but matching refuses " + q + ": " + refused);
        }
    }

    private static final MatchTarget TARGET = MatchTarget.of(new Post("feed", SourceKind.WEB, "1", "https://x.y/a",
            null, "snapp", "a a snapp اسنپ e-commerce 😡", Instant.EPOCH, Instant.EPOCH, null),
            SearchText.normalize("a a snapp اسنپ e-commerce 😡"), () -> "fa");
}
