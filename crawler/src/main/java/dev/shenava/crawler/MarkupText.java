package dev.shenava.crawler;

import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jsoup.parser.Parser;

/**
 * The plain text of a description or comment fragment made of simple phrasing tags, read in one scan over its chars
 * (tags, references and text together) into a reused buffer: what {@link Html#simpleMarkup(String)} gives, also
 * straight from a JSON parser's characters, without a string of the fragment.
 */
final class MarkupText {

    static final int OTHER = 0;
    static final int BREAK = 1;
    static final int INLINE = 2;
    private static final String[] INLINE_TAGS = {"a", "b", "i", "u", "s", "em", "strong", "code", "span", "small",
        "sub", "sup", "tt", "font", "strike", "mark", "abbr", "cite", "q", "wbr"};
    /** {@link #commonEntity}: a numeric reference to a character HTML treats specially. */
    static final int UNUSUAL = -2;
    /** Buffers kept for reuse, a few slots picked by thread so that parallel crawls rarely meet. */
    private static final AtomicReferenceArray<Scratch> SPARE = new AtomicReferenceArray<>(16);
    /** Larger buffers are not kept. */
    private static final int KEPT_CHARS = 1 << 16;

    private MarkupText() {
    }

    /** A fragment copied for reading and the text read from it. */
    private static final class Scratch {
        char[] in = new char[1024];
        final Html.Chars out = new Html.Chars(1024);
    }

    private static Scratch take() {
        Scratch s = SPARE.getAndSet(slot(), null);
        return s != null ? s : new Scratch();
    }

    private static void give(Scratch s) {
        if (s.in.length <= KEPT_CHARS && s.out.chars.length <= KEPT_CHARS) {
            SPARE.set(slot(), s);
        }
    }

    private static int slot() {
        return (int) Thread.currentThread().threadId() & 15;
    }

    /** {@link Html#simpleMarkup(String)}: the fragment's chars copied into a reused buffer and read there. */
    static String read(String html) {
        Scratch s = take();
        try {
            int n = html.length();
            if (s.in.length < n) {
                s.in = new char[Math.max(n, s.in.length * 2)];
            }
            html.getChars(0, n, s.in, 0);
            return read(s.in, 0, n, s.out);
        } finally {
            give(s);
        }
    }

    /** {@link Html#simpleMarkup(String)} of {@code html[from, to)}, or null when it is not simple. */
    static String read(char[] html, int from, int to) {
        Scratch s = take();
        try {
            return read(html, from, to, s.out);
        } finally {
            give(s);
        }
    }

    /**
     * One pass over the chars: plain runs are copied whole, references read where they stand, tags turned into line
     * breaks or nothing. NUL anywhere leaves the fragment to jsoup, which drops it in text.
     */
    private static String read(char[] html, int from, int n, Html.Chars out) {
        out.length = 0;
        int i = from;
        int run = from; // where the text not yet copied starts
        while (i < n) {
            char c = html[i];
            if (c > '<' || c != '<' && c != '&' && c != 0) {
                i++;
                continue;
            }
            out.add(html, run, i);
            if (c == 0) {
                return null;
            }
            i = c == '&' ? reference(out, html, i, n) : tag(out, html, i, n);
            if (i < 0) {
                return null;
            }
            run = i;
        }
        out.add(html, run, n);
        return Html.clean(out.chars, out.length);
    }

    /** Reads the reference at {@code amp} into {@code out}; where the text goes on, or -1 when jsoup should read it. */
    private static int reference(Html.Chars out, char[] html, int amp, int n) {
        int bound = Math.min(n, amp + 11);
        int lt = indexOf(html, '<', amp, bound);
        int end = commonEntity(out, html, amp, lt < 0 ? bound : lt);
        if (end == UNUSUAL) {
            return -1;
        }
        if (end >= 0) {
            return end;
        }
        // another named reference: jsoup's rules for the rest of the text, up to the next tag
        int segmentEnd = indexOf(html, '<', amp, n);
        segmentEnd = segmentEnd < 0 ? n : segmentEnd;
        if (indexOf(html, '\u0000', amp, segmentEnd) >= 0) {
            return -1;
        }
        out.add(Parser.unescapeEntities(new String(html, amp, segmentEnd - amp), false));
        return segmentEnd;
    }

    /** Reads the tag at {@code lt}: a line break or nothing; where the text goes on, or -1 when it is not simple. */
    private static int tag(Html.Chars out, char[] html, int lt, int n) {
        int end = tagEnd(html, lt, n);
        if (end < 0) {
            return -1;
        }
        int nameStart = html[lt + 1] == '/' ? lt + 2 : lt + 1;
        int nameEnd = nameStart;
        while (nameEnd < end && isNameChar(html[nameEnd])) {
            nameEnd++;
        }
        char after = html[nameEnd];
        if (after != '>' && after != '/' && after != ' ' && after != '\t' && after != '\n' && after != '\r'
                && after != '\f') {
            return -1; // a name jsoup reads differently ("p:x", "b-x")
        }
        switch (phrasing(html, nameStart, nameEnd)) {
            case BREAK -> out.add('\n');
            case INLINE -> {
                // phrasing: no line break, text continues
            }
            default -> {
                return -1;
            }
        }
        return end + 1;
    }

    /** What the tag named by {@code html[from, to)} (any case) does to the text. */
    private static int phrasing(char[] html, int from, int to) {
        int length = to - from;
        if (length == 1 && (html[from] | 0x20) == 'p' || length == 2 && sameIgnoringCase(html, from, "br")) {
            return BREAK;
        }
        for (String tag : INLINE_TAGS) {
            if (tag.length() == length && sameIgnoringCase(html, from, tag)) {
                return INLINE;
            }
        }
        return OTHER;
    }

    /** {@link #phrasing(char[], int, int)} of the ASCII name {@code b[from, to)}. */
    static int phrasing(byte[] b, int from, int to) {
        int length = to - from;
        if (length == 1 && (b[from] | 0x20) == 'p'
                || length == 2 && (b[from] | 0x20) == 'b' && (b[from + 1] | 0x20) == 'r') {
            return BREAK;
        }
        for (String tag : INLINE_TAGS) {
            if (tag.length() == length && sameIgnoringCase(b, from, tag)) {
                return INLINE;
            }
        }
        return OTHER;
    }

    private static boolean sameIgnoringCase(byte[] b, int at, String key) {
        for (int k = 0; k < key.length(); k++) {
            if ((b[at + k] | 0x20) != key.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends text with its references read as jsoup reads them in text.
     *
     * @return false when the text holds a reference jsoup's tree and its unescaper disagree on
     */
    static boolean appendText(Html.Chars out, char[] html, int from, int to) {
        int k = from;
        while (k < to) {
            int amp = indexOf(html, '&', k, to);
            if (amp < 0) {
                out.add(html, k, to);
                return true;
            }
            out.add(html, k, amp);
            int end = commonEntity(out, html, amp, to);
            if (end == UNUSUAL) {
                return false;
            }
            if (end < 0) { // another named reference: jsoup's rules for the rest
                out.add(Parser.unescapeEntities(new String(html, amp, to - amp), false));
                return true;
            }
            k = end;
        }
        return true;
    }

    /**
     * Appends the character of a common reference ({@code &amp; &lt; &gt; &quot; &apos;}, or a numeric one for an
     * ordinary character) at {@code amp}.
     *
     * @return the index after the reference, -1 when it is not one of those, {@link #UNUSUAL} for a numeric
     *     reference to a character HTML treats specially (jsoup's tree and its unescaper disagree on those)
     */
    private static int commonEntity(Html.Chars out, char[] html, int amp, int to) {
        int semi = indexOf(html, ';', amp, Math.min(to, amp + 11));
        if (semi < 0 || semi - amp > 9) {
            return -1;
        }
        char named = switch (semi - amp - 1) {
            case 2 -> same(html, amp + 1, "lt") ? '<' : same(html, amp + 1, "gt") ? '>' : 0;
            case 3 -> same(html, amp + 1, "amp") ? '&' : 0;
            case 4 -> same(html, amp + 1, "quot") ? '"' : same(html, amp + 1, "apos") ? '\'' : 0;
            default -> 0;
        };
        if (named != 0) {
            out.add(named);
            return semi + 1;
        }
        if (semi == amp + 1 || html[amp + 1] != '#') {
            return -1;
        }
        if (semi - amp < 3) {
            return UNUSUAL;
        }
        boolean hex = html[amp + 2] == 'x' || html[amp + 2] == 'X';
        int from = amp + (hex ? 3 : 2);
        if (from == semi) {
            return UNUSUAL;
        }
        int code = 0; // at most eight digits: no overflow
        for (int k = from; k < semi; k++) {
            char c = html[k];
            int digit = c >= '0' && c <= '9' ? c - '0' : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f'
                    ? (c | 0x20) - 'a' + 10 : -1;
            if (digit < 0) {
                return UNUSUAL; // as Integer.parseInt refusing it (a sign included)
            }
            code = code * (hex ? 16 : 10) + digit;
        }
        // C0/C1 controls, surrogates and out-of-range values have special rules in HTML: left to jsoup
        if (code < 0x20 && code != '\n' && code != '\t' || code >= 0x7F && code < 0xA0
                || code >= 0xD800 && code < 0xE000 || code > 0x10FFFF) {
            return UNUSUAL;
        }
        out.addCodePoint(code);
        return semi + 1;
    }

    /** The index of the {@code >} closing a plain start or end tag at {@code lt}, or -1 when it is anything else. */
    private static int tagEnd(char[] html, int lt, int n) {
        int k = lt + 1;
        if (k < n && html[k] == '/') {
            k++;
        }
        if (k >= n || !isAsciiLetter(html[k])) {
            return -1; // a comment, a declaration or a bare '<': jsoup's rules for these are not worth copying
        }
        char quote = 0;
        char last = 0;
        for (; k < n; k++) {
            char c = html[k];
            if (c == 0) {
                return -1;
            }
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
                continue;
            }
            if (c == '"' || c == '\'') {
                if (last != '=') {
                    return -1; // a quote that does not open a value: jsoup keeps it as text of the name
                }
                quote = c;
            } else if (c == '>') {
                return k;
            } else if (c == '<') {
                return -1;
            }
            last = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ? last : c;
        }
        return -1;
    }

    static int indexOf(char[] s, char c, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s[k] == c) {
                return k;
            }
        }
        return -1;
    }

    /** Whether {@code s} holds {@code key} at {@code at} (the caller knows it fits). */
    private static boolean same(char[] s, int at, String key) {
        for (int k = 0; k < key.length(); k++) {
            if (s[at + k] != key.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** {@link #same} in any case: the key is lower-case ASCII letters. */
    private static boolean sameIgnoringCase(char[] s, int at, String key) {
        for (int k = 0; k < key.length(); k++) {
            char c = s[at + k];
            if (c >= 0x80 || (c | 0x20) != key.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
