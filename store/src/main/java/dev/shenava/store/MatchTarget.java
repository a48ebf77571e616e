package dev.shenava.store;

import dev.shenava.crawler.Post;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A post as a {@link QueryMatcher} sees it before it is stored: the fields a search would find it by,
 * in the form Elasticsearch indexes them. Prepared once per post and shared by every brand query;
 * words are split on first use and the language is asked for only when a query filters on it.
 * Not thread-safe: one target per post per thread.
 */
public final class MatchTarget {

    private final Post post;
    private final String normalizedText;
    private final Supplier<String> lang;
    private final String site;
    private Tokens text;
    private Tokens title;
    private String language;

    private MatchTarget(Post post, String normalizedText, Supplier<String> lang) {
        this.post = Objects.requireNonNull(post, "post");
        this.normalizedText = normalizedText == null ? "" : normalizedText;
        this.lang = Objects.requireNonNull(lang, "lang");
        this.site = Mention.siteOf(post.url());
    }

    /**
     * Prepares a post for matching.
     *
     * @param post           the post
     * @param normalizedText its text in the indexed form ({@code Analysis.normalizedText()}, or the
     *                       {@code Normalizer} output for the same text)
     * @param lang           its ISO 639-1 language, computed only if a query asks for {@code lang:}
     * @return the target
     */
    public static MatchTarget of(Post post, String normalizedText, Supplier<String> lang) {
        return new MatchTarget(post, normalizedText, lang);
    }

    Tokens text() {
        if (text == null) {
            text = new Tokens(SearchText.split(normalizedText));
        }
        return text;
    }

    /** The title is indexed normalised as the text is, so it is normalised and split the same way. */
    Tokens title() {
        if (title == null) {
            title = new Tokens(SearchText.split(MentionDocument.searchTitle(post.title())));
        }
        return title;
    }

    String lang() {
        if (language == null) {
            String l = lang.get();
            language = l == null || l.isBlank() ? "und" : l;
        }
        return language;
    }

    Post post() {
        return post;
    }

    String site() {
        return site;
    }

    /**
     * The terms of one text field in position order, with where each term occurs. The first few terms asked for
     * are found by a scan of the terms (a highlighted search hit is asked for the two or three words of its
     * query); past that, every term is indexed once (a post matched against many brand queries).
     */
    static final class Tokens {

        private static final int SCANS = 4;

        private final List<String> terms;
        private Map<String, int[]> positions;
        private final String[] scanned = new String[SCANS];
        private final int[][] found = new int[SCANS][];
        private int scans;

        Tokens(List<String> terms) {
            this.terms = terms;
        }

        int size() {
            return terms.size();
        }

        String at(int position) {
            return terms.get(position);
        }

        /** Positions of a term, ascending; empty when it does not occur. */
        int[] positions(String term) {
            if (positions != null) {
                return positions.getOrDefault(term, EMPTY);
            }
            for (int i = 0; i < scans; i++) {
                if (scanned[i].equals(term)) {
                    return found[i];
                }
            }
            if (scans == SCANS) {
                positions = index(terms);
                return positions.getOrDefault(term, EMPTY);
            }
            int[] at = scan(term);
            scanned[scans] = term;
            found[scans++] = at;
            return at;
        }

        private int[] scan(String term) {
            int[] at = EMPTY;
            int n = 0;
            for (int i = 0; i < terms.size(); i++) {
                if (terms.get(i).equals(term)) {
                    if (n == at.length) {
                        at = Arrays.copyOf(at, Math.max(4, n * 2));
                    }
                    at[n++] = i;
                }
            }
            return n == at.length ? at : Arrays.copyOf(at, n);
        }

        private static Map<String, int[]> index(List<String> terms) {
            Map<String, List<Integer>> found = new HashMap<>();
            for (int i = 0; i < terms.size(); i++) {
                found.computeIfAbsent(terms.get(i), k -> new ArrayList<>()).add(i);
            }
            Map<String, int[]> positions = new HashMap<>(found.size() * 2);
            found.forEach((k, v) -> positions.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
            return positions;
        }

        private static final int[] EMPTY = new int[0];
    }
}
