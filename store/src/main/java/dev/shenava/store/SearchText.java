package dev.shenava.store;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Query words in the form the index holds them: normalised as the mention text is before indexing,
 * then split and lower-cased as Elasticsearch's {@code standard} analyzer does.
 */
final class SearchText {

    private SearchText() {
    }

    /**
     * The language-independent search form of a piece of query text.
     */
    static String normalize(String text) {
        // Stand-in until the NLP normaliser is on main: the same unifications, in short.
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\u064A', '\u0649' -> out.append('\u06CC');
                case '\u0643' -> out.append('\u06A9');
                case '\u0623', '\u0625', '\u0622', '\u0671' -> out.append('\u0627');
                case '\u0624' -> out.append('\u0648');
                case '\u0626' -> out.append('\u06CC');
                case '\u0629', '\u06C0' -> out.append('\u0647');
                case '\u200C', '\u200D', '\u0640' -> { }
                default -> {
                    if (c >= '\u064B' && c <= '\u065F' || c == '\u0670') {
                        continue;
                    }
                    out.append(digit(c));
                }
            }
        }
        return out.toString();
    }

    private static char digit(char c) {
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + c - '\u0660');
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + c - '\u06F0');
        }
        return c;
    }

    /**
     * The index tokens of a piece of query text: normalised, split at word boundaries (Unicode
     * UAX #29, as the standard tokenizer does) and lower-cased.
     */
    static List<String> tokens(String text) {
        String normalized = normalize(text);
        BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
        words.setText(normalized);
        List<String> tokens = new ArrayList<>();
        for (int start = words.first(), end = words.next(); end != BreakIterator.DONE;
             start = end, end = words.next()) {
            // Java's word breaks keep "e-commerce" whole; Unicode's (and Elasticsearch's) split at the hyphen.
            for (String word : normalized.substring(start, end).split("[-\u2010\u2011]")) {
                if (word.codePoints().anyMatch(SearchText::searchable)) {
                    tokens.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return tokens;
    }

    /**
     * A wildcard pattern with its literal parts normalised and lower-cased.
     */
    static String wildcard(String pattern) {
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*' || c == '?') {
                out.append(normalize(literal.toString()).toLowerCase(Locale.ROOT)).append(c);
                literal.setLength(0);
            } else if (c != '\\') {
                literal.append(c);
            }
        }
        return out.append(normalize(literal.toString()).toLowerCase(Locale.ROOT)).toString();
    }

    /**
     * How many characters of a pattern are not wildcards.
     */
    static long literalLength(String pattern) {
        return pattern.codePoints().filter(c -> c != '*' && c != '?').count();
    }

    static boolean searchable(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || Character.getType(codePoint) == Character.OTHER_SYMBOL;
    }
}
