package dev.shenava.crawler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Reads an Algolia search answer in one pass over its UTF-8 bytes, without a JSON parser: the fields a post needs
 * are found by name (compared as bytes; no string is made of a skipped field or value), string values are kept as
 * offsets and decoded only when the post uses them, and {@code comment_text} is decoded (JSON escapes, UTF-8) into
 * a reused buffer that {@link Html#text(char[], int, int)} turns into plain text.
 *
 * <p>Strict where it matters: it takes only answers it reads exactly as Jackson's tree does, and answers null on
 * anything else so that the Jackson path reads them: a root that is not an object, {@code hits} that is not an array
 * of objects, a known field holding another type than the tree would read the same way (a string field holding a
 * number, a count holding a fraction or more than 18 digits), a field given twice, an escaped field name, malformed
 * JSON of any kind (bad escapes, control characters in strings, numbers outside JSON's grammar, invalid or overlong
 * UTF-8, anything but whitespace after the root), or nesting deeper than {@value #MAX_DEPTH}.
 * {@code HackerNewsScannerTest} checks it against the tree reader on recorded answers and thousands of random ones.
 *
 * <p>The scan is general JSON (validation of every value, skipping by depth); only the field table is Algolia's.
 */
final class HackerNewsScanner {

    /** Deeper nesting is left to Jackson (whose own limit words the problem). */
    static final int MAX_DEPTH = 200;
    private static final int MAX_NUMBER_LENGTH = 100;
    private static final int MAX_NAME_LENGTH = 10_000;

    // the string fields of a hit, in the order of their offsets in {@link #spans}
    private static final int OBJECT_ID = 0;
    private static final int STORY_TITLE = 1;
    private static final int TITLE = 2;
    private static final int STORY_TEXT = 3;
    private static final int CREATED_AT = 4;
    private static final int AUTHOR = 5;
    private static final int STRINGS = 6;
    // the other fields, as bits of {@code seen} after the string fields' bits
    private static final int COMMENT_TEXT = 6;
    private static final int CREATED_AT_I = 7;
    private static final int POINTS = 8;
    private static final int NUM_COMMENTS = 9;
    private static final int UNKNOWN = -1;

    // names and words as ASCII bytes, compared with the answer's bytes by Arrays.equals
    private static final Name HITS_NAME = new Name("hits");
    private static final Name NB_PAGES_NAME = new Name("nbPages");
    private static final Name TITLE_NAME = new Name("title");
    private static final Name AUTHOR_NAME = new Name("author");
    private static final Name POINTS_NAME = new Name("points");
    private static final Name OBJECT_ID_NAME = new Name("objectID");
    private static final Name STORY_TEXT_NAME = new Name("story_text");
    private static final Name CREATED_AT_NAME = new Name("created_at");
    private static final Name STORY_TITLE_NAME = new Name("story_title");
    private static final Name COMMENT_TEXT_NAME = new Name("comment_text");
    private static final Name CREATED_AT_I_NAME = new Name("created_at_i");
    private static final Name NUM_COMMENTS_NAME = new Name("num_comments");
    private static final byte[] NULL_BYTES = ascii("null");
    private static final byte[] TRUE_BYTES = ascii("true");
    private static final byte[] FALSE_BYTES = ascii("false");

    /** Decode buffers kept for reuse, a few slots picked by thread so that parallel crawls rarely meet. */
    private static final AtomicReferenceArray<char[]> SPARE = new AtomicReferenceArray<>(16);
    private static final int KEPT_CHARS = 1 << 16;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long SPACES = 0x20 * ONES;
    private static final long QUOTES = '"' * ONES;
    private static final long BACKSLASHES = '\\' * ONES;
    private static final long AMPERSANDS = '&' * ONES;
    private static final long LESS_THANS = '<' * ONES;
    /** The references HN writes and what they read as ({@code MarkupText}'s reading of them, wherever they stand). */
    private static final byte[][] REFERENCES = {ascii("&#x27;"), ascii("&#x2F;"), ascii("&quot;"), ascii("&amp;"),
        ascii("&lt;"), ascii("&gt;"), ascii("&#39;"), ascii("&apos;")};
    private static final char[] REFERENCE_CHARS = {'\'', '/', '"', '&', '<', '>', '\'', '\''};
    /** The plain phrasing tags HN writes: a paragraph is a line break, the others nothing (0). */
    private static final byte[][] TAGS = {ascii("<p>"), ascii("</p>"), ascii("<i>"), ascii("</i>"), ascii("<b>"),
        ascii("</b>"), ascii("<em>"), ascii("</em>"), ascii("</a>"), ascii("<code>"), ascii("</code>")};
    private static final char[] TAG_CHARS = {'\n', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};

    /** Thrown (without a stack) when the answer is not one this scanner reads exactly. */
    private static final class Unreadable extends RuntimeException {
        Unreadable() {
            super(null, null, false, false);
        }
    }

    private static final Unreadable UNREADABLE = new Unreadable();

    private final byte[] b;
    private final int n;
    private int i;
    private char[] chars;
    /** The last string scanned: its bytes between the quotes, and whether they are ASCII without an escape. */
    private int stringStart;
    private int stringEnd;
    private boolean stringPlain;
    /** Per string field of the hit being read: start, end (-1, -1 for null) and plainness. */
    private final int[] spans = new int[STRINGS * 2];
    private final boolean[] plain = new boolean[STRINGS];
    /** The containers open while a value is skipped, a bit each (1 for an object). */
    private final long[] open = new long[MAX_DEPTH / 64 + 1];
    private boolean noHits = true;
    /** The last title read and its plain text (the hits of one story repeat its title). */
    private String lastTitle;
    private String lastTitleText;

    private static byte[] ascii(String word) {
        return word.getBytes(StandardCharsets.US_ASCII);
    }

    private HackerNewsScanner(byte[] body, int start, char[] chars) {
        this.b = body;
        this.n = body.length;
        this.i = start;
        this.chars = chars;
    }

    /**
     * Reads an answer.
     *
     * @param source the source
     * @param page   the answer, UTF-8
     * @param start  where its root value starts ({@link Json#utf8Start})
     * @return the answer as the tree reader reads it, or null when it is not one this scanner reads exactly
     */
    static HackerNewsConnector.Answer read(Source source, Fetched page, int start) {
        int slot = (int) Thread.currentThread().threadId() & 15;
        char[] spare = SPARE.getAndSet(slot, null);
        HackerNewsScanner s = new HackerNewsScanner(page.body(), start, spare != null ? spare : new char[1024]);
        try {
            return s.answer(source, page);
        } catch (Unreadable | ArrayIndexOutOfBoundsException e) {
            return null; // a value cut short runs off the end: Jackson words it
        } finally {
            if (s.chars.length <= KEPT_CHARS) {
                SPARE.set(slot, s.chars);
            }
        }
    }

    private HackerNewsConnector.Answer answer(Source source, Fetched page) {
        expect('{');
        boolean seenHits = false;
        List<Post> posts = new ArrayList<>();
        long newest = 0;
        int pages = 0;
        boolean seenPages = false;
        space();
        if (b[i] == '}') {
            i++;
        } else {
            while (true) {
                name();
                if (isName(HITS_NAME)) {
                    if (seenHits) {
                        throw UNREADABLE;
                    }
                    seenHits = true;
                    colon();
                    expect('[');
                    newest = hits(source, page, posts);
                } else if (isName(NB_PAGES_NAME)) {
                    if (seenPages) {
                        throw UNREADABLE;
                    }
                    seenPages = true;
                    colon();
                    long value = integerOrNull();
                    if (value != (int) value) {
                        throw UNREADABLE;
                    }
                    pages = (int) value;
                } else {
                    colon();
                    skipValue();
                }
                if (!next('}')) {
                    break;
                }
            }
        }
        space();
        if (i != n) {
            throw UNREADABLE;
        }
        return new HackerNewsConnector.Answer(posts, newest, pages, noHits);
    }

    /** The hits array after its '['; adds the posts, answers the newest created_at_i. */
    private long hits(Source source, Fetched page, List<Post> posts) {
        long newest = 0;
        space();
        if (b[i] == ']') {
            i++;
            return 0;
        }
        noHits = false;
        while (true) {
            space();
            expect('{');
            HackerNewsConnector.Hit hit = hit();
            newest = Math.max(newest, hit.createdAtI);
            Post post = post(source, page, hit);
            if (post != null) {
                posts.add(post);
            }
            if (!next(']')) {
                return newest;
            }
        }
    }

    /**
     * After a value: skips whitespace, then a comma (true: another member follows) or the closing bracket (false).
     */
    private boolean next(char close) {
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

    /** One hit after its '{'. */
    private HackerNewsConnector.Hit hit() {
        HackerNewsConnector.Hit hit = new HackerNewsConnector.Hit();
        Arrays.fill(spans, -1);
        int seen = 0;
        space();
        if (b[i] == '}') {
            i++;
            return hit;
        }
        while (true) {
            name();
            int field = hitField();
            colon();
            if (field == UNKNOWN) {
                skipValue();
            } else {
                if ((seen & 1 << field) != 0) {
                    throw UNREADABLE; // the tree keeps the last of the two: Jackson reads it
                }
                seen |= 1 << field;
                if (field < STRINGS) {
                    if (!literalNull()) {
                        expect('"');
                        string(false);
                        spans[field * 2] = stringStart;
                        spans[field * 2 + 1] = stringEnd;
                        plain[field] = stringPlain;
                    }
                } else if (field == COMMENT_TEXT) {
                    if (!literalNull()) {
                        expect('"');
                        hit.commentPlain = comment();
                    }
                } else {
                    long value = integerOrNull();
                    switch (field) {
                        case CREATED_AT_I -> hit.createdAtI = value;
                        case POINTS -> hit.points = Math.max(0, value);
                        default -> hit.comments = Math.max(0, value);
                    }
                }
            }
            if (!next('}')) {
                return hit;
            }
        }
    }

    /**
     * A comment_text after its opening quote, as {@link Html#text(char[], int, int)} reads the decoded string (null
     * when empty): JSON escapes, UTF-8, the common references and the plain phrasing tags HN writes read in one pass
     * straight into the text buffer, then cleaned as {@code MarkupText} cleans its text; a comment with any other
     * reference or tag, or an escape that makes markup, is decoded and read by {@code Html.text} instead.
     */
    private String comment() {
        int from = i;
        if (b[i] == '"') {
            i++;
            return null; // an empty string: no comment
        }
        int length = commentText();
        if (length >= 0) {
            String text = Html.clean(chars, length);
            if (text.isEmpty() || !text.isBlank()) {
                return text;
            }
        }
        i = from;
        length = string(true);
        return Html.text(chars, 0, length);
    }

    /** {@link #comment}'s one pass: the chars gathered before cleaning, or -1 when it must take the other way. */
    private int commentText() {
        int k = 0;
        char[] out = chars;
        while (true) {
            int run = markupPlainEnd(i);
            if (k + (run - i) + 2 > out.length) {
                out = grow(k + (run - i) + 2);
            }
            for (int j = i; j < run; j++) {
                out[k++] = (char) b[j];
            }
            i = run;
            int c = b[i];
            if (c == '"') {
                i++;
                return k;
            }
            if (k + 2 > out.length) {
                out = grow(k);
            }
            if (c == '&' || c == '<') {
                int found = c == '&' ? match(REFERENCES) : match(TAGS);
                if (found < 0) {
                    return -1;
                }
                i += (c == '&' ? REFERENCES : TAGS)[found].length;
                char put = c == '&' ? REFERENCE_CHARS[found] : TAG_CHARS[found];
                if (put != 0) {
                    out[k++] = put;
                }
            } else if (c == '\\') {
                char e = escape();
                if (e == '<' || e == '&' || e == 0) {
                    return -1; // markup or a NUL made by an escape
                }
                out[k++] = e;
            } else if (c >= 0) {
                throw UNREADABLE; // a control character
            } else {
                int cp = utf8(c & 0xFF);
                if (cp < 0x10000) {
                    out[k++] = (char) cp;
                } else {
                    out[k++] = Character.highSurrogate(cp);
                    out[k++] = Character.lowSurrogate(cp);
                }
            }
        }
    }

    /** Which of the patterns stands at {@link #i}, or -1. */
    private int match(byte[][] patterns) {
        for (int p = 0; p < patterns.length; p++) {
            byte[] pattern = patterns[p];
            if (n - i >= pattern.length && b[i + 1] == pattern[1]
                    && Arrays.equals(b, i, i + pattern.length, pattern, 0, pattern.length)) {
                return p;
            }
        }
        return -1;
    }

    /** Which field the last name is, by length and bytes. */
    private int hitField() {
        return switch (stringEnd - stringStart) {
            case 5 -> isName(TITLE_NAME) ? TITLE : UNKNOWN;
            case 6 -> isName(AUTHOR_NAME) ? AUTHOR : isName(POINTS_NAME) ? POINTS : UNKNOWN;
            case 8 -> isName(OBJECT_ID_NAME) ? OBJECT_ID : UNKNOWN;
            case 10 -> isName(STORY_TEXT_NAME) ? STORY_TEXT : isName(CREATED_AT_NAME) ? CREATED_AT : UNKNOWN;
            case 11 -> isName(STORY_TITLE_NAME) ? STORY_TITLE : UNKNOWN;
            case 12 -> isName(COMMENT_TEXT_NAME) ? COMMENT_TEXT : isName(CREATED_AT_I_NAME) ? CREATED_AT_I
                    : isName(NUM_COMMENTS_NAME) ? NUM_COMMENTS : UNKNOWN;
            default -> UNKNOWN;
        };
    }

    /** The post of a hit, its string fields decoded only where the post uses them. */
    private Post post(Source source, Fetched page, HackerNewsConnector.Hit hit) {
        hit.objectId = field(OBJECT_ID);
        if (hit.objectId.isBlank()) {
            return null;
        }
        if (hit.commentPlain != null) {
            hit.storyTitle = field(STORY_TITLE);
        } else {
            hit.title = field(TITLE);
            hit.storyText = field(STORY_TEXT);
        }
        if (!HackerNewsConnector.epoch(hit.createdAtI)) {
            hit.createdAt = field(CREATED_AT);
        }
        hit.author = field(AUTHOR);
        String title = hit.commentPlain != null ? hit.storyTitle : hit.title;
        String titleText;
        if (title.equals(lastTitle)) {
            titleText = lastTitleText;
        } else {
            titleText = Html.text(title);
            lastTitle = title;
            lastTitleText = titleText;
        }
        return HackerNewsConnector.post(source, page, hit, titleText);
    }

    private String field(int field) {
        int start = spans[field * 2];
        if (start < 0) {
            return "";
        }
        int end = spans[field * 2 + 1];
        if (plain[field]) {
            return new String(b, start, end - start, StandardCharsets.ISO_8859_1);
        }
        int at = i;
        i = start;
        int length = string(true);
        i = at;
        return new String(chars, 0, length);
    }

    // ---- JSON ----

    private void space() {
        while (i < n) {
            byte c = b[i];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            i++;
        }
    }

    private void expect(char c) {
        if (b[i] != c) {
            throw UNREADABLE;
        }
        i++;
    }

    private void colon() {
        space();
        expect(':');
        space();
    }

    /** A member name: scanned as a string; an escaped one (which could spell a known name) is left to Jackson. */
    private void name() {
        expect('"');
        string(false);
        if (!stringPlain && indexOfBackslash(stringStart, stringEnd) >= 0 || stringEnd - stringStart > MAX_NAME_LENGTH) {
            throw UNREADABLE;
        }
    }

    private int indexOfBackslash(int from, int to) {
        for (int k = from; k < to; k++) {
            if (b[k] == '\\') {
                return k;
            }
        }
        return -1;
    }

    /** Whether the last string scanned is the name: two reads of eight bytes, or one masked for a short name. */
    private boolean isName(Name name) {
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

    /** A member name as the longs {@link #isName} compares. */
    private static final class Name {
        final byte[] bytes;
        final int length;
        final long first;
        final long last;
        final long mask;

        Name(String name) {
            bytes = ascii(name);
            length = bytes.length;
            ByteBuffer eight = ByteBuffer.wrap(Arrays.copyOf(bytes, Math.max(8, length))).order(ByteOrder.LITTLE_ENDIAN);
            mask = length >= 8 ? -1L : (1L << (8 * length)) - 1;
            first = eight.getLong(0) & mask;
            last = length >= 8 ? eight.getLong(length - 8) : 0;
        }
    }

    private boolean literalNull() {
        if (b[i] != 'n') {
            return false;
        }
        literal(NULL_BYTES);
        return true;
    }

    private void literal(byte[] word) {
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
    private int string(boolean decode) {
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
                for (int j = i; j < run; j++) {
                    out[k++] = (char) b[j];
                }
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
    private int plainEnd(int from) {
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
    private int markupPlainEnd(int from) {
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

    /** Nonzero in the high bit of each byte of {@code v} that is zero (and maybe of bytes after it). */
    private static long zeroByte(long v) {
        return v - ONES & ~v;
    }

    private char[] grow(int length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + 16));
        return chars;
    }

    /** An escape after its backslash (at {@link #i}); moves past it. */
    private char escape() {
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

    private static int hex(byte c) {
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
    private int utf8(int lead) {
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

    private int continuation(int at, int low, int high) {
        int c = b[at] & 0xFF;
        if (c < low || c > high) {
            throw UNREADABLE;
        }
        return c & 0x3F;
    }

    /** An integer within 18 digits, or null (read as 0, as a tree's {@code asLong(0)} reads it). */
    private long integerOrNull() {
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
    private void skipValue() {
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
    private void number() {
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

    private int digits() {
        int start = i;
        while (i < n && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        return i - start;
    }
}
