package dev.shenava.crawler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One pass over a JSON document's UTF-8 bytes with no parser and no string of what is not kept, for readers of one
 * answer shape ({@link HackerNewsScanner}): member names compared as bytes ({@link Name}), strings checked eight bytes
 * a step and kept as offsets or decoded into a reused buffer, values skipped by depth. Strict: anything outside
 * JSON's grammar (bad escapes, control characters in strings, numbers outside the grammar, invalid or overlong UTF-8,
 * nesting deeper than {@value #MAX_DEPTH}) throws {@link Unreadable}, so that the reader leaves the document to
 * Jackson; reading past the end throws {@link ArrayIndexOutOfBoundsException}, for the same.
 */
abstract class JsonScanner {

    /** Deeper nesting is left to Jackson (whose own limit words the problem). */
    static final int MAX_DEPTH = 200;

    private static final int MAX_NUMBER_LENGTH = 100;
    private static final int MAX_NAME_LENGTH = 10_000;
    private static final byte[] NULL_BYTES = ascii("null");
    private static final byte[] TRUE_BYTES = ascii("true");
    private static final byte[] FALSE_BYTES = ascii("false");
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long SPACES = 0x20 * ONES;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long AMPERSANDS = '&' * ONES;
    private static final long LESS_THANS = '<' * ONES;
    /** '"' ^ '&amp;' is bit 2 alone; '&lt;' ^ '\\' is bits 5 and 6 ('|' and a control share them). */
    private static final long NOT_BIT_2 = ~(0x04 * ONES);
    private static final long NOT_BITS_5_6 = ~(0x60 * ONES);

    /** Thrown (without a stack) when the answer is not one the reader reads exactly. */
    static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    static final Unreadable UNREADABLE = new Unreadable();

    final byte[] b;
    final int n;
    int i;
    char[] chars;
    /** The last string scanned: its bytes between the quotes, and whether they are ASCII without an escape. */
    int stringStart;
    int stringEnd;
    boolean stringPlain;

    /** The containers open while a value is skipped, a bit each (1 for an object). */
    private final long[] open = new long[MAX_DEPTH / 64 + 1];

    static byte[] ascii(String word) {
        return word.getBytes(StandardCharsets.US_ASCII);
    }

    JsonScanner(byte[] body, int start, char[] chars) {
        this.b = body;
        this.n = body.length;
        this.i = start;
        this.chars = chars;
    }

    /**
     * After a value: skips whitespace, then a comma (true: another member follows) or the closing bracket (false).
     */
    boolean next(char close) {
        space();
        byte c = b[i++];
        if (c == ',') {
            space();
            return true;
        }
        if (c == close) {
            return false;
        }
        throw UNREADABLE;
    }

    void space() {
        while (i < n) {
            byte c = b[i];
            if (c > ' ' || c != ' ' && c != '\n' && c != '\r' && c != '\t') { // most often no whitespace at all
                return;
            }
            i++;
        }
    }

    void expect(char c) {
        if (b[i] != c) {
            throw UNREADABLE;
        }
        i++;
    }

    void colon() {
        space();
        expect(':');
        space();
    }

    /** A member name: scanned as a string; an escaped one (which could spell a known name) is left to Jackson. */
    void name() {
        expect('"');
        string(false);
        if (!stringPlain && indexOfBackslash(stringStart, stringEnd) >= 0
                || stringEnd - stringStart > MAX_NAME_LENGTH) {
            throw UNREADABLE;
        }
    }

    int indexOfBackslash(int from, int to) {
        for (int k = from; k < to; k++) {
            if (b[k] == '\\') {
                return k;
            }
        }
        return -1;
    }

    /** Whether the last string scanned is the name: two reads of eight bytes, or one masked for a short name. */
    boolean isName(Name name) {
        int start = stringStart;
        if (stringEnd - start != name.length || !stringPlain) {
            return false;
        }
        if (start + 8 > n) { // near the end of the answer
            return Arrays.equals(b, start, stringEnd, name.bytes, 0, name.length);
        }
        long first = (long) LONGS.get(b, start);
        return name.length >= 8 ? first == name.first && (long) LONGS.get(b, stringEnd - 8) == name.last
                : (first & name.mask) == name.first;
    }

    /**
     * Whether the member name at {@link #i} (its opening quote) is exactly the name, closing quote and all; if so,
     * moves past it as {@link #name} does and sets what it sets, without scanning the string.
     */
    boolean quotedName(Name name) {
        int start = i + 1;
        int end = start + name.length;
        if (end + 8 > n || b[i] != '"' || b[end] != '"') {
            return false; // near the end of the answer, or another name: name() reads it
        }
        long first = (long) LONGS.get(b, start);
        if (name.length >= 8 ? first != name.first || (long) LONGS.get(b, end - 8) != name.last
                : (first & name.mask) != name.first) {
            return false;
        }
        stringStart = start;
        stringEnd = end;
        stringPlain = true;
        i = end + 1;
        return true;
    }

    /** Which of the words (ASCII, shorter than eight bytes) stands at {@link #i}, or -1: one read of eight bytes. */
    int wordAt(Name[] words) {
        if (i + 8 > n) { // near the end of the answer
            for (int w = 0; w < words.length; w++) {
                Name word = words[w];
                if (n - i >= word.length && Arrays.equals(b, i, i + word.length, word.bytes, 0, word.length)) {
                    return w;
                }
            }
            return -1;
        }
        long eight = (long) LONGS.get(b, i);
        for (int w = 0; w < words.length; w++) {
            if ((eight & words[w].mask) == words[w].first) {
                return w;
            }
        }
        return -1;
    }

    /** A member name as the longs {@link #isName} compares. */
    static final class Name {
        final byte[] bytes;
        final int length;
        final long first;
        final long last;
        final long mask;

        Name(String name) {
            bytes = ascii(name);
            length = bytes.length;
            ByteBuffer eight = ByteBuffer.wrap(Arrays.copyOf(bytes, Math.max(8, length)))
                    .order(ByteOrder.LITTLE_ENDIAN);
            mask = length >= 8 ? -1L : (1L << (8 * length)) - 1;
            first = eight.getLong(0) & mask;
            last = length >= 8 ? eight.getLong(length - 8) : 0;
        }
    }

    boolean literalNull() {
        if (b[i] != 'n') {
            return false;
        }
        literal(NULL_BYTES);
        return true;
    }

    void literal(byte[] word) {
        if (n - i < word.length || !Arrays.equals(b, i, i + word.length, word, 0, word.length)) {
            throw UNREADABLE;
        }
        i += word.length;
    }

    /**
     * A string after its opening quote, up to and past its closing one; checks escapes, control characters and
     * UTF-8, and sets {@link #stringStart}, {@link #stringEnd}, {@link #stringPlain}.
     *
     * @param decode whether to decode it into {@link #chars}
     * @return the number of chars decoded (0 when not decoding)
     */
    int string(boolean decode) {
        int start = i;
        int k = 0;
        boolean ascii = true;
        char[] out = chars;
        while (true) {
            int run = plainEnd(i);
            if (decode) {
                if (k + (run - i) + 2 > out.length) {
                    out = grow(k + (run - i) + 2);
                }
                k = widen(i, run, out, k);
            }
            i = run;
            int c = b[i]; // past the end when the string is not closed: the caller answers null
            if (c == '"') {
                stringStart = start;
                stringEnd = i++;
                stringPlain = ascii;
                return k;
            }
            ascii = false;
            if (decode && k + 2 > out.length) {
                out = grow(k);
            }
            if (c == '\\') {
                char e = escape();
                if (decode) {
                    out[k++] = e;
                }
            } else if (c >= 0) {
                throw UNREADABLE; // a control character
            } else {
                int cp = utf8(c & 0xFF);
                if (decode) {
                    if (cp < 0x10000) {
                        out[k++] = (char) cp;
                    } else {
                        out[k++] = Character.highSurrogate(cp);
                        out[k++] = Character.lowSurrogate(cp);
                    }
                }
            }
        }
    }

    /** Where the run of ASCII bytes from {@code from} with no control, quote or backslash ends; eight bytes a step. */
    int plainEnd(int from) {
        int k = from;
        while (k + 8 <= n) {
            long v = (long) LONGS.get(b, k);
            if (((v | (v - SPACES) & ~v | zeroByte(v ^ QUOTES) | zeroByte(v ^ BACKSLASHES)) & HIGH_BITS) != 0) {
                break;
            }
            k += 8;
        }
        while (k < n) {
            byte c = b[k];
            if (c < 0x20 || c == '"' || c == '\\') { // a byte of 0x80 or more is negative
                break;
            }
            k++;
        }
        return k;
    }

    /** {@link #plainEnd} that also stops at '&amp;' and '&lt;'. */
    int markupPlainEnd(int from) {
        int k = from;
        while (k + 8 <= n) {
            long v = (long) LONGS.get(b, k);
            long special = v | (v - SPACES) & ~v | zeroByte(v ^ QUOTES) | zeroByte(v ^ BACKSLASHES)
                    | zeroByte(v ^ AMPERSANDS) | zeroByte(v ^ LESS_THANS);
            if ((special & HIGH_BITS) != 0) {
                break;
            }
            k += 8;
        }
        while (k < n) {
            byte c = b[k];
            if (c < 0x20 || c == '"' || c == '\\' || c == '&' || c == '<') {
                break;
            }
            k++;
        }
        return k;
    }

    /**
     * {@link #markupPlainEnd} that also stops at a space following a space, so that the run holds single spaces only
     * (a space that starts the run is taken as following none). Eight bytes a step with fewer tests than there are
     * bytes to find: '"' and '&amp;' found as one (they differ in one bit), '&lt;' and '\\' as one with '|'; a step
     * that may hold one is then read byte by byte, and the steps go on when it held none.
     */
    int commentPlainEnd(int from) {
        int k = from;
        while (true) {
            long before = k > from && b[k - 1] == ' ' ? 0x80 : 0; // a space ending the bytes before this step
            while (k + 8 <= n) {
                long v = (long) LONGS.get(b, k);
                long spaces = zeroByte(v ^ SPACES);
                long special = v | (v - SPACES) & ~v | zeroByte((v ^ QUOTES) & NOT_BIT_2)
                        | zeroByte((v ^ LESS_THANS) & NOT_BITS_5_6) | spaces & (spaces << 8 | before);
                if ((special & HIGH_BITS) != 0) {
                    break;
                }
                before = spaces >>> 56 & 0x80;
                k += 8;
            }
            int end = Math.min(k + 8, n);
            for (; k < end; k++) {
                byte c = b[k];
                if (c < 0x20 || c == '"' || c == '\\' || c == '&' || c == '<' || c == ' ' && k > from && b[k - 1] == ' ') {
                    return k;
                }
            }
            if (k == n) {
                return k;
            }
        }
    }

    /** Copies the ASCII bytes {@code [from, to)} to {@code out} at {@code k} (one loop the compiler can vectorise). */
    final int widen(int from, int to, char[] out, int k) {
        int length = to - from;
        for (int j = 0; j < length; j++) {
            out[k + j] = (char) b[from + j];
        }
        return k + length;
    }

    /** Nonzero in the high bit of each byte of {@code v} that is zero (and maybe of bytes after it). */
    static long zeroByte(long v) {
        return v - ONES & ~v;
    }

    char[] grow(int length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + 16));
        return chars;
    }

    /** An escape after its backslash (at {@link #i}); moves past it. */
    char escape() {
        byte e = b[i + 1];
        i += 2;
        return switch (e) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> {
                int v = hex(b[i]) << 12 | hex(b[i + 1]) << 8 | hex(b[i + 2]) << 4 | hex(b[i + 3]);
                i += 4;
                yield (char) v;
            }
            default -> throw UNREADABLE;
        };
    }

    static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw UNREADABLE;
    }

    /** A multi-byte UTF-8 sequence starting with {@code lead} at {@link #i}, well-formed or unreadable. */
    int utf8(int lead) {
        if (lead >= 0xC2 && lead <= 0xDF) {
            int cp = (lead & 0x1F) << 6 | continuation(i + 1, 0x80, 0xBF);
            i += 2;
            return cp;
        }
        if (lead >= 0xE0 && lead <= 0xEF) {
            int low = lead == 0xE0 ? 0xA0 : 0x80;
            int high = lead == 0xED ? 0x9F : 0xBF; // no encoded surrogate
            int cp = (lead & 0x0F) << 12 | continuation(i + 1, low, high) << 6 | continuation(i + 2, 0x80, 0xBF);
            i += 3;
            return cp;
        }
        if (lead >= 0xF0 && lead <= 0xF4) {
            int low = lead == 0xF0 ? 0x90 : 0x80;
            int high = lead == 0xF4 ? 0x8F : 0xBF;
            int cp = (lead & 0x07) << 18 | continuation(i + 1, low, high) << 12
                    | continuation(i + 2, 0x80, 0xBF) << 6 | continuation(i + 3, 0x80, 0xBF);
            i += 4;
            return cp;
        }
        throw UNREADABLE;
    }

    int continuation(int at, int low, int high) {
        int c = b[at] & 0xFF;
        if (c < low || c > high) {
            throw UNREADABLE;
        }
        return c & 0x3F;
    }

    /** An integer within 18 digits, or null (read as 0, as a tree's {@code asLong(0)} reads it). */
    long integerOrNull() {
        if (literalNull()) {
            return 0;
        }
        boolean negative = b[i] == '-';
        int start = negative ? ++i : i;
        long value = 0;
        while (i < n && b[i] >= '0' && b[i] <= '9') {
            value = value * 10 + (b[i++] - '0');
        }
        int digits = i - start;
        if (digits == 0 || digits > 18 || digits > 1 && b[start] == '0'
                || i < n && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) {
            throw UNREADABLE; // not an integer, or one Jackson reads as a fraction or a big number
        }
        return negative ? -value : value;
    }

    /** Any JSON value, checked and skipped; the open containers kept as bits (1 for an object). */
    void skipValue() {
        int depth = 0;
        while (true) {
            byte c = b[i];
            if (c == '{' || c == '[') {
                if (depth == MAX_DEPTH) {
                    throw UNREADABLE;
                }
                long bit = 1L << (depth & 63);
                open[depth >> 6] = c == '{' ? open[depth >> 6] | bit : open[depth >> 6] & ~bit;
                depth++;
                i++;
                space();
                if (b[i] != (c == '{' ? '}' : ']')) {
                    if (c == '{') {
                        name();
                        colon();
                    }
                    continue;
                }
                i++;
                depth--;
            } else if (c == '"') {
                i++;
                string(false);
            } else if (c == 't') {
                literal(TRUE_BYTES);
            } else if (c == 'f') {
                literal(FALSE_BYTES);
            } else if (c == 'n') {
                literal(NULL_BYTES);
            } else {
                number();
            }
            // after a value: close containers, or go on with the next member of the innermost one
            while (true) {
                if (depth == 0) {
                    return;
                }
                int d = depth - 1;
                boolean object = (open[d >> 6] & 1L << (d & 63)) != 0;
                if (next(object ? '}' : ']')) {
                    if (object) {
                        name();
                        colon();
                    }
                    break;
                }
                depth--;
            }
        }
    }

    /** A number by JSON's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, of a length Jackson takes. */
    void number() {
        int start = i;
        if (b[i] == '-') {
            i++;
        }
        if (b[i] == '0') {
            i++;
        } else if (digits() == 0) {
            throw UNREADABLE;
        }
        if (i < n && b[i] == '.') {
            i++;
            if (digits() == 0) {
                throw UNREADABLE;
            }
        }
        if (i < n && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < n && (b[i] == '+' || b[i] == '-')) {
                i++;
            }
            if (digits() == 0) {
                throw UNREADABLE;
            }
        }
        if (i - start > MAX_NUMBER_LENGTH) {
            throw UNREADABLE;
        }
    }

    int digits() {
        int start = i;
        while (i < n && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i - start;
    }
}
