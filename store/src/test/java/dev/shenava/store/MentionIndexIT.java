package dev.shenava.store;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MentionIndexIT {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static MentionIndex index;

    @BeforeAll
    static void createIndex() {
        index = MentionIndex.create(TestElasticsearch.client(), TestElasticsearch.uniqueIndex("it") + "-mentions")
                .ensureCreated();
    }

    @Test
    void samePostIndexedTwiceIsOneDocument() {
        MentionIndex own = MentionIndex.create(TestElasticsearch.client(), TestElasticsearch.uniqueIndex("twice") + "-mentions")
                .ensureCreated();
        Mention m = Mentions.mention("dup-1", T0, "acme", "en", "negative");
        assertEquals(1, own.write(List.of(m)).written());
        assertEquals(1, own.write(List.of(m, m)).written() - 1);
        own.refresh();
        assertEquals(1, own.count(MentionFilter.ALL));
        Mention back = own.byId(Mention.idOf("test-feed", "dup-1")).orElseThrow();
        assertEquals(m, back);
        assertEquals("example.com", back.site());
    }

    @Test
    void cursorPagingNeitherSkipsNorRepeats() {
        MentionIndex own = MentionIndex.create(TestElasticsearch.client(), TestElasticsearch.uniqueIndex("paging") + "-mentions")
                .ensureCreated();
        List<Mention> all = new ArrayList<>();
        for (int i = 0; i < 57; i++) {
            // groups of three share a timestamp, so the id tie-breaker matters
            all.add(Mentions.mention("p-" + i, T0.plus(Duration.ofMinutes(i / 3)), "acme", "en", "neutral"));
        }
        assertTrue(own.write(all).ok());
        own.refresh();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        Instant previous = Instant.MAX;
        int pages = 0;
        do {
            MentionPage page = own.search(MentionFilter.ALL, MentionSort.NEWEST, 10, cursor);
            assertEquals(57, page.total());
            for (Mention m : page.items()) {
                assertFalse(m.publishedAt().isAfter(previous), "newest first");
                previous = m.publishedAt();
                seen.add(m.id());
            }
            cursor = page.cursor();
            pages++;
        } while (cursor != null);
        assertEquals(6, pages);
        assertEquals(57, seen.size());
        assertEquals(57, new HashSet<>(seen).size());
        assertEquals(Set.copyOf(all.stream().map(Mention::id).toList()), Set.copyOf(seen));
    }

    @Test
    void rejectsCursorOfAnotherSort() {
        MentionPage first = index.search(MentionFilter.ALL, MentionSort.NEWEST, 1, null);
        index.write(List.of(Mentions.mention("c-1", T0, "acme", "en", "neutral"),
                Mentions.mention("c-2", T0, "acme", "en", "neutral")));
        index.refresh();
        String cursor = index.search(MentionFilter.ALL, MentionSort.NEWEST, 1, null).cursor();
        assertNotNull(cursor);
        assertNotNull(first);
        assertThrows(IllegalArgumentException.class, () -> index.search(MentionFilter.ALL, MentionSort.OLDEST, 1, cursor));
        assertThrows(IllegalArgumentException.class, () -> index.search(MentionFilter.ALL, MentionSort.NEWEST, 1, "not-a-cursor"));
    }

    @Test
    void reportsEachRejectedItemAndWritesTheRest() {
        Mention good = Mentions.mention("ok-1", T0, "acme", "en", "positive");
        Mention bad = Mentions.mention("bad-1", Instant.parse("+200000-01-01T00:00:00Z"), "acme", "en", "positive");
        BulkResult r = index.write(List.of(good, bad));
        assertEquals(1, r.written());
        assertEquals(1, r.errors().size());
        BulkResult.ItemError e = r.errors().getFirst();
        assertEquals(bad.id(), e.id());
        assertEquals(400, e.status());
        assertFalse(e.retryable());
        assertTrue(index.byId(good.id()).isPresent());
        assertTrue(index.byId(bad.id()).isEmpty());
    }

    @Test
    void filtersCountsPerDayBySentimentAndTerms() {
        MentionIndex own = MentionIndex.create(TestElasticsearch.client(), TestElasticsearch.uniqueIndex("stats") + "-mentions")
                .ensureCreated();
        Instant day = Instant.parse("2026-03-10T00:00:00Z");
        own.write(List.of(
                Mentions.mention("s-1", day.plusSeconds(3600), "acme", "fa", "negative"),
                Mentions.mention("s-2", day.plusSeconds(7200), "acme", "fa", "negative"),
                Mentions.mention("s-3", day.plusSeconds(7200), "acme", "en", "positive"),
                Mentions.mention("s-4", day.plus(Duration.ofDays(2)), "rival", "ar", "neutral")));
        own.refresh();

        assertEquals(2, own.count(MentionFilter.ALL.withLangs(List.of("fa"))));
        assertEquals(3, own.count(MentionFilter.ALL.withBrands(List.of("acme"))));
        assertEquals(4, own.count(MentionFilter.ALL.withSources(List.of("rss"))));
        assertEquals(1, own.count(MentionFilter.ALL.withRange(day.plus(Duration.ofDays(1)), null)));

        MentionFilter range = MentionFilter.ALL.withRange(day, day.plus(Duration.ofDays(3)));
        List<TimeBucket> buckets = own.histogram(range, CalendarInterval.Day);
        assertEquals(3, buckets.size(), "empty days inside the range are included");
        assertEquals(new TimeBucket(day, 3, 1, 2, 0), buckets.get(0));
        assertEquals(0, buckets.get(1).total());
        assertEquals(1, buckets.get(2).neutral());
        assertEquals(-100.0 / 3, buckets.get(0).netSentiment(), 1e-9);

        List<TermCount> langs = own.terms(MentionFilter.ALL, "lang", 10);
        assertEquals(new TermCount("fa", 2), langs.getFirst());
        assertEquals(3, langs.size());
    }

    @Test
    void findsNothingMissing() {
        assertTrue(index.byId("0123456789abcdef0123456789abcdef").isEmpty());
        assertNull(index.search(MentionFilter.ALL.withBrands(List.of("nobody")), MentionSort.NEWEST, 5, null).cursor());
    }

    @Test
    void highlightsTheWordsElasticsearchWouldMark() {
        MentionIndex own = MentionIndex.create(TestElasticsearch.client(), TestElasticsearch.uniqueIndex("marks") + "-mentions")
                .ensureCreated();
        List<String> texts = List.of(
                "The courier was very late with my cold food, again late",
                "Cold weather, but the food was fresh and the courier early",
                "Refund after payment took a week; payment refund never came",
                "كيفيت ارسال خيلي بد بود، پيک دير رسيد",
                "App crashes at login <b>every</b> time & support is rude",
                "Late delivery. " + "Filler words to make a long post. ".repeat(12) + "The courier apologised, late.");
        List<Mention> mentions = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            mentions.add(withText(Mentions.mention("hl-" + i, T0.plusSeconds(i), "acme", "en", "neutral"), texts.get(i)));
        }
        assertTrue(own.write(mentions).ok());
        own.refresh();
        List<String> queries = List.of("courier", "late courier", "\"cold food\"", "courier NEAR/3 late", "refund NEAR/2f payment",
                "deliv*", "l?te", "کیفیت OR دیر", "(late OR پیک) -rude", "app NOT crash*", "title:late courier",
                "\"fresh food\" OR fresh", "support", "courier NEAR/1 (late OR early)");
        for (String q : queries) {
            MentionFilter filter = MentionFilter.ALL.withQuery(QueryCompiler.compile(q));
            List<Mention> byNode = own.search(filter, MentionSort.NEWEST, 20, null).items();
            List<Mention> here = own.search(filter, MentionSort.NEWEST, 20, null, false, q).items();
            assertEquals(byNode.stream().map(Mention::id).toList(), here.stream().map(Mention::id).toList(), q);
            for (int i = 0; i < here.size(); i++) {
                assertEquals(markedWords(byNode.get(i).highlight()), markedWords(here.get(i).highlight()),
                        q + " on " + here.get(i).text());
            }
        }
        // Elasticsearch marks a phrase as one piece, which no single word of the post matches, so only its
        // fragments of the lower-cased search form could be shown; here each word is marked in the post as written.
        assertEquals(List.of("The courier was very late with my <mark>cold</mark> <mark>food</mark>, again late"),
                own.search(MentionFilter.ALL.withQuery(QueryCompiler.compile("\"cold food\"")), MentionSort.NEWEST, 20, null,
                        false, "\"cold food\"").items().getFirst().highlight());
        List<String> marked = own.search(MentionFilter.ALL.withQuery(QueryCompiler.compile("کیفیت")), MentionSort.NEWEST,
                20, null, false, "کیفیت").items().getFirst().highlight();
        assertEquals(List.of("<mark>كيفيت</mark> ارسال خيلي بد بود، پيک دير رسيد"), marked);
    }

    @Test
    void findsTitlesInAnySpelling() {
        MentionIndex own = MentionIndex.create(TestElasticsearch.client(), TestElasticsearch.uniqueIndex("titles") + "-mentions")
                .ensureCreated();
        Mention m = Mentions.mention("t-1", T0, "acme", "fa", "neutral");
        Mention titled = new Mention(m.id(), m.source(), m.sourceKind(), m.nativeId(), m.url(), m.site(), m.author(),
                "كيفيت پيک", m.text(), m.normalizedText(), m.publishedAt(), m.fetchedAt(), m.engagement(), m.brands(),
                m.lang(), m.sentiment(), m.touchpoints(), m.keyPhrases(), m.tags(), m.overridden(), m.analyzedAt(), null);
        assertTrue(own.write(List.of(titled, Mentions.mention("t-2", T0, "acme", "fa", "neutral"))).ok());
        own.refresh();
        for (String q : List.of("title:کیفیت", "title:كيفيت", "title:\"کیفیت پیک\"", "title:کیف*")) {
            MentionPage page = own.search(MentionFilter.ALL.withQuery(QueryCompiler.compile(q)), MentionSort.NEWEST, 5, null);
            assertEquals(List.of(titled.id()), page.items().stream().map(Mention::id).toList(), q);
            assertEquals("كيفيت پيک", page.items().getFirst().title(), "shown as posted");
        }
        assertEquals(titled, own.byId(titled.id()).orElseThrow());
    }

    private static Set<String> markedWords(List<String> highlight) {
        Set<String> words = new HashSet<>();
        if (highlight != null) {
            for (String fragment : highlight) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("<mark>(.*?)</mark>").matcher(fragment);
                while (m.find()) {
                    words.addAll(SearchText.tokens(m.group(1)));
                }
            }
        }
        return words;
    }

    private static Mention withText(Mention m, String text) {
        return new Mention(m.id(), m.source(), m.sourceKind(), m.nativeId(), m.url(), m.site(), m.author(), m.title(),
                text, SearchText.normalize(text), m.publishedAt(), m.fetchedAt(), m.engagement(), m.brands(), m.lang(),
                m.sentiment(), m.touchpoints(), m.keyPhrases(), m.tags(), m.overridden(), m.analyzedAt(), null);
    }
}
