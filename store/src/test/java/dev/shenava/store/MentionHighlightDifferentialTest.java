package dev.shenava.store;

import org.junit.jupiter.api.Test;

import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The highlighter gives, byte for byte, the fragments of its earlier version, which split words with Java's
 * word iterator ({@link Reference}, kept here as it was), over our own Persian, Arabic and English posts and
 * random ones.
 */
class MentionHighlightDifferentialTest {

    private static final List<String> QUERIES = List.of("delivery", "courier late", "\"cold food\"",
            "(late OR دیر) AND (courier OR پیک)", "deliv*", "courier NEAR/3 late", "refund NEAR/5f payment",
            "app -crash", "کیفیت OR جودة", "lang:fa سفارش", "(support OR پشتیبانی) NOT rude", "l?te",
            "\"fresh food\" OR fresh", "e-commerce", "don't", "3.5", "1,000", "می‌خواهم", "التوصيل", "50%", "$5");
    private static final List<String> POSTS = List.of(
            "Delivery was late again: the courier came 40 minutes late, and the food was cold. Refund? No payment back.",
            "کیفیت غذا خیلی خوب بود، ولی پیک دیر رسید! می‌خواهم ۲۵٪ تخفیف بگیرم. پشتیبانی هم جواب نداد.",
            "الجودة ممتازة لكنّ التوصيل تأخّر ٣٠ دقيقة؛ سأطلب مرة أخرى. كيفيت الطعام جيدة والـ courier لطيف.",
            "Don't order e-commerce deals at $5.00 (50% off) — the app didn't crash, support wasn't rude, 1,000 thanks.",
            "Fresh food, \"cold food\" & fresh drinks <b>really</b> fresh; e.g. the 3.5 stars review said 'late'.");
    private static final String[] WORDS = {"delivery", "Delivery", "late", "LATE", "courier", "cold", "food", "fresh",
            "refund", "payment", "app", "crash", "support", "rude", "lite", "late,", "(late)", "e-commerce", "don't",
            "3.5", "1,000", "50%", "$5", "#5", "دیر", "پیک", "کیفیت", "كيفيت", "جودة", "سفارش", "پشتیبانی",
            "می‌خواهم", "التوصيل", "تأخّر", "۲۵٪", "٣٠", "،", "؟", "!", ".", "—", "&", "<b>", "\"", "'", "😀", "中文",
            "x_y", "a..b", "\u200Cz", "word", "the", "and", "و", "به"};

    @Test
    void fragmentsAreTheEarlierHighlightersOnOwnPosts() {
        int highlighted = 0;
        for (String q : QUERIES) {
            for (String post : POSTS) {
                highlighted += compare(q, post) ? 1 : 0;
            }
        }
        assertTrue(highlighted >= 20, "only " + highlighted + " posts had a highlight to compare");
    }

    @Test
    void fragmentsAreTheEarlierHighlightersOnRandomPosts() {
        SplittableRandom random = new SplittableRandom(5);
        int highlighted = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder post = new StringBuilder();
            int words = 1 + random.nextInt(random.nextInt(8) == 0 ? 200 : 30);
            for (int i = 0; i < words; i++) {
                post.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(6) == 0 ? "" : " ");
            }
            highlighted += compare(QUERIES.get(random.nextInt(QUERIES.size())), post.toString()) ? 1 : 0;
        }
        assertTrue(highlighted >= 5_000, "only " + highlighted + " posts had a highlight to compare");
    }

    /** Compares the two highlighters on a post; true when they marked something. */
    private static boolean compare(String q, String post) {
        List<QuerySpans.Source> clauses = QueryMatcher.textClauses(QueryParser.parse(q));
        Mention m = Mentions.mention("n1", Instant.parse("2026-11-01T10:00:00Z"), "acme", "en", "negative");
        Mention posted = new Mention(m.id(), m.source(), m.sourceKind(), m.nativeId(), m.url(), m.site(), m.author(),
                m.title(), post, SearchText.normalize(post), m.publishedAt(), m.fetchedAt(), m.engagement(), m.brands(),
                m.lang(), m.sentiment(), m.touchpoints(), m.keyPhrases(), m.tags(), m.overridden(), m.analyzedAt(), null);
        SearchHits.Hit hit = new SearchHits.Hit(MentionDocument.from(posted), List.of(), null);
        List<String> expected = Reference.highlight(hit, clauses);
        List<String> actual = MentionHighlight.mention(hit, clauses, new HashMap<>()).highlight();
        assertEquals(expected, actual, () -> q + " in " + post);
        assertEquals(expected, MentionHighlight.mention(hit, clauses, MentionHighlight.words()).highlight());
        return expected != null && !expected.isEmpty();
    }

    /** The highlighter as it was before {@link WordBreaks}: words from Java's word iterator. */
    private static final class Reference {

        static List<String> highlight(SearchHits.Hit hit, List<QuerySpans.Source> clauses) {
            Mention mention = hit.source().toMention();
            String normalized = hit.source().text();
            if (normalized == null || normalized.isBlank() || clauses.isEmpty()) {
                return mention.highlight();
            }
            MatchTarget.Tokens tokens = new MatchTarget.Tokens(split(normalized));
            Set<String> marked = new HashSet<>();
            for (QuerySpans.Source clause : clauses) {
                for (QuerySpans.Span span : clause.spans(tokens)) {
                    for (int p = span.start(); p < span.end(); p++) {
                        marked.add(tokens.at(p));
                    }
                }
            }
            if (marked.isEmpty()) {
                return mention.highlight();
            }
            List<int[]> matches = mention.text() == null ? List.of() : matches(mention.text(), marked);
            if (!matches.isEmpty()) {
                return fragments(mention.text(), matches);
            }
            List<int[]> inSearchForm = matches(normalized, marked);
            return inSearchForm.isEmpty() ? mention.highlight() : fragments(normalized, inSearchForm);
        }

        static List<String> split(String normalized) {
            BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
            words.setText(normalized);
            List<String> tokens = new ArrayList<>();
            for (int start = words.first(), end = words.next(); end != BreakIterator.DONE;
                 start = end, end = words.next()) {
                int from = start;
                for (int i = start; i <= end; i++) {
                    if (i == end || normalized.charAt(i) == '-' || normalized.charAt(i) == '\u2010'
                            || normalized.charAt(i) == '\u2011') {
                        addIfSearchable(normalized, from, i, tokens);
                        from = i + 1;
                    }
                }
            }
            return tokens;
        }

        private static void addIfSearchable(String text, int from, int to, List<String> tokens) {
            for (int i = from; i < to; ) {
                int cp = text.codePointAt(i);
                if (SearchText.searchable(cp)) {
                    tokens.add(text.substring(from, to).toLowerCase(Locale.ROOT));
                    return;
                }
                i += Character.charCount(cp);
            }
        }

        private static List<int[]> matches(String text, Set<String> marked) {
            BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
            words.setText(text);
            List<int[]> matches = new ArrayList<>();
            for (int start = words.first(), end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
                if (end - start == 1 && Character.isWhitespace(text.charAt(start))) {
                    continue;
                }
                String word = text.substring(start, end);
                List<String> wordTokens = word.codePoints().anyMatch(SearchText::searchable)
                        ? split(SearchText.normalize(word)) : List.of();
                for (String t : wordTokens) {
                    if (marked.contains(t)) {
                        matches.add(new int[] {start, end});
                        break;
                    }
                }
            }
            return matches;
        }

        private static List<String> fragments(String text, List<int[]> matches) {
            List<String> result = new ArrayList<>();
            int i = 0;
            int previousEnd = 0;
            while (i < matches.size() && result.size() < 3) {
                int from = Math.max(previousEnd, boundary(text, Math.max(0, matches.get(i)[0] - 60), true));
                int to = boundary(text, Math.min(text.length(), matches.get(i)[1] + 100), false);
                StringBuilder fragment = new StringBuilder();
                int at = from;
                while (i < matches.size() && matches.get(i)[1] <= to) {
                    escape(text.substring(at, matches.get(i)[0]), fragment);
                    fragment.append("<mark>");
                    escape(text.substring(matches.get(i)[0], matches.get(i)[1]), fragment);
                    fragment.append("</mark>");
                    at = matches.get(i)[1];
                    i++;
                }
                escape(text.substring(at, to), fragment);
                result.add(fragment.toString().strip());
                previousEnd = to;
                if (i < matches.size() && matches.get(i)[0] < to) {
                    i++;
                }
            }
            return result;
        }

        private static int boundary(String text, int at, boolean backwards) {
            if (backwards) {
                while (at > 0 && !Character.isWhitespace(text.charAt(at - 1))) {
                    at--;
                }
            } else {
                while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
                    at++;
                }
            }
            return at;
        }

        private static void escape(String s, StringBuilder out) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#x27;");
                    default -> out.append(c);
                }
            }
        }
    }
}
