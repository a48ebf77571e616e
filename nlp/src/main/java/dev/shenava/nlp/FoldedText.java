package dev.shenava.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * A text folded like brand terms, with a map from each folded code point back to its chars in
 * the original text, so matches can be reported as original spans.
 */
final class FoldedText {

    private final String original;
    private final int[] cps;
    private final int[] starts;
    private final int[] ends;
    private final int length;

    private FoldedText(String original, int[] cps, int[] starts, int[] ends, int length) {
        this.original = original;
        this.cps = cps;
        this.starts = starts;
        this.ends = ends;
        this.length = length;
    }

    static FoldedText of(String text) {
        int n = text.length();
        int[] cps = new int[n];
        int[] starts = new int[n];
        int[] ends = new int[n];
        int len = 0;
        for (int i = 0; i < n; ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (!Character.isSurrogate((char) cp) || Character.isSupplementaryCodePoint(cp)) {
                int f = Letters.fold(cp);
                if (f != Letters.DROP) {
                    cps[len] = f;
                    starts[len] = i;
                    ends[len] = next;
                    len++;
                }
            }
            i = next;
        }
        return new FoldedText(text, cps, starts, ends, len);
    }

    int originalStart(int foldedIndex) {
        return starts[foldedIndex];
    }

    int originalEnd(int foldedEnd) {
        return ends[foldedEnd - 1];
    }

    /**
     * All matches of a term as folded [start, end) pairs, with brand word boundaries; with {@code arabic}, an Arabic-script term may also follow Arabic
     * proclitics in the same word ("وزودبار", "بالزودبار", "للراجحي" for "الراجحي").
     */
    List<int[]> find(Term term, boolean arabic) {
        List<int[]> out = new ArrayList<>(1);
        int[] t = term.folded();
        boolean proclitics = arabic && term.takesProclitics();
        for (int p = 0; p < length; p++) {
            int from = matchStart(p, t, proclitics);
            if (from < 0) {
                continue;
            }
            int q = matchAt(p, t, from);
            if (q > 0 && rightBoundary(p, q, term)) {
                out.add(new int[] {p, q});
                p = q - 1;
            }
        }
        return out;
    }

    /**
     * The index in the term from which it matches at p, or -1: 0 at a word start or after a
     * proclitic; 1 when the term's article ال lost its alef after the preposition ل ("للراجحي").
     */
    private int matchStart(int p, int[] t, boolean proclitics) {
        if (cps[p] == t[0] && leftBoundary(p)) {
            return 0;
        }
        if (!proclitics || p == 0 || !Letters.isArabicScript(cps[p - 1])) {
            return -1;
        }
        String prefix = prefixBefore(p);
        if (cps[p] == t[0] && ArabicProclitics.isProclitic(prefix)) {
            return 0;
        }
        boolean article = t.length > 2 && t[0] == 'ا' && t[1] == 'ل';
        return article && cps[p] == 'ل' && ArabicProclitics.isLamBeforeArticle(prefix) ? 1 : -1;
    }

    /** The letters between the start of the word and p, or null when the word starts after a ZWNJ or '_'. */
    private String prefixBefore(int p) {
        int s = p;
        while (s > 0 && Letters.isWordChar(cps[s - 1])) {
            s--;
        }
        if (s > 0 && (cps[s - 1] == Letters.ZWNJ || cps[s - 1] == '_')) {
            return null;
        }
        StringBuilder b = new StringBuilder(p - s);
        for (int i = s; i < p; i++) {
            b.appendCodePoint(cps[i]);
        }
        return b.toString();
    }

    private int matchAt(int p, int[] t, int from) {
        int q = p;
        for (int k = from; k < t.length; k++) {
            if (t[k] == Term.GAP) {
                while (q < length && isSeparator(cps[q])) {
                    q++;
                }
            } else if (q < length && cps[q] == t[k]) {
                q++;
            } else {
                return -1;
            }
        }
        return q;
    }

    private static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp) || cp == Letters.ZWNJ || cp == '_' || cp == '-';
    }

    private boolean leftBoundary(int p) {
        if (p == 0 || !Letters.isWordChar(cps[p])) {
            return true;
        }
        int prev = cps[p - 1];
        if (prev == '_') {
            return !inHandle(p - 1);
        }
        return !Letters.isWordChar(prev) && prev != Letters.ZWNJ;
    }

    private boolean rightBoundary(int p, int q, Term term) {
        if (q == length) {
            return true;
        }
        int next = cps[q];
        if (next == '_') {
            return !inHandle(p);
        }
        if (next == Letters.ZWNJ) {
            return term.endsArabicScript() && BrandMatcher.isSuffix(wordFrom(q + 1));
        }
        if (!Letters.isWordChar(next) || !Letters.isWordChar(cps[q - 1])) {
            return true;
        }
        return term.endsArabicScript() && Letters.isArabicScript(next) && BrandMatcher.isSuffix(wordFrom(q));
    }

    /** The letters from i to the next non-letter, ZWNJ pieces included only when they are suffixes too. */
    private String wordFrom(int i) {
        StringBuilder b = new StringBuilder();
        int k = i;
        while (k < length && Letters.isWordChar(cps[k])) {
            b.appendCodePoint(cps[k++]);
        }
        return b.toString();
    }

    /** Whether position i is inside an {@code @handle}, where '_' is part of the name. */
    private boolean inHandle(int i) {
        int k = i;
        while (k >= 0 && (Letters.isWordChar(cps[k]) || cps[k] == '_' || cps[k] == '.')) {
            k--;
        }
        return k >= 0 && cps[k] == '@';
    }

    @Override
    public String toString() {
        return original;
    }
}
