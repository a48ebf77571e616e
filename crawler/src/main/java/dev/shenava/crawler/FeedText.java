package dev.shenava.crawler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The plain text of a feed field holding escaped markup ({@code &lt;p&gt;Text&lt;/p&gt;}), read in one pass over
 * the field's UTF-8 bytes: XML references, then HTML tags, then whitespace, as {@code Html.text} gives it for the
 * field's decoded text, with no string or char array of the decoded markup in between. It reads only what it is
 * sure of (printable ASCII, well-formed UTF-8 from U+00A0 on, the predefined and numeric references to ordinary
 * characters, start and end tags of the simple phrasing and line-break tags without attributes) and gives up on
 * anything else (CDATA, comments, controls, an ampersand in the HTML, any other tag, a character HTML or the
 * windows-1252 repair treats specially), for the caller to read the field the general way.
 */
final class FeedText {

    /** Answer of {@link #read}: the field holds something this reader leaves to the general one. */
    static final int GIVE_UP = -1;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LOWS = 0x7F7F7F7F7F7F7F7FL;
    private static final long SPACES = 0x2020202020202020L;
    private static final long AMPERSANDS = 0x2626262626262626L;
    private static final long GREATER = 0x3E3E3E3E3E3E3E3EL;

    /** Answer of {@link #readAscii}: the field holds something other than ASCII, for {@link #readChars}. */
    private static final int NOT_ASCII = -2;

    /** The text read: {@code out[0, length)}, or {@code ascii[0, length)} when {@link #inAscii}. */
    private char[] out = new char[256];
    private byte[] ascii = new byte[256];
    private boolean inAscii;
    private int length;
    /** Whether the field's decoded text was blank (String.isBlank) as written. */
    boolean rawBlank;

    /**
     * Reads the field's text from {@code b[from]} up to the next '&lt;' (the end of the field), which must come before
     * {@code lt}: no separate search for the field's end.
     *
     * @return the index of that '&lt;' when read, {@link #GIVE_UP} otherwise (out and length then mean nothing)
     */
    int read(byte[] b, int from, int lt) {
        int end = readAscii(b, from, lt);
        inAscii = end != NOT_ASCII;
        return inAscii ? end : readChars(b, from, lt);
    }

    /** The text read (after {@link #read} read the field). */
    String text() {
        return rawBlank || length == 0 ? "" : inAscii ? new String(ascii, 0, length, StandardCharsets.ISO_8859_1)
                : new String(out, 0, length);
    }

    /**
     * {@link #read} of a field whose text is ASCII, into bytes (a step of eight plain bytes is one read and one
     * write, and the string is a copy of them); {@link #NOT_ASCII} on anything else, even what the general reading
     * gives up on.
     */
    private int readAscii(byte[] b, int from, int lt) {
        byte[] o = ascii;
        int len = 0;
        int pending = 0;
        boolean nonBlank = false;
        int k = from;
        while (k < lt) {
            if (len + 16 > o.length) {
                o = java.util.Arrays.copyOf(o, o.length * 2);
                ascii = o;
            }
            int ch = b[k];
            if (ch > ' ' && ch < 0x7F && ch != '&' && ch != '<' && ch != '>') {
                if (pending != 0) {
                    o[len++] = (byte) (pending >= 2 ? '\n' : ' ');
                    pending = 0;
                }
                o[len++] = (byte) ch;
                k++;
                while (k + 8 <= lt && len + 8 <= o.length) {
                    long w = (long) LONGS.get(b, k);
                    if (!plainWords(w)) {
                        break;
                    }
                    LONGS.set(o, len, w);
                    len += 8;
                    k += 8;
                }
                continue;
            }
            if (ch == ' ' || ch == '\t') {
                pending |= len > 0 ? 1 : 0;
                k++;
                continue;
            }
            if (ch == '\n' || ch == '\r') {
                pending = len > 0 ? 2 : 0;
                k++;
                continue;
            }
            if (ch == '<') {
                break;
            }
            if (ch != '&') {
                return NOT_ASCII;
            }
            if (k + 3 < lt && b[k + 1] == 'l' && b[k + 2] == 't' && b[k + 3] == ';') {
                int end = tag(b, k + 4, lt);
                if (end < 0) {
                    return NOT_ASCII;
                }
                nonBlank = true;
                if (end >= 0x40000000) {
                    pending = len > 0 ? 2 : 0;
                    end -= 0x40000000;
                }
                k = end;
                continue;
            }
            int code = reference(b, k, lt);
            if (code < 0 || code >= 0x7F) {
                return NOT_ASCII;
            }
            k = referenceEnd;
            if (code == ' ' || code == '\t') {
                pending |= len > 0 ? 1 : 0;
            } else if (code == '\n' || code == '\r') {
                pending = len > 0 ? 2 : 0;
            } else {
                if (pending != 0) {
                    o[len++] = (byte) (pending >= 2 ? '\n' : ' ');
                    pending = 0;
                }
                o[len++] = (byte) code;
            }
        }
        if (k >= lt) {
            return NOT_ASCII;
        }
        length = len;
        rawBlank = !(nonBlank | len > 0);
        return k;
    }

    /**
     * Whether the eight bytes are plain ASCII words with single spaces between them, which the cleaning keeps as
     * they are (a character before a block is never a space, so a space last is not plain).
     */
    private static boolean plainWords(long w) {
        long spaces = equal(w, SPACES);
        return ((w | w + 0x0101010101010101L) & HIGHS) == 0 // no byte from 0x7F (DEL) on
                && ((w + 0x6060606060606060L) & HIGHS) == HIGHS // none below 0x20
                && (equal(w, AMPERSANDS) | equal(w | 0x0202020202020202L, GREATER)) == 0 // no & < >
                && (spaces & spaces << 8) == 0 && spaces >= 0; // no two spaces in a row, no space last
    }

    /** {@link #read} of any field. */
    private int readChars(byte[] b, int from, int lt) {
        char[] o = out;
        int len = 0;
        int pending = 0; // what the cleaning writes before the next character: 1 a space, 2 or 3 a line break
        boolean nonBlank = false; // besides the characters written: a tag, a no-break space
        int k = from;
        while (k < lt) {
            if (len + 16 > o.length) { // room for what one step below writes before its own loop checks
                o = java.util.Arrays.copyOf(o, o.length * 2);
                out = o;
            }
            int ch = b[k];
            int code;
            if (ch > ' ' && ch < 0x7F && ch != '&' && ch != '<' && ch != '>') { // printable ASCII, the common case
                if (pending != 0) {
                    o[len++] = pending >= 2 ? '\n' : ' ';
                    pending = 0;
                }
                o[len++] = (char) ch;
                k++;
                // then eight bytes a step while they are plain ASCII words with single spaces between them, which
                // the cleaning keeps as they are (a character before a block is never a space)
                while (k + 8 <= lt && len + 8 <= o.length) {
                    long w = (long) LONGS.get(b, k);
                    if (!plainWords(w)) {
                        break;
                    }
                    for (int j = 0; j < 8; j++) {
                        o[len + j] = (char) b[k + j];
                    }
                    len += 8;
                    k += 8;
                }
                continue;
            }
            if (ch == ' ' || ch == '\t') {
                pending |= len > 0 ? 1 : 0;
                k++;
                continue;
            }
            if (ch == '<') {
                break; // the field's end
            }
            if (ch >= (byte) 0xC2 && ch <= (byte) 0xDF && k + 1 < lt && (b[k + 1] & 0xC0) == 0x80) {
                code = (ch & 0x1F) << 6 | b[k + 1] & 0x3F; // two bytes: Arabic script, Latin-1 supplement
                k += 2;
                if (code > 0xA0) { // no whitespace among these
                    if (pending != 0) {
                        o[len++] = pending >= 2 ? '\n' : ' ';
                        pending = 0;
                    }
                    o[len++] = (char) code;
                    // then more two-byte characters from U+00C0 on (words in Arabic script) and single spaces
                    // between them, in a loop of their own (a space written only when such a character follows)
                    while (k + 4 < lt && len + 2 <= o.length) {
                        int w = (int) INTS.get(b, k);
                        if ((w & 0xC0E0C0E0) == 0x80C080C0 // two of them, leads from 0xC3 on
                                && ((w & 0x001F001F) + 0x001D001D & 0x00200020) == 0x00200020) {
                            o[len] = (char) ((w & 0x1F) << 6 | w >>> 8 & 0x3F);
                            o[len + 1] = (char) ((w >>> 16 & 0x1F) << 6 | w >>> 24 & 0x3F);
                            len += 2;
                            k += 4;
                            continue;
                        }
                        int x = (byte) w;
                        int y = (byte) (w >> 8);
                        if (x >= (byte) 0xC3 && x <= (byte) 0xDF && (y & 0xC0) == 0x80) {
                            o[len++] = (char) ((x & 0x1F) << 6 | y & 0x3F);
                            k += 2;
                        } else if (x == ' ' && y >= (byte) 0xC3 && y <= (byte) 0xDF && (b[k + 2] & 0xC0) == 0x80) {
                            o[len] = ' ';
                            o[len + 1] = (char) ((y & 0x1F) << 6 | b[k + 2] & 0x3F);
                            len += 2;
                            k += 3;
                        } else if (x == (byte) 0xE2 && y == (byte) 0x80 && b[k + 2] == (byte) 0x8C) {
                            o[len++] = '\u200C'; // the zero-width non-joiner inside Persian words
                            k += 3;
                        } else {
                            break;
                        }
                    }
                    continue;
                }
                if (code < 0xA0) {
                    return GIVE_UP; // C1 controls: the windows-1252 repair
                }
                nonBlank = true; // no-break space: not blank for String.isBlank, a space for the cleaning
                pending |= len > 0 ? 1 : 0;
                continue;
            }
            if (ch == '\n' || ch == '\r') {
                pending = len > 0 ? 2 : 0;
                k++;
                continue;
            }
            if (ch == '&') {
                if (k + 3 < lt && b[k + 1] == 'l' && b[k + 2] == 't' && b[k + 3] == ';') { // a tag in the HTML
                    int end = tag(b, k + 4, lt);
                    if (end < 0) {
                        return GIVE_UP;
                    }
                    nonBlank = true;
                    if (end >= 0x40000000) { // a line break
                        pending = len > 0 ? 2 : 0;
                        end -= 0x40000000;
                    }
                    k = end;
                    continue;
                }
                code = reference(b, k, lt);
                if (code < 0) {
                    return GIVE_UP;
                }
                k = referenceEnd;
                if (code == ' ' || code == '\t') { // a space, tab, line feed or carriage return as a reference
                    pending |= len > 0 ? 1 : 0;
                    continue;
                }
                if (code == '\n' || code == '\r') {
                    pending = len > 0 ? 2 : 0;
                    continue;
                }
            } else if ((ch & 0xF0) == 0xE0 && k + 2 < lt && (b[k + 1] & 0xC0) == 0x80 && (b[k + 2] & 0xC0) == 0x80) {
                code = (ch & 0x0F) << 12 | (b[k + 1] & 0x3F) << 6 | b[k + 2] & 0x3F;
                if (code < 0x800 || code >= 0xD800 && code < 0xE000 || code >= 0xFFFE) {
                    return GIVE_UP; // overlong, a surrogate, U+FFFE or U+FFFF: the general reader refuses them
                }
                k += 3;
            } else if (ch >= (byte) 0xF0 && ch <= (byte) 0xF4 && k + 3 < lt && (b[k + 1] & 0xC0) == 0x80
                    && (b[k + 2] & 0xC0) == 0x80 && (b[k + 3] & 0xC0) == 0x80) {
                code = (ch & 0x07) << 18 | (b[k + 1] & 0x3F) << 12 | (b[k + 2] & 0x3F) << 6 | b[k + 3] & 0x3F;
                if (code < 0x10000 || code > 0x10FFFF) {
                    return GIVE_UP;
                }
                k += 4;
            } else {
                return GIVE_UP; // a control, DEL, '>' (the general reader checks "]]>"), a malformed sequence
            }
            if (len == 0 && code >= 0x80 && Character.isWhitespace(code)) {
                // a Unicode space (U+2003...) first: text blank for String.isBlank but kept by the cleaning, which
                // Html.text sorts out another way
                return GIVE_UP;
            }
            if (pending != 0) {
                o[len++] = pending >= 2 ? '\n' : ' ';
                pending = 0;
            }
            if (code < 0x10000) {
                o[len++] = (char) code;
            } else {
                o[len++] = Character.highSurrogate(code);
                o[len++] = Character.lowSurrogate(code);
            }
        }
        if (k >= lt) {
            return GIVE_UP; // no end before the limit
        }
        nonBlank |= len > 0;
        length = len;
        rawBlank = !nonBlank;
        return k;
    }

    /** The high bit of each byte of {@code w} that equals the byte repeated in {@code pattern}, exactly. */
    private static long equal(long w, long pattern) {
        long x = w ^ pattern;
        return ~(((x & LOWS) + LOWS) | x | LOWS);
    }

    /** Where the reference read by {@link #reference} ends. */
    private int referenceEnd;

    /**
     * The character of the XML reference at {@code amp} (not {@code &lt;}) when it is one HTML reads as itself in
     * text: {@code &gt; &quot; &apos;}, or a numeric one to a printable ASCII character but '&lt;' and '&amp;', to
     * U+00A1 and above, or to a space, tab, line feed or carriage return; -1 otherwise ({@code &amp;} included: the
     * HTML then holds a reference of its own).
     */
    private int reference(byte[] b, int amp, int lt) {
        int semi = -1;
        for (int k = amp + 1; k < Math.min(lt, amp + 12); k++) {
            if (b[k] == ';') {
                semi = k;
                break;
            }
        }
        if (semi < 0) {
            return -1;
        }
        referenceEnd = semi + 1;
        int length = semi - amp - 1;
        if (length == 2 && b[amp + 1] == 'g' && b[amp + 2] == 't') {
            return '>';
        }
        if (length == 4 && b[amp + 2] == 'u' && b[amp + 1] == 'q' && b[amp + 3] == 'o' && b[amp + 4] == 't') {
            return '"';
        }
        if (length == 4 && b[amp + 1] == 'a' && b[amp + 2] == 'p' && b[amp + 3] == 'o' && b[amp + 4] == 's') {
            return '\'';
        }
        if (length < 2 || b[amp + 1] != '#') {
            return -1;
        }
        boolean hex = b[amp + 2] == 'x';
        int from = amp + (hex ? 3 : 2);
        if (from == semi) {
            return -1;
        }
        int code = 0; // at most nine digits: no overflow
        for (int k = from; k < semi; k++) {
            int c = b[k];
            int digit = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            code = code * (hex ? 16 : 10) + digit;
        }
        boolean ordinary = code >= 0x21 && code <= 0x7E && code != '<' && code != '&'
                || code >= 0xA1 && code < 0xD800 || code >= 0xE000 && code < 0xFFFE
                || code >= 0x10000 && code <= 0x10FFFF;
        return ordinary || code == ' ' || code == '\t' || code == '\n' || code == '\r' ? code : -1;
    }

    /**
     * The escaped tag whose name starts at {@code k} (after {@code &lt;}): {@code [/]name&gt;} or
     * {@code [/]name/&gt;} of a phrasing tag (read as nothing) or of {@code p} or {@code br} (a line break);
     * returns the index after it, plus 0x40000000 for a line break, or -1 for anything else.
     */
    private static int tag(byte[] b, int k, int lt) {
        if (k < lt && b[k] == '/') {
            k++;
        }
        int nameStart = k;
        if (k >= lt || !isAsciiLetter(b[k])) {
            return -1;
        }
        while (k < lt && (isAsciiLetter(b[k]) || b[k] >= '0' && b[k] <= '9')) {
            k++;
        }
        int nameEnd = k;
        if (k < lt && b[k] == '/') {
            k++;
        }
        if (k + 4 > lt || b[k] != '&' || b[k + 1] != 'g' || b[k + 2] != 't' || b[k + 3] != ';') {
            return -1;
        }
        return switch (MarkupText.phrasing(b, nameStart, nameEnd)) {
            case MarkupText.BREAK -> k + 4 + 0x40000000;
            case MarkupText.INLINE -> k + 4;
            default -> -1;
        };
    }

    private static boolean isAsciiLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
