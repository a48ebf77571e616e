package dev.shenava.crawler;

/**
 * {@link Html#clean(char[], int)} done as the text arrives, into a reused buffer: runs of spaces collapsed within
 * lines, blank lines dropped, both ends trimmed, C1 controls read as windows-1252. UTF-8 bytes are decoded and cleaned
 * in the same pass ({@link #addUtf8}), so text read from a page's bytes is touched once before its string is made.
 */
final class CleanText {

    private static final String CP1252 = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039"
            + "\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A"
            + "\u0153\u009D\u017E\u0178";

    /** The text kept so far, without the separator pending. */
    final Html.Chars out;
    /** A line break is pending: written before the next character kept (and over a pending space). */
    private boolean newline;
    /** A space is pending. */
    private boolean space;

    /**
     * Cleaned text written into {@code out}, emptied first.
     *
     * @param out the buffer, reused
     */
    CleanText(Html.Chars out) {
        this.out = out;
        out.length = 0;
    }

    /** Adds a character, as {@link Html#clean(char[], int)} reads it. */
    void add(char c) {
        out.room(2);
        put(c);
    }

    /** Adds {@code s[from, to)}. */
    void add(char[] s, int from, int to) {
        out.room(to - from + 1);
        for (int i = from; i < to; i++) {
            put(s[i]);
        }
    }

    /**
     * Adds the UTF-8 bytes {@code b[from, to)} decoded, as {@link Charsets#decodeUtf8(byte[], int, int, char[], int)}
     * decodes them.
     *
     * @return false when they are not well-formed UTF-8 (what was added by then stays)
     */
    boolean addUtf8(byte[] b, int from, int to) {
        out.room(to - from + 1); // never more chars than bytes, and one separator pending
        char[] o = out.chars;
        int i = from;
        while (i < to) {
            int x = b[i];
            if (x > ' ' && x < 0x7F) { // printable ASCII: kept as it is
                o = pending(o);
                o[out.length++] = (char) x;
                i++;
            } else if (x >= 0) {
                put((char) x);
                i++;
            } else if ((x & 0xE0) == 0xC0) {
                int y;
                if ((x & 0xFF) < 0xC2 || i + 1 >= to || ((y = b[i + 1]) & 0xC0) != 0x80) {
                    return false;
                }
                char c = (char) ((x & 0x1F) << 6 | y & 0x3F);
                if (c > 0xA0) { // Arabic script among others: kept as it is
                    o = pending(o);
                    o[out.length++] = c;
                } else {
                    put(c); // a C1 control or the no-break space
                }
                i += 2;
            } else {
                int next = wide(b, i, to);
                if (next < 0) {
                    return false;
                }
                i = next;
            }
        }
        return true;
    }

    /** Reads a three or four byte sequence at {@code i} (never whitespace): where it ends, or -1 when malformed. */
    private int wide(byte[] b, int i, int to) {
        int x = b[i];
        int y;
        int z;
        if ((x & 0xF0) == 0xE0) {
            if (i + 2 >= to || ((y = b[i + 1]) & 0xC0) != 0x80 || ((z = b[i + 2]) & 0xC0) != 0x80) {
                return -1;
            }
            int ch = (x & 0x0F) << 12 | (y & 0x3F) << 6 | z & 0x3F;
            if (ch < 0x800 || ch >= 0xD800 && ch < 0xE000) {
                return -1; // overlong, or a surrogate
            }
            char[] o = pending(out.chars);
            o[out.length++] = (char) ch;
            return i + 3;
        }
        int w;
        if ((x & 0xF8) != 0xF0 || i + 3 >= to || ((y = b[i + 1]) & 0xC0) != 0x80 || ((z = b[i + 2]) & 0xC0) != 0x80
                || ((w = b[i + 3]) & 0xC0) != 0x80) {
            return -1;
        }
        int cp = (x & 0x07) << 18 | (y & 0x3F) << 12 | (z & 0x3F) << 6 | w & 0x3F;
        if (cp < 0x10000 || cp > 0x10FFFF) {
            return -1;
        }
        char[] o = pending(out.chars);
        o[out.length++] = Character.highSurrogate(cp);
        o[out.length++] = Character.lowSurrogate(cp);
        return i + 4;
    }

    /** The text cleaned: what {@link Html#clean(char[], int)} gives for all that was added. */
    String text() {
        return new String(out.chars, 0, out.length);
    }

    /** Writes the separator pending, if any, before a character kept; there is room for both. */
    private char[] pending(char[] o) {
        if (newline | space) {
            o[out.length++] = newline ? '\n' : ' ';
            newline = false;
            space = false;
        }
        return o;
    }

    /** One character, room made: the rewriting loop of {@link Html#clean(char[], int)}. */
    private void put(char c) {
        char[] o = out.chars;
        int len = out.length;
        if (c > 0xA0 || c > ' ' && c < 0x7F) {
            pending(o);
            o[out.length++] = c;
        } else if (c == '\n' || c == '\r') {
            newline = len > 0;
            space = false;
        } else if (c == ' ' || c == '\t' || c == '\u00A0' || c == '\f' || c == '\u000B') {
            space = len > 0;
        } else {
            pending(o);
            o[out.length++] = c >= 0x80 && c <= 0x9F ? CP1252.charAt(c - 0x80) : c;
        }
    }
}
