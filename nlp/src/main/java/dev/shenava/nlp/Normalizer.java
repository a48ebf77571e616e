package dev.shenava.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns text into its language-independent search form, used both for indexing and for query terms,
 * so that Persian and Arabic spellings of a word find each other.
 *
 * <p>The output is lower-case words, URLs, {@code @handles} and emoji separated by single spaces,
 * with no zero-width non-joiner inside a word, so Elasticsearch's {@code standard} analyzer splits it
 * exactly at those spaces. Arabic and Persian letter variants, hamza carriers, diacritics, tatweel,
 * Eastern digits, elongation, split verbal prefixes and plural suffixes all fold to one form:
 * {@code "می کنند"}, {@code "می‌کنند"} and {@code "میکنند"} become {@code "میکنند"}. Thread-safe.
 */
public final class Normalizer {

    private static final Normalizer INSTANCE = new Normalizer();
    /** Verbal prefixes written apart or with a ZWNJ; joined to the following word. */
    private static final Set<String> PREFIXES = Set.of("می", "نمی");
    /** Plural and comparative suffixes written apart or with a ZWNJ; joined to the preceding word. */
    private static final Set<String> SUFFIXES = Set.of("ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان",
            "هایتان", "هایشان", "تر", "ترین", "تری");

    /** Clitics written apart or with a ZWNJ after a word ending in ه: "خانه ای", "رفته ام", "خانه اش". */
    private static final Set<String> AFTER_HEH = Set.of("ای", "ام", "ات", "اش", "ایم", "اید", "اند");

    private Normalizer() {
    }

    /**
     * Returns the normaliser.
     *
     * @return the shared instance
     */
    public static Normalizer create() {
        return INSTANCE;
    }

    /**
     * Normalises a text to its search form.
     *
     * @param text any text, possibly {@code null}, empty or with broken surrogates
     * @return the search form, words separated by single spaces; empty when nothing is left
     */
    public String normalize(String text) {
        return String.join(" ", tokens(text));
    }

    /**
     * Normalises a text; the language is accepted for callers that know it and currently changes
     * nothing, since the search form must be the same whatever language a query is typed in.
     *
     * @param text the text
     * @param lang ISO 639-1 code or {@code und}
     * @return the search form
     */
    public String normalize(String text, String lang) {
        return normalize(text);
    }

    /** The normalised tokens of a text, in order. */
    List<String> tokens(String text) {
        List<Token> joined = spans(text);
        List<String> out = new ArrayList<>(joined.size());
        for (Token t : joined) {
            out.add(t.text());
        }
        return out;
    }

    /** The normalised tokens of a text with the spans of the input they come from. */
    List<Token> spans(String text) {
        List<Token> raw = NormalizerScanner.scan(NormalizerScanner.clean(text));
        List<Token> joined = new ArrayList<>(raw.size());
        for (Token t : raw) {
            Token last = joined.isEmpty() ? null : joined.getLast();
            if (last != null && last.kind() == Kind.WORD && t.kind() == Kind.WORD && arabicScript(last.text())
                    && arabicScript(t.text())) {
                if (PREFIXES.contains(last.text()) && t.text().length() > 1) {
                    joined.set(joined.size() - 1, new Token(Kind.WORD, last.text() + t.text(), last.start(), t.end()));
                    continue;
                }
                if (SUFFIXES.contains(t.text()) && !PREFIXES.contains(last.text())) {
                    joined.set(joined.size() - 1, new Token(Kind.WORD, last.text() + t.text(), last.start(), t.end()));
                    continue;
                }
                if (AFTER_HEH.contains(t.text()) && last.text().endsWith("ه") && last.text().length() > 1) {
                    joined.set(joined.size() - 1, new Token(Kind.WORD, last.text() + t.text(), last.start(), t.end()));
                    continue;
                }
                if (t.text().equals("ی") && last.text().endsWith("ه")) {
                    continue; // ezafe written apart: "خانه ی" is "خانه‌ی" is "خانۀ"
                }
            }
            if (last != null && t.kind() == Kind.EMOJI && last.text().equals(t.text())) {
                continue; // "😂😂😂" is one laugh for search
            }
            joined.add(t);
        }
        return joined;
    }

    private static boolean arabicScript(String s) {
        return !s.isEmpty() && Letters.isArabicScript(s.codePointAt(0));
    }

    /** What a scanned token is. */
    enum Kind { WORD, URL, HANDLE, EMOJI }

    /**
     * One normalised token.
     *
     * @param kind  what it is
     * @param text  its search form
     * @param start offset in the input of its first char
     * @param end   offset in the input after its last char
     */
    record Token(Kind kind, String text, int start, int end) {
    }
}
