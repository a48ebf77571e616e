package dev.shenava.store;

import java.text.BreakIterator;
import java.util.Locale;

/**
 * The words of a text where {@link BreakIterator#getWordInstance(Locale) Java's word iterator} (root locale) puts
 * them, found by one scan over the characters for the texts posts are mostly written in: Latin, Greek, Cyrillic,
 * Arabic and Persian letters, digits, spaces and common punctuation. Other texts (CJK, Thai, emoji, control
 * characters, marks after a space...) go through the iterator itself, so the pieces are always the iterator's.
 *
 * <p>The scan follows the iterator's rules: a run of letters and digits is one piece; an apostrophe, a quotation
 * mark, a period or a dash between two letters keeps them in one piece ("don't", "e.g", "e-commerce"); an
 * apostrophe, a quotation mark, a period, a comma or the Arabic decimal separator between two digits keeps them
 * together ("1,000", "3.14"); a currency sign, {@code #} or a period before digits starts the piece ("$5", ".5");
 * a percent sign, {@code &} or the cent sign after digits ends it ("50%"); marks and format characters such as
 * the zero-width non-joiner join the piece they follow. Hyphens are left to the caller ({@link SearchText}).
 * Only pieces that may hold a searchable character are reported: the spaces and punctuation between them carry
 * nothing to search or mark.
 */
final class WordBreaks {

    /** Receives the pieces of a text in order. */
    @FunctionalInterface
    interface Piece {
        void accept(int start, int end);
    }

    private static final byte OTHER = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte MARK = 3;
    private static final byte SPACE = 4;
    private static final byte PUNCT = 5;
    private static final byte SYMBOL = 6;
    /** Classes below 0x800, computed once. */
    private static final byte[] CLASS = new byte[0x800];

    static {
        for (char c = 0; c < CLASS.length; c++) {
            CLASS[c] = classify(c);
        }
    }

    private WordBreaks() {
    }

    /**
     * Reports the pieces of a text that hold a letter, a digit or a symbol, as Java's word iterator splits it.
     *
     * @param text  the text
     * @param piece receives each piece's bounds
     */
    static void pieces(String text, Piece piece) {
        if (!scannable(text)) {
            iterate(text, piece);
            return;
        }
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            byte k = type(c);
            if (k == LETTER || k == DIGIT || (preNumber(c) && i + 1 < n && type(text.charAt(i + 1)) == DIGIT)) {
                int end = word(text, k == LETTER || k == DIGIT ? i : i + 1);
                piece.accept(i, end);
                i = end;
            } else {
                if (k == SYMBOL) {
                    piece.accept(i, i + 1);
                }
                i++;
            }
        }
    }

    /** The iterator's own pieces, for texts the scan does not cover (and for tests to compare with). */
    static void iterate(String text, Piece piece) {
        BreakIterator words = BreakIterator.getWordInstance(Locale.ROOT);
        words.setText(text);
        for (int start = words.first(), end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            for (int i = start; i < end; i++) {
                int cp = text.codePointAt(i);
                if (SearchText.searchable(cp)) {
                    piece.accept(start, end);
                    break;
                }
                if (Character.charCount(cp) == 2) {
                    i++;
                }
            }
        }
    }

    /** The end of the piece of runs of letters and digits starting at {@code i}, which is a letter or digit. */
    private static int word(String text, int i) {
        int n = text.length();
        byte run = OTHER;
        while (i < n) {
            byte k = type(text.charAt(i));
            if (k == LETTER || k == DIGIT) {
                run = k;
                i = run(text, i + 1, k);
                while (i + 1 < n && joins(text.charAt(i), run) && type(text.charAt(i + 1)) == run) {
                    i = run(text, i + 2, run);
                }
            } else {
                break;
            }
        }
        if (run == DIGIT && i < n && postNumber(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Past the letters (or digits) and marks from {@code i} on. */
    private static int run(String text, int i, byte kind) {
        int n = text.length();
        while (i < n) {
            byte k = type(text.charAt(i));
            if (k != kind && k != MARK) {
                break;
            }
            i++;
        }
        return i;
    }

    private static boolean joins(char c, byte run) {
        return run == LETTER ? midWord(c) : midNumber(c);
    }

    /** Whether every character has a class the scan knows, and every mark follows a letter, digit or mark. */
    static boolean scannable(String text) {
        byte previous = SPACE;
        for (int i = 0; i < text.length(); i++) {
            byte k = type(text.charAt(i));
            if (k == OTHER || k == MARK && previous != LETTER && previous != DIGIT && previous != MARK) {
                return false;
            }
            previous = k;
        }
        return true;
    }

    private static byte type(char c) {
        if (c < CLASS.length) {
            return CLASS[c];
        }
        if (c == '\u200C' || c == '\u200D') {
            return MARK;
        }
        if (c >= '\u2010' && c <= '\u201F' || c == '\u2022' || c == '\u2026' || c == '\u2027'
                || c == '\u2030' || c == '\u2031' || c >= '\u20A0' && c <= '\u20C0') {
            return PUNCT;
        }
        if (c >= '\u2000' && c <= '\u200A' || c == '\u202F' || c == '\u205F' || c == '\u3000') {
            return SPACE;
        }
        return OTHER;
    }

    private static byte classify(char c) {
        if (c == '_' || c == '\u00AD') {
            return OTHER;
        }
        if (c == '\t' || c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C') {
            return SPACE;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.COMBINING_SPACING_MARK -> LETTER;
            case Character.DECIMAL_DIGIT_NUMBER -> DIGIT;
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT -> MARK;
            case Character.SPACE_SEPARATOR -> SPACE;
            case Character.OTHER_SYMBOL -> SYMBOL;
            case Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.MODIFIER_SYMBOL,
                 Character.CURRENCY_SYMBOL -> PUNCT;
            default -> OTHER;
        };
    }

    private static boolean midWord(char c) {
        return c == '\'' || c == '"' || c == '.' || c == '\u2027' || Character.getType(c) == Character.DASH_PUNCTUATION;
    }

    private static boolean midNumber(char c) {
        return c == '\'' || c == '"' || c == '.' || c == ',' || c == '\u066B';
    }

    private static boolean preNumber(char c) {
        return c == '#' || c == '.' || c != '\u00A2' && Character.getType(c) == Character.CURRENCY_SYMBOL;
    }

    private static boolean postNumber(char c) {
        return c == '%' || c == '&' || c == '\u00A2' || c == '\u066A' || c == '\u2030' || c == '\u2031';
    }
}
