package dev.shenava.store;

import dev.shenava.nlp.Normalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Query words in the form the index holds them: normalised as the mention text is before indexing,
 * then split and lower-cased as Elasticsearch's {@code standard} analyzer does.
 */
final class SearchText {

    private static final Normalizer NORMALIZER = Normalizer.create();

    private SearchText() {
    }

    /**
     * The language-independent search form of a piece of query text.
     */
    static String normalize(String text) {
        return NORMALIZER.normalize(text);
    }

    /**
     * The index tokens of a piece of query text: normalised, split at word boundaries (Unicode
     * UAX #29, as the standard tokenizer does) and lower-cased.
     */
    static List<String> tokens(String text) {
        return split(normalize(text));
    }

    /**
     * Splits text that is already in its indexed form as the {@code standard} analyzer does: at word
     * boundaries ({@link WordBreaks}) and hyphens, keeping pieces with a letter, digit or symbol, lower-cased.
     */
    static List<String> split(String normalized) {
        List<String> tokens = new ArrayList<>();
        WordBreaks.pieces(normalized, (start, end) -> {
            // Java's word breaks keep "e-commerce" whole; Unicode's (and Elasticsearch's) split at the hyphen.
            int from = start;
            for (int i = start; i <= end; i++) {
                if (i == end || isHyphen(normalized.charAt(i))) {
                    addIfSearchable(normalized, from, i, tokens);
                    from = i + 1;
                }
            }
        });
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

    private static boolean isHyphen(char c) {
        return c == '-' || c == '\u2010' || c == '\u2011';
    }

    private static void addIfSearchable(String text, int from, int to, List<String> tokens) {
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            if (searchable(cp)) {
                tokens.add(text.substring(from, to).toLowerCase(Locale.ROOT));
                return;
            }
            i += Character.charCount(cp);
        }
    }

    static boolean searchable(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || Character.getType(codePoint) == Character.OTHER_SYMBOL;
    }
}
