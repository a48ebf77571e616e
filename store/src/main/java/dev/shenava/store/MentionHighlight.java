package dev.shenava.store;

import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Highlighting of search results: fragments of the mention's original text with {@code <mark>}
 * around the words the query matched, HTML-escaped so that a page can show them as they are.
 *
 * <p>Elasticsearch highlights the normalised search form it indexed; the words it marked there are
 * found again in the original text by normalising each original word the same way, so the reader
 * sees the post as written ("كيفيت", not "کیفیت"). When no original word matches (a normalisation that
 * joins words), Elasticsearch's fragments of the search form are kept.
 */
final class MentionHighlight {

    static final Highlight REQUEST = Highlight.of(h -> h
            .encoder(HighlighterEncoder.Html)
            .preTags("<mark>")
            .postTags("</mark>")
            .fields("text", f -> f.fragmentSize(160).numberOfFragments(3).noMatchSize(0)));

    private static final Pattern MARK = Pattern.compile("<mark>(.*?)</mark>");
    private static final int BEFORE = 60;
    private static final int AFTER = 100;
    private static final int FRAGMENTS = 3;

    /** Index tokens of words seen in hits, shared by all searches: posts repeat their words from page to page. */
    private static final Map<String, List<String>> WORDS = new ConcurrentHashMap<>();
    private static final int MAX_WORDS = 100_000;

    private MentionHighlight() {
    }

    /**
     * The shared cache of the index tokens of words seen in hits, emptied when it grows past its bound.
     *
     * @return a map to pass to {@link #mention(SearchHits.Hit, List, Map)}
     */
    static Map<String, List<String>> words() {
        if (WORDS.size() > MAX_WORDS) {
            WORDS.clear();
        }
        return WORDS;
    }

    /**
     * A search hit as a mention, highlighted here rather than by Elasticsearch: the query's clauses are
     * matched against the hit's normalised text exactly as the search matched it ({@link QueryMatcher}'s
     * spans), and the words they cover are marked in the original text.
     *
     * @param hit     the hit, with its normalised {@code text}
     * @param clauses the query's text clauses ({@link QueryMatcher#textClauses})
     * @param words   the index tokens of words already seen ({@link #words()}: posts repeat their words, and
     *                normalising each word again was most of the cost)
     * @return the mention, with a highlight when a clause matched its text
     */
    static Mention mention(SearchHits.Hit hit, List<QuerySpans.Source> clauses, Map<String, List<String>> words) {
        Mention mention = hit.source().toMention();
        String normalized = hit.source().text();
        if (normalized == null || normalized.isBlank() || clauses.isEmpty()) {
            return mention;
        }
        MatchTarget.Tokens tokens = new MatchTarget.Tokens(SearchText.split(normalized));
        Set<String> marked = new HashSet<>();
        for (QuerySpans.Source clause : clauses) {
            for (QuerySpans.Span span : clause.spans(tokens)) {
                for (int p = span.start(); p < span.end(); p++) {
                    marked.add(tokens.at(p));
                }
            }
        }
        if (marked.isEmpty()) {
            return mention;
        }
        List<int[]> matches = mention.text() == null ? List.of() : matches(mention.text(), marked, words);
        if (!matches.isEmpty()) {
            return mention.withHighlight(fragments(mention.text(), matches));
        }
        List<int[]> inSearchForm = matches(normalized, marked, words);
        return inSearchForm.isEmpty() ? mention : mention.withHighlight(fragments(normalized, inSearchForm));
    }

    static Mention mention(SearchHits.Hit hit) {
        Mention mention = hit.source().toMention();
        List<String> fragments = hit.highlight() == null ? null : hit.highlight().get("text");
        if (fragments == null || fragments.isEmpty()) {
            return mention;
        }
        return mention.withHighlight(original(mention.text(), fragments));
    }

    /**
     * Fragments of the original text marking the words Elasticsearch marked in the search form.
     *
     * @param original  the text as posted
     * @param fragments Elasticsearch's fragments of the search form
     * @return fragments of the original, or {@code fragments} when no original word matches
     */
    static List<String> original(String original, List<String> fragments) {
        Set<String> marked = new HashSet<>();
        for (String fragment : fragments) {
            Matcher m = MARK.matcher(fragment);
            while (m.find()) {
                marked.add(unescape(m.group(1)).toLowerCase(Locale.ROOT));
            }
        }
        if (original == null || original.isBlank() || marked.isEmpty()) {
            return fragments;
        }
        List<int[]> matches = matches(original, marked, new HashMap<>());
        return matches.isEmpty() ? fragments : fragments(original, matches);
    }

    private static List<int[]> matches(String text, Set<String> marked, Map<String, List<String>> tokens) {
        List<int[]> matches = new ArrayList<>();
        WordBreaks.pieces(text, (start, end) -> {
            List<String> wordTokens = tokens.computeIfAbsent(text.substring(start, end), MentionHighlight::searchTokens);
            for (int t = 0; t < wordTokens.size(); t++) {
                if (marked.contains(wordTokens.get(t))) {
                    matches.add(new int[] {start, end});
                    break;
                }
            }
        });
        return matches;
    }

    private static List<String> searchTokens(String word) {
        return word.codePoints().anyMatch(SearchText::searchable) ? SearchText.tokens(word) : List.of();
    }

    private static List<String> fragments(String text, List<int[]> matches) {
        List<String> result = new ArrayList<>();
        int i = 0;
        int previousEnd = 0;
        while (i < matches.size() && result.size() < FRAGMENTS) {
            int from = Math.max(previousEnd, boundary(text, Math.max(0, matches.get(i)[0] - BEFORE), true));
            int to = boundary(text, Math.min(text.length(), matches.get(i)[1] + AFTER), false);
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

    /** Moves a cut to the nearest whitespace outward, so that no word is cut in half. */
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

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#x27;", "'")
                .replace("&#39;", "'").replace("&#x2F;", "/").replace("&amp;", "&");
    }
}
