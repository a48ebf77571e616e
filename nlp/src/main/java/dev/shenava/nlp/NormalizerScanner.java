package dev.shenava.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits cleaned, folded text into the normaliser's tokens: URLs, handles, hashtag words, emoji
 * and words, each already in its search form.
 */
final class NormalizerScanner {

    private NormalizerScanner() {
    }

    /**
     * Drops unpaired surrogates, turns controls into spaces, applies NFKC where presentation forms
     * or full-width chars occur, and folds letters (keeping Latin case).
     */
    static Cleaned clean(String text) {
        if (text == null || text.isEmpty()) {
            return new Cleaned("", new int[] {0});
        }
        String s = text;
        boolean nfkc = needsNfkc(s);
        if (nfkc) {
            s = java.text.Normalizer.normalize(dropBrokenSurrogates(s), java.text.Normalizer.Form.NFKC);
        }
        StringBuilder b = new StringBuilder(s.length());
        int[] origin = new int[s.length() + 1];
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            int at = nfkc ? Math.min(i, text.length()) : i;
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    origin[b.length()] = at;
                    origin[b.length() + 1] = at + 1;
                    b.append(c).append(s.charAt(i + 1));
                    i += 2;
                } else {
                    i++;
                }
                continue;
            }
            i++;
            int f = Character.isISOControl(c) ? ' ' : Letters.foldKeepCase(c);
            if (f != Letters.DROP) {
                origin[b.length()] = at;
                b.append((char) f);
            }
        }
        origin[b.length()] = nfkc ? text.length() : s.length();
        return new Cleaned(b.toString(), java.util.Arrays.copyOf(origin, b.length() + 1));
    }

    /**
     * Cleaned text with, for each of its chars, the offset of the char it came from in the input.
     *
     * @param text   the cleaned text
     * @param origin input offset per cleaned char, plus the input length at the end
     */
    record Cleaned(String text, int[] origin) {
    }

    static boolean needsNfkc(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE) || (c >= 0xFF01 && c <= 0xFF5E)) {
                return true;
            }
        }
        return false;
    }

    private static String dropBrokenSurrogates(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (!Character.isSurrogate(c)) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Scans a cleaned text into tokens. */
    static List<Normalizer.Token> scan(Cleaned cleaned) {
        String s = cleaned.text();
        int[] origin = cleaned.origin();
        List<Normalizer.Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            int cp = s.codePointAt(i);
            int end;
            if (startsUrl(s, i)) {
                end = urlEnd(s, i);
                out.add(new Normalizer.Token(Normalizer.Kind.URL, s.substring(i, end).toLowerCase(Locale.ROOT), origin[i], origin[end]));
            } else if ((cp == '@' || cp == '#') && i + 1 < n && Letters.isWordChar(s.codePointAt(i + 1))
                    && (i == 0 || !Letters.isWordChar(s.codePointBefore(i)))) {
                end = tagEnd(s, i + 1, cp == '@');
                if (cp == '@') {
                    out.add(new Normalizer.Token(Normalizer.Kind.HANDLE, "@" + word(s.substring(i + 1, end)), origin[i], origin[end]));
                } else {
                    hashtag(s.substring(i + 1, end), origin[i], origin[end], out);
                }
            } else if (Letters.isEmoji(cp)) {
                end = emojiEnd(s, i);
                out.add(new Normalizer.Token(Normalizer.Kind.EMOJI, s.substring(i, end).replace("\uFE0F", "").replace("\uFE0E", ""), origin[i], origin[end]));
            } else if (Letters.isWordChar(cp)) {
                end = wordEnd(s, i);
                String w = word(s.substring(i, end));
                if (!w.isEmpty()) {
                    out.add(new Normalizer.Token(Normalizer.Kind.WORD, w, origin[i], origin[end]));
                }
            } else {
                end = i + Character.charCount(cp);
            }
            i = end;
        }
        return out;
    }

    private static boolean startsUrl(String s, int i) {
        boolean scheme = s.regionMatches(true, i, "http://", 0, 7) || s.regionMatches(true, i, "https://", 0, 8)
                || s.regionMatches(true, i, "www.", 0, 4);
        return scheme && (i == 0 || !Letters.isWordChar(s.codePointBefore(i)));
    }

    private static int urlEnd(String s, int i) {
        int end = i;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != Letters.ZWNJ) {
            end++;
        }
        while (end > i + 1 && ".,;:!?)]}»\"'…".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static int tagEnd(String s, int i, boolean handle) {
        int end = i;
        while (end < s.length()) {
            int c = s.codePointAt(end);
            boolean dotInside = handle && c == '.' && end + 1 < s.length() && Letters.isWordChar(s.codePointAt(end + 1));
            if (!(Letters.isWordChar(c) || c == '_' || c == Letters.ZWNJ || dotInside)) {
                break;
            }
            end += Character.charCount(c);
        }
        return end;
    }

    private static void hashtag(String tag, int start, int end, List<Normalizer.Token> out) {
        for (String part : tag.split("_")) {
            for (String piece : splitCamel(part)) {
                String w = word(piece);
                if (!w.isEmpty()) {
                    out.add(new Normalizer.Token(Normalizer.Kind.WORD, w, start, end));
                }
            }
        }
    }

    private static List<String> splitCamel(String part) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        for (int k = 1; k < part.length(); k++) {
            char prev = part.charAt(k - 1);
            char c = part.charAt(k);
            boolean lowerToUpper = Character.isLowerCase(prev) && Character.isUpperCase(c);
            boolean acronymEnd = k + 1 < part.length() && Character.isUpperCase(prev) && Character.isUpperCase(c)
                    && Character.isLowerCase(part.charAt(k + 1));
            if (lowerToUpper || acronymEnd) {
                pieces.add(part.substring(start, k));
                start = k;
            }
        }
        pieces.add(part.substring(start));
        return pieces;
    }

    private static int emojiEnd(String s, int i) {
        int end = i + Character.charCount(s.codePointAt(i));
        while (end < s.length()) {
            int c = s.codePointAt(end);
            if (Letters.isEmojiModifier(c)) {
                end += Character.charCount(c);
                if (c == 0x200D && end < s.length()) {
                    end += Character.charCount(s.codePointAt(end)); // the pictograph a ZWJ joins
                }
            } else if (c >= 0x1F1E6 && c <= 0x1F1FF && s.codePointAt(i) >= 0x1F1E6 && s.codePointAt(i) <= 0x1F1FF
                    && end - i < 4) {
                end += Character.charCount(c); // the second half of a flag
            } else {
                break;
            }
        }
        return end;
    }

    private static int wordEnd(String s, int i) {
        int end = i;
        int n = s.length();
        while (end < n) {
            int c = s.codePointAt(end);
            if (Letters.isWordChar(c) || c == Letters.ZWNJ || c == 0x200D && end > i && Letters.isArabicScript(s.codePointBefore(end))) {
                end += Character.charCount(c);
                continue;
            }
            if (end + 1 < n && end > i && joinsInside(s.charAt(end - 1), c, s.charAt(end + 1))) {
                end++;
                continue;
            }
            break;
        }
        while (end > i && (s.charAt(end - 1) == Letters.ZWNJ || s.charAt(end - 1) == 0x200D)) {
            end--;
        }
        return end;
    }

    /** Apostrophes inside Latin words, dots and commas inside numbers, dots inside ASCII domains. */
    private static boolean joinsInside(char before, int c, char after) {
        if (c == '\'') {
            return latin(before) && latin(after);
        }
        if (c == ',' ) {
            return isAsciiDigit(before) && isAsciiDigit(after);
        }
        if (c == '.') {
            return (isAsciiDigit(before) || latin(before)) && (isAsciiDigit(after) || latin(after))
                    && before < 0x80 && after < 0x80;
        }
        return false;
    }

    private static boolean latin(char c) {
        return Character.isLetter(c) && c < 0x0250;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** One word to its search form: ZWNJ pieces joined, elongation squeezed, lower case, Latin accents off. */
    static String word(String raw) {
        StringBuilder b = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            int j = i;
            while (j < raw.length() && raw.charAt(j) != Letters.ZWNJ && raw.charAt(j) != 0x200D) {
                j++;
            }
            String piece = raw.substring(i, j);
            boolean ezafe = piece.equals("ی") && b.length() > 0 && b.charAt(b.length() - 1) == 'ه';
            if (!ezafe) {
                b.append(piece);
            }
            i = j + 1;
        }
        return squeeze(lowerAndStripAccents(b.toString()));
    }

    private static String lowerAndStripAccents(String w) {
        String lower = w.toLowerCase(Locale.ROOT);
        for (int k = 0; k < lower.length(); k++) {
            char c = lower.charAt(k);
            if (c >= 0xC0 && c <= 0x24F) {
                String d = java.text.Normalizer.normalize(lower, java.text.Normalizer.Form.NFD);
                return d.replaceAll("[\\u0300-\\u036f]", "");
            }
        }
        return lower;
    }

    /** "عاااالی" → "عالی", "sooooo" → "soo"; digits are never squeezed. */
    static String squeeze(String w) {
        StringBuilder b = null;
        int n = w.length();
        for (int k = 0; k < n; ) {
            int c = w.codePointAt(k);
            int run = 1;
            int len = Character.charCount(c);
            while (k + run * len < n && w.codePointAt(k + run * len) == c) {
                run++;
            }
            int keep = run < 3 || Character.isDigit(c) ? run : Letters.isArabicScript(c) ? 1 : 2;
            if (keep != run && b == null) {
                b = new StringBuilder(n).append(w, 0, k);
            }
            if (b != null) {
                for (int r = 0; r < keep; r++) {
                    b.appendCodePoint(c);
                }
            }
            k += run * len;
        }
        return b == null ? w : b.toString();
    }
}
