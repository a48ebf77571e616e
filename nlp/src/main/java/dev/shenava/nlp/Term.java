package dev.shenava.nlp;

import java.util.Optional;

/**
 * A brand or exclusion term folded for matching: code points after {@link Letters#fold(int)},
 * with whitespace, ZWNJ, '_' and '-' between words standing for "any separator or none".
 *
 * @param brand    index of the brand it belongs to
 * @param original the term as the user wrote it
 * @param folded   folded code points; {@link #GAP} marks a word gap
 */
record Term(int brand, String original, int[] folded) {

    static final int GAP = ' ';

    static Optional<Term> compile(int brand, String original) {
        int[] buf = new int[original.length()];
        int n = 0;
        for (int i = 0; i < original.length(); ) {
            int cp = original.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isSurrogate((char) cp)) {
                continue;
            }
            int f = Letters.fold(cp);
            if (f == Letters.DROP) {
                continue;
            }
            if (Character.isWhitespace(f) || f == Letters.ZWNJ || f == '_' || f == '-') {
                if (n > 0 && buf[n - 1] != GAP) {
                    buf[n++] = GAP;
                }
                continue;
            }
            buf[n++] = f;
        }
        while (n > 0 && buf[n - 1] == GAP) {
            n--;
        }
        return n == 0 ? Optional.empty() : Optional.of(new Term(brand, original, java.util.Arrays.copyOf(buf, n)));
    }

    /**
     * Whether Arabic proclitics may attach to the term: it starts with an Arabic-script letter and
     * has at least four letters, so that a short term is not found inside ordinary words (brand
     * "نون" in "فنون", arts).
     */
    boolean takesProclitics() {
        int letters = 0;
        for (int cp : folded) {
            letters += cp == GAP ? 0 : 1;
        }
        return Letters.isArabicScript(folded[0]) && letters >= 4;
    }

    /** Whether the term ends in Persian or Arabic letters, so attached suffixes may follow it. */
    boolean endsArabicScript() {
        return Letters.isArabicScript(folded[folded.length - 1]);
    }
}
