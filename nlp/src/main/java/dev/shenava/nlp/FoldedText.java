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

    /** All matches of a term as folded [start, end) pairs, with brand word boundaries. */
    List<int[]> find(Term term) {
        List<int[]> out = new ArrayList<>(1);
        int[] t = term.folded();
        for (int p = 0; p < length; p++) {
            if (cps[p] != t[0] || !leftBoundary(p)) {
                continue;
            }
            int q = matchAt(p, t);
            if (q > 0 && rightBoundary(p, q, term)) {
                out.add(new int[] {p, q});
                p = q - 1;
            }
        }
        return out;
    }

    private int matchAt(int p, int[] t) {
        int q = p;
        for (int k = 0; k < t.length; k++) {
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
