package dev.shenava.store;

import dev.shenava.crawler.Author;
import dev.shenava.crawler.Post;
import dev.shenava.crawler.SourceKind;
import dev.shenava.nlp.Normalizer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryMatcherTest {

    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");

    private static Post post(String text) {
        return post("", text);
    }

    private static Post post(String title, String text) {
        return new Post("tg-news", SourceKind.TELEGRAM, "n1", "https://www.Blog.Shop.ir/p/1",
                new Author("Ali_R", "Ali Rezaei", 10), title, text, T, T, null);
    }

    private static boolean matches(String query, Post post) {
        return matches(query, post, "fa");
    }

    private static boolean matches(String query, Post post, String lang) {
        MatchTarget target = MatchTarget.of(post, Normalizer.create().normalize(post.text()), () -> lang);
        return QueryMatcher.compile(query).matches(target);
    }

    private static boolean matches(String query, String text) {
        return matches(query, post(text));
    }

    @Test
    void matchesPersianWordsWrittenWithZwnjSpaceOrJoined() {
        for (String written : new String[] {"همه تعریف می\u200Cکنند", "همه تعریف می کنند", "همه تعریف میکنند"}) {
            assertTrue(matches("میکنند", written), written);
            assertTrue(matches("می\u200Cکنند", written), written);
            assertTrue(matches("\"تعریف می کنند\"", written), written);
        }
    }

    @Test
    void matchesArabicAndPersianLetterVariantsBothWays() {
        assertTrue(matches("کیفیت", "كيفيت ارسال اسنپ خيلي بد بود"));
        assertTrue(matches("\"خیلی بد\"", "كيفيت ارسال اسنپ خيلي بد بود"));
        assertTrue(matches("كيفيت", "کیفیت ارسال اسنپ خیلی بد بود"));
        assertTrue(matches("123", "سفارش ۱۲۳ هنوز نرسیده"));
        assertTrue(matches("١٢٣", "سفارش 123 هنوز نرسیده"));
    }

    @Test
    void doesNotMatchABrandInsideAZwnjCompoundOrALongerWord() {
        // The index holds "اسنپ‌فود" as one word, so a search for اسنپ does not find it.
        assertFalse(matches("اسنپ", "سفارش از اسنپ\u200Cفود دیر رسید"));
        assertTrue(matches("اسنپفود", "سفارش از اسنپ\u200Cفود دیر رسید"));
        assertFalse(matches("snapp", "snappfood is late"));
    }

    @Test
    void countsNearDistanceAsSpanNearSlop() {
        String text = "The courier was very late with my delivery again";
        assertTrue(matches("courier NEAR/2 late", text));
        assertFalse(matches("courier NEAR/1 late", text));
        assertTrue(matches("late NEAR/2 courier", text));
        assertTrue(matches("courier NEAR/2f late", text));
        assertFalse(matches("late NEAR/9f courier", text));
        assertTrue(matches("(driver OR courier) NEAR/4f \"late with\"", text));
        assertTrue(matches("\"very late\" NEAR/2 delivery", text));
        assertFalse(matches("\"very late\" NEAR/1 delivery", text));
        assertTrue(matches("(courier NEAR/2f late) NEAR/3f again", text));
        assertFalse(matches("(courier NEAR/2f late) NEAR/2f again", text));
    }

    @Test
    void matchesNearAcrossPersianVariants() {
        assertTrue(matches("اسنپ NEAR/2f خیلی", "كيفيت ارسال اسنپ خيلي بد بود"));
        assertFalse(matches("خیلی NEAR/2f اسنپ", "كيفيت ارسال اسنپ خيلي بد بود"));
    }

    @Test
    void matchesWildcardsOnWholeIndexedWords() {
        String text = "The new app keeps crashing on login";
        assertTrue(matches("crash*", text));
        assertTrue(matches("l?gin", text));
        assertFalse(matches("l?g", text));
        assertFalse(matches("rash*", text));
        assertTrue(matches("\"keeps crash*\"", text));
        assertFalse(matches("\"crash* keeps\"", text));
        assertTrue(matches("اسن*", "سفارش از اسنپ\u200Cفود"));
        assertTrue(matches("crash* NEAR/1f login", text));
    }

    @Test
    void appliesNotAtTopLevelAndInsideAnd() {
        assertTrue(matches("NOT courier", "nothing here"));
        assertFalse(matches("-courier", "the courier came"));
        assertTrue(matches("courier -late", "the courier came early"));
        assertFalse(matches("courier NOT late", "the courier came late"));
        assertTrue(matches("(late OR early) courier", "the courier came early"));
        assertTrue(matches("snapp OR اسنپ", "اسنپ"));
    }

    @Test
    void filtersByThePostsOwnFields() {
        Post p = post("App crash report", "the app is slow");
        assertTrue(matches("title:crash", p));
        assertFalse(matches("title:slow", p));
        assertFalse(matches("crash", p));
        assertTrue(matches("title:\"crash report\" slow", p));
        assertTrue(matches("source:telegram", p));
        assertTrue(matches("source:TG-NEWS", p));
        assertFalse(matches("source:rss", p));
        assertTrue(matches("author:ali_r", p));
        assertTrue(matches("author:@ALI_R", p));
        assertTrue(matches("author:\"ali rezaei\"", p));
        assertTrue(matches("author:ali*", p));
        assertTrue(matches("site:shop.ir", p));
        assertTrue(matches("site:blog.shop.ir", p));
        assertFalse(matches("site:hop.ir", p));
        assertTrue(matches("site:*.ir", p));
        assertTrue(matches("slow -site:(example.com OR t.me)", p));
        assertTrue(matches("lang:FA", p, "fa"));
        assertFalse(matches("lang:(ar OR en)", p, "fa"));
    }

    @Test
    void asksForTheLanguageOnlyWhenAQueryFiltersOnIt() {
        AtomicInteger asked = new AtomicInteger();
        Post p = post("hello world");
        MatchTarget target = MatchTarget.of(p, "hello world", () -> {
            asked.incrementAndGet();
            return "en";
        });
        assertTrue(QueryMatcher.compile("hello").matches(target));
        assertEquals(0, asked.get());
        assertTrue(QueryMatcher.compile("hello lang:en").matches(target));
        assertTrue(QueryMatcher.compile("world lang:en").matches(target));
        assertEquals(1, asked.get());
    }

    @Test
    void refusesFieldsAPostDoesNotHaveWithTheirColumn() {
        QueryException e = assertThrows(QueryException.class, () -> QueryMatcher.compile("snapp sentiment:negative"));
        assertEquals(7, e.position());
        assertTrue(e.getMessage().contains("'sentiment:'"), e.getMessage());
        assertEquals(13, assertThrows(QueryException.class,
                () -> QueryMatcher.compile("snapp OR (x touchpoint:delivery)")).position());
        assertEquals(1, assertThrows(QueryException.class, () -> QueryMatcher.compile("brand:snapp")).position());
    }

    @Test
    void refusesWhatSearchWouldRefuse() {
        assertEquals(1, assertThrows(QueryException.class, () -> QueryMatcher.compile("a*")).position());
        assertEquals(7, assertThrows(QueryException.class, () -> QueryMatcher.compile("snapp \"!!\"")).position());
        assertThrows(QueryException.class, () -> QueryMatcher.compile("snapp AND"));
    }
}
