package dev.shenava.crawler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * {@link Html#clean(char[], int)} done as the text arrives, into a reused buffer: runs of spaces collapsed within
 * lines, blank lines dropped, both ends trimmed, C1 controls read as windows-1252. UTF-8 bytes are decoded and cleaned
 * in the same pass ({@link #addUtf8}), so text read from a page's bytes is touched once before its string is made.
 */
final class CleanText {

    private static final String CP1252 = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039"
            + "\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A"
            + "\u0153\u009D\u017E\u0178";

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Four two-byte sequences with leads 0xD8 to 0xDB (the Arabic block), in eight bytes read little-endian. */
    private static final long ARABIC_MASK = 0xC0FCC0FCC0FCC0FCL;
    private static final long ARABIC_PAIRS = 0x80D880D880D880D8L;

    /** The text kept so far, without the separator pending. */
    final Html.Chars out;
    /** The separator pending (0, ' ' or '\n'): written before the next character kept; a line break wins. */
    private char separator;

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
        int i = from;
        while (i < to) {
            i = upToMarkup(b, i, to);
            if (i < 0) {
                return false;
            }
            if (i < to) { // '<', '&' or NUL: text here
                out.room(2);
                put((char) b[i++]);
            }
        }
        return true;
    }

    /**
     * Adds the UTF-8 bytes from {@code from} on decoded, as {@link #addUtf8} does, up to the first '<', '&' or NUL
     * (where markup, a reference or what the scanners leave to jsoup starts) or {@code to}.
     *
     * @return where it stopped, or -1 when the bytes are not well-formed UTF-8 (what was added by then stays)
     */
    int upToMarkup(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            // room for a slice of the bytes: never more chars than bytes, one separator pending, a sequence ending
            // up to three bytes past the slice
            if (out.chars.length - out.length < 64) {
                out.room(Math.max(64, out.chars.length));
            }
            i = upToMarkup(b, i, to, Math.min(to, i + out.chars.length - out.length - 4));
            if (i < 0 || i < to && (b[i] == '<' || b[i] == '&' || b[i] == 0)) {
                return i;
            }
        }
        return i;
    }

    /** {@link #upToMarkup(byte[], int, int)} of characters starting before {@code slice}, where there is room. */
    private int upToMarkup(byte[] b, int from, int to, int slice) {
        char[] o = out.chars;
        int len = out.length; // the state in locals: the loop touches no field
        char sep = separator;
        int i = from;
        while (i < slice) {
            int x = b[i];
            char c;
            int y;
            int z;
            long w;
            if (x > ' ' && x < 0x7F) { // printable ASCII
                if (x == '<' || x == '&') {
                    break;
                }
                c = (char) x;
                i++;
            } else if (x == ' ') { // between words: pending unless a line break is
                sep = sep == '\n' ? '\n' : len > 0 ? ' ' : 0;
                i++;
                continue;
            } else if ((x & 0xFC) == 0xD8 && i + 8 <= to
                    && ((w = (long) LONGS.get(b, i)) & ARABIC_MASK) == ARABIC_PAIRS) { // four letters of U+0600-06FF
                if (sep != 0) {
                    o[len++] = sep;
                    sep = 0;
                }
                o[len] = (char) ((w & 0x1F) << 6 | w >>> 8 & 0x3F);
                o[len + 1] = (char) ((w >>> 16 & 0x1F) << 6 | w >>> 24 & 0x3F);
                o[len + 2] = (char) ((w >>> 32 & 0x1F) << 6 | w >>> 40 & 0x3F);
                o[len + 3] = (char) ((w >>> 48 & 0x1F) << 6 | w >>> 56 & 0x3F);
                len += 4;
                i += 8;
                continue;
            } else if ((x & 0xE0) == 0xC0 && (x & 0xFF) >= 0xC2 && i + 1 < to && ((y = b[i + 1]) & 0xC0) == 0x80
                    && (c = (char) ((x & 0x1F) << 6 | y & 0x3F)) > 0xA0) { // Arabic script among others
                i += 2;
            } else if ((x & 0xF0) == 0xE0 && i + 2 < to && ((y = b[i + 1]) & 0xC0) == 0x80
                    && ((z = b[i + 2]) & 0xC0) == 0x80 && (c = (char) ((x & 0x0F) << 12 | (y & 0x3F) << 6 | z & 0x3F))
                    >= 0x800 && (c < 0xD800 || c >= 0xE000)) { // the zero-width non-joiner, punctuation, CJK ...
                i += 3;
            } else { // whitespace, controls, the rest of UTF-8 and what is malformed
                if (x == 0) {
                    break;
                }
                out.length = len;
                separator = sep;
                i = other(b, i, to);
                if (i < 0) {
                    return -1;
                }
                len = out.length;
                sep = separator;
                continue;
            }
            if (sep != 0) {
                o[len++] = sep;
                sep = 0;
            }
            o[len++] = c;
            // after a character kept: a run of letters of the Arabic block, printable ASCII and zero-width non-joiners,
            // single spaces before letters, read without the dispatch above (whose order is not that of a word's bytes)
            for (int last = Math.min(to - 1, slice); i < last; ) {
                int lead = b[i];
                int next = b[i + 1];
                if ((lead & 0xFC) == 0xD8 && (next & 0xC0) == 0x80) {
                    o[len++] = (char) ((lead & 0x1F) << 6 | next & 0x3F);
                    i += 2;
                } else if (lead > ' ' && lead < 0x7F && lead != '<' && lead != '&') {
                    o[len++] = (char) lead;
                    i++;
                } else if (lead == ' ' && ((next & 0xFC) == 0xD8 || next > ' ' && next < 0x7F && next != '<'
                        && next != '&')) {
                    o[len++] = ' '; // kept: a letter follows (or the page is malformed and left to jsoup)
                    i++;
                } else if (lead == (byte) 0xE2 && next == (byte) 0x80 && i + 2 < to && b[i + 2] == (byte) 0x8C) {
                    o[len++] = '\u200C';
                    i += 3;
                } else {
                    break;
                }
            }
        }
        out.length = len;
        separator = sep;
        return i;
    }

    /** Where the text kept ends and what separator is pending, for {@link #reset(long)}. */
    long mark() {
        return (long) out.length << 16 | separator;
    }

    /** Takes back what was added since {@link #mark()} gave {@code mark}. */
    void reset(long mark) {
        out.length = (int) (mark >>> 16);
        separator = (char) mark;
    }

    /** Reads the character at {@code i} that is no printable ASCII nor a plain two-byte one; -1 when malformed. */
    private int other(byte[] b, int i, int to) {
        int x = b[i];
        if (x >= 0) {
            put((char) x);
            return i + 1;
        }
        int y;
        if ((x & 0xE0) == 0xC0) {
            if ((x & 0xFF) < 0xC2 || i + 1 >= to || ((y = b[i + 1]) & 0xC0) != 0x80) {
                return -1;
            }
            put((char) ((x & 0x1F) << 6 | y & 0x3F)); // a C1 control or the no-break space
            return i + 2;
        }
        return wide(b, i, to);
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
            put((char) ch);
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
        put(Character.highSurrogate(cp));
        put(Character.lowSurrogate(cp));
        return i + 4;
    }

    /** The text cleaned: what {@link Html#clean(char[], int)} gives for all that was added. */
    String text() {
        return new String(out.chars, 0, out.length);
    }

    /** One character, room made: the rewriting loop of {@link Html#clean(char[], int)}. */
    private void put(char c) {
        char[] o = out.chars;
        if (c > 0xA0 || c > ' ' && c < 0x7F) {
            pending(o);
            o[out.length++] = c;
        } else if (c == '\n' || c == '\r') {
            separator = out.length > 0 ? '\n' : 0;
        } else if (c == ' ' || c == '\t' || c == '\u00A0' || c == '\f' || c == '\u000B') {
            separator = separator == '\n' ? '\n' : out.length > 0 ? ' ' : 0;
        } else {
            pending(o);
            o[out.length++] = c >= 0x80 && c <= 0x9F ? CP1252.charAt(c - 0x80) : c;
        }
    }

    /** Writes the separator pending, if any, before a character kept; there is room for both. */
    private void pending(char[] o) {
        if (separator != 0) {
            o[out.length++] = separator;
            separator = 0;
        }
    }
}
