package dev.shenava.crawler;

import static dev.shenava.crawler.TagNames.FORM_TAG;
import static dev.shenava.crawler.TagNames.LINK_TAG;
import static dev.shenava.crawler.TagNames.ORDINARY_TAG;
import static dev.shenava.crawler.TagNames.RAW_TAG;
import static dev.shenava.crawler.TagNames.SVG_ROOT;
import static dev.shenava.crawler.TagNames.SVG_TAG;
import static dev.shenava.crawler.TagNames.TRANSPARENT_TAG;
import static dev.shenava.crawler.TagNames.VOID_TAG;

import java.util.Arrays;
import org.jsoup.parser.Parser;

/**
 * Scans HTML whose tree is its plain nesting in one pass over its text, and tells a {@link Listener} each element's
 * start and end and each text segment. It reads only known ordinary tags, every end tag closing the element last
 * opened, no tag the HTML tree builder moves, closes or reopens on its own (paragraphs, lists, tables, nested links,
 * templates), and no NUL anywhere (found by the same search that finds the next '<', and in what lies outside text);
 * on anything else it throws {@link Unusual}, and the caller leaves the page to jsoup.
 */
final class PlainHtmlScanner {

    /** What each byte is in markup, looked up once instead of compared with each character of a class in turn. */
    private static final byte[] BYTE_KINDS = byteKinds();
    /** HTML whitespace: space, tab, line feed, carriage return, form feed. */
    private static final int SPACE = 1;
    /** What a tag name may hold: ASCII letters, digits, '-'. */
    private static final int NAME = 2;
    /** What ends a tag name: whitespace, '/', '>'. */
    private static final int NAME_END = 4;
    /** What ends an attribute name: whitespace, '/', '>', '='. */
    private static final int ATTRIBUTE_NAME_END = 8;
    /** What no attribute name holds here: quotes, '<'. */
    private static final int NOT_IN_ATTRIBUTE_NAME = 16;
    /** What ends an unquoted value: whitespace, '>'. */
    private static final int VALUE_END = 32;
    /** What no unquoted value holds here: quotes, '<', '=', '`'. */
    private static final int NOT_IN_VALUE = 64;

    /** Why markup is left to jsoup: thrown by the scanner and its listener, caught by whoever started the scan. */
    static final class Unusual extends Exception {
        private Unusual() {
            super(null, null, false, false);
        }
    }

    static final Unusual UNUSUAL = new Unusual();

    /** What a scan reports; offsets and shared strings only, so a scan allocates little per event. */
    interface Listener {
        /** An html, head or body tag before any element: the tree builder merges these rather than nesting them. */
        void transparent() throws Unusual;

        /** An element starts at {@code depth} (1 for a top element); its attributes asked for are readable now. */
        void start(String name, int depth) throws Unusual;

        /** The innermost open element, at {@code depth}, ends. */
        void end(String name, int depth) throws Unusual;

        /** Whether text is wanted now: a segment is decoded only then. */
        boolean wantsText();

        /**
         * Text of a UTF-8 page holding no character reference, as its bytes {@code [from, to)}: the listener may decode
         * it where it keeps it ({@link Charsets#decodeUtf8}, throwing on a malformed sequence) and answer true, or
         * answer false to have it decoded and given to {@link #text(char[], int, int)}.
         */
        default boolean plainText(byte[] utf8, int from, int to) throws Unusual {
            return false;
        }

        /**
         * Text of a UTF-8 page from {@code from} on, up to the first '<', '&' or NUL before {@code to} (or to
         * {@code to}), read by the listener as {@link #plainText} reads it, in the same pass that finds where it ends.
         *
         * @return where it stopped, having kept the text before unless it stopped at an '&' (then it kept nothing and
         *         the text is given again, up to the next markup, as before); or -1 when the listener does not read
         *         text this way now
         */
        default int plainTextUpToMarkup(byte[] utf8, int from, int to) throws Unusual {
            return -1;
        }

        /**
         * Text between markup, decoded into a buffer the scanner reuses: chars {@code begin} to {@code end} of
         * {@code text}, character references unread.
         */
        void text(char[] text, int begin, int end) throws Unusual;
    }

    /** The page's UTF-8 bytes: markup is ASCII, read a byte at a time; only text kept is decoded. */
    private final byte[] b;
    private final int start;
    private final int n;
    /**
     * The attribute names asked for, lower case; where the values of the start tag being read lie (from -1: absent),
     * and those read into strings so far (a value becomes a string only when it is asked for).
     */
    private final String[] asked;
    private final byte[][] askedBytes;
    /** {@link Bytes#lowerLong} of the asked names' first eight letters at most. */
    private final long[] askedKeys;
    private final int[] valueFrom;
    /** Per asked name, the start tag ({@link #tags}) its value and string belong to: older ones are absent. */
    private final int[] valueTag;
    /** Start tags read so far. */
    private int tags;
    private final int[] valueTo;
    private final String[] values;
    /** Per name length, the first asked name of that length (-1: none), and per asked name the next one. */
    private final int[] firstOfLength;
    private final int[] nextOfLength;
    private Listener listener;
    private final ClassBitsCache classes = ClassBitsCache.SHARED;
    /** Text segments of a UTF-8 page decoded. */
    private char[] decoded = new char[256];
    /** What the last name read is, for the names the scanner knows ({@link TagNames#kind}), else 0. */
    private int nameKind;
    /** Open elements, and what each is ({@link #nameKind} bits). */
    private String[] names = new String[64];
    private int[] openKinds = new int[64];
    /** Per open element, its name's key when its end tag can be matched by one read ({@link TagNames#endKey}). */
    private long[] openKeys = new long[64];
    /** The key of the last name read, as {@link #openKeys} keeps it. */
    private long nameKey;
    private int depth;
    private boolean formOpen;
    /** Open svg elements. */
    private int svgDepth;
    // the tag being read
    private boolean selfClosing;

    /**
     * A scanner of one page.
     *
     * @param utf8  the page in UTF-8
     * @param start where the markup starts (after a byte order mark)
     * @param asked the attributes whose values {@link #attribute(int)} gives, lower case
     */
    PlainHtmlScanner(byte[] utf8, int start, String... asked) {
        this.b = utf8;
        this.start = start;
        this.n = utf8.length;
        this.asked = asked;
        this.values = new String[asked.length];
        this.askedBytes = new byte[asked.length][];
        this.askedKeys = new long[asked.length];
        for (int i = 0; i < asked.length; i++) {
            askedKeys[i] = Bytes.lowerLong(asked[i], Math.min(asked[i].length(), 8));
            askedBytes[i] = asked[i].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        this.valueFrom = new int[asked.length];
        this.valueTag = new int[asked.length];
        this.valueTo = new int[asked.length];
        int longest = 0;
        for (String name : asked) {
            longest = Math.max(longest, name.length());
        }
        this.firstOfLength = new int[longest + 1];
        this.nextOfLength = new int[asked.length];
        Arrays.fill(firstOfLength, -1);
        for (int i = asked.length - 1; i >= 0; i--) {
            nextOfLength[i] = firstOfLength[asked[i].length()];
            firstOfLength[asked[i].length()] = i;
        }
    }

    /** The value of the {@code index}th attribute asked for on the start tag being reported, or null. */
    String attribute(int index) throws Unusual {
        if (valueTag[index] != tags) {
            return null;
        }
        if (values[index] == null) {
            values[index] = value(valueFrom[index], valueTo[index]);
        }
        return values[index];
    }

    /**
     * {@link Html#classBits} of the {@code index}th attribute asked for (0 when absent), read in place when the value
     * is ASCII without references, without a string of it.
     */
    long classBits(int index, Html.ClassNames names) throws Unusual {
        if (valueTag[index] != tags) {
            return 0;
        }
        int from = valueFrom[index];
        long bits = classes.bits(b, from, valueTo[index], names);
        return bits != -1 ? bits : Html.classBits(attribute(index), names);
    }

    /**
     * What the open element at {@code depth} is, as the bits of the names the scanner knows ({@link TagNames#kind}:
     * {@link TagNames#INLINE_TAG}, {@link TagNames#DIV_TAG} ...; 0 for other names): during {@link Listener#start} and
     * {@link Listener#end} of that element, a test of a bit instead of a comparison of its name.
     */
    int kind(int depth) {
        return openKinds[depth - 1];
    }

    /** Whether the start tag being reported has the {@code index}th attribute asked for. */
    boolean has(int index) {
        return valueTag[index] == tags;
    }

    /** Scans the page to its end, closing what is left open there as jsoup does. */
    void scan(Listener listener) throws Unusual {
        this.listener = listener;
        int i = start;
        while (i < n) {
            boolean wanted = listener.wantsText();
            int stop = wanted ? listener.plainTextUpToMarkup(b, i, n) : -1;
            if (stop >= 0 && (stop == n || b[stop] != '&')) { // text read up to markup, a NUL or the end
                if (stop == n) {
                    break;
                }
                if (b[stop] == 0) {
                    throw UNUSUAL;
                }
                i = tag(stop);
                continue;
            }
            int lt = Bytes.indexOfAny(b, '<', 0, wanted ? '&' : '<', i, n); // the text's references in the same pass
            boolean reference = lt >= 0 && b[lt] == '&';
            if (reference) {
                lt = Bytes.indexOfEither(b, '<', 0, lt + 1, n);
            }
            if (lt >= 0 && b[lt] == 0) {
                throw UNUSUAL; // NUL: jsoup's rules for it are not worth copying
            }
            int end = lt < 0 ? n : lt;
            if (end > i && wanted) {
                text(i, end, reference);
            }
            if (lt < 0) {
                break;
            }
            i = tag(lt);
        }
        while (depth > 0) {
            close();
        }
    }

    private int tag(int lt) throws Unusual {
        char c = lt + 1 < n ? at(lt + 1) : ' ';
        if (c == '!') {
            return declaration(lt);
        }
        if (c == '/') {
            return endTag(lt);
        }
        if (c == '?') {
            throw UNUSUAL; // a processing instruction: a bogus comment in HTML
        }
        if (!isLetter(c)) { // a bare '<' is text
            text(lt, lt + 1);
            return lt + 1;
        }
        return startTag(lt);
    }

    private int declaration(int lt) throws Unusual {
        if (Bytes.startsWith(b, n, lt, "<!--")) {
            return comment(lt);
        }
        if (Bytes.startsWithIgnoringCase(b, n, lt + 2, "doctype")) {
            int gt = Bytes.indexOf(b, '>', lt, n);
            if (gt < 0 || Bytes.indexOf(b, 0, lt, gt) >= 0) {
                throw UNUSUAL;
            }
            return gt + 1; // a DOCTYPE ends at its first '>', quoted or not
        }
        throw UNUSUAL; // CDATA, bogus comments
    }

    private int comment(int lt) throws Unusual {
        if (Bytes.startsWith(b, n, lt, "<!-->") || Bytes.startsWith(b, n, lt, "<!--->")) {
            throw UNUSUAL;
        }
        int close = Bytes.indexOf(b, "-->", lt + 4, n);
        if (close < 0 || Bytes.indexOf(b, 0, lt + 4, close) >= 0) {
            throw UNUSUAL;
        }
        for (int bang = Bytes.indexOf(b, '!', lt + 4, close); bang >= 0;
                bang = Bytes.indexOf(b, '!', bang + 1, close)) {
            if (Bytes.startsWith(b, n, bang - 2, "--!>")) {
                throw UNUSUAL; // "--!>" ends a comment too
            }
        }
        return close + 3;
    }

    private int endTag(int lt) throws Unusual {
        if (depth > 0 && openKeys[depth - 1] != 0 && lt + 10 <= n) { // the end tag of the element open, as written
            int gt = lt + 2 + names[depth - 1].length();
            if (gt < n && b[gt] == '>' && Bytes.lowerLong(b, lt + 2, gt - lt - 2) == openKeys[depth - 1]) {
                close();
                return gt + 1;
            }
        }
        int nameEnd = nameEnd(lt + 2);
        String name = name(lt + 2, nameEnd);
        int kind = nameKind;
        int k = skipSpace(nameEnd);
        if (k >= n || at(k) != '>') {
            throw UNUSUAL; // attributes on an end tag, or the page ends inside it
        }
        if ((kind & TRANSPARENT_TAG) != 0) {
            if (depth > 0) {
                throw UNUSUAL;
            }
        } else {
            if (depth == 0 || !names[depth - 1].equals(name)) {
                throw UNUSUAL; // misnested: the tree builder would close, reopen or ignore
            }
            close();
        }
        return k + 1;
    }

    private int startTag(int lt) throws Unusual {
        int nameEnd = nameEnd(lt + 1);
        String name = name(lt + 1, nameEnd);
        int kind = nameKind;
        int after = attributes(nameEnd) + 1;
        boolean inSvg = svgDepth > 0;
        if ((kind & TRANSPARENT_TAG) != 0) {
            if (depth > 0) {
                throw UNUSUAL;
            }
            listener.transparent();
            return after;
        }
        if (inSvg ? (kind & SVG_TAG) == 0 : (kind & (ORDINARY_TAG | VOID_TAG)) == 0 && name.indexOf('-') < 0) {
            throw UNUSUAL;
        }
        check(name, kind);
        boolean isVoid = (kind & VOID_TAG) != 0 || selfClosing && (inSvg || (kind & SVG_ROOT) != 0);
        open(name, kind);
        if (isVoid) {
            close();
            return after;
        }
        if ((kind & RAW_TAG) != 0) {
            return rawText(name, after);
        }
        return after;
    }

    /** Reads a start tag's attributes from {@code k}; returns where its '>' is. */
    private int attributes(int k) throws Unusual {
        tags++; // every value read before now absent
        selfClosing = false;
        while (true) {
            k = skipSpace(k);
            if (k >= n) {
                throw UNUSUAL;
            }
            char c = at(k);
            if (c == '>') {
                return k;
            }
            if (c == '/') {
                if (k + 1 < n && at(k + 1) == '>') {
                    selfClosing = true;
                    return k + 1;
                }
                throw UNUSUAL;
            }
            k = readAttribute(k);
        }
    }

    /**
     * The tree builder's own rules for some ordinary tags: where they apply, the page goes to jsoup. (Plain tests, not
     * a switch on the name: small enough for the JIT to inline at every start tag.)
     */
    private void check(String name, int kind) throws Unusual {
        if ((kind & LINK_TAG) != 0) {
            for (int i = 0; i < depth; i++) {
                if ((openKinds[i] & LINK_TAG) != 0) {
                    throw UNUSUAL; // a link in a link: the adoption agency closes the first
                }
            }
        } else if (name.length() == 2 && name.charAt(0) == 'h' && name.charAt(1) >= '1' && name.charAt(1) <= '6') {
            if (depth > 0 && names[depth - 1].length() == 2 && names[depth - 1].charAt(0) == 'h') {
                throw UNUSUAL; // a heading in a heading closes it
            }
        } else if ((kind & FORM_TAG) != 0) {
            if (formOpen) {
                throw UNUSUAL; // a form in a form is dropped
            }
            formOpen = true;
        }
    }

    /** Script and style content is data, not text; a title's is text with references. Ends at the end tag. */
    private int rawText(String name, int from) throws Unusual {
        int k = from;
        while (true) {
            int end = Bytes.indexOf(b, "</", k, n);
            if (end < 0) {
                throw UNUSUAL;
            }
            int nameEnd = end + 2 + name.length();
            if (Bytes.startsWithIgnoringCase(b, n, end + 2, name) && nameEnd < n
                    && (at(nameEnd) == '>' || isSpace(at(nameEnd)) || at(nameEnd) == '/')) {
                return rawTextEnd(name, from, end, nameEnd);
            }
            k = end + 2;
        }
    }

    private int rawTextEnd(String name, int from, int end, int nameEnd) throws Unusual {
        if (name.equals("script") && Bytes.indexOf(b, "<!--", from, end) >= 0 || Bytes.indexOf(b, 0, from, end) >= 0) {
            throw UNUSUAL; // escaped script data has its own end rules
        }
        int gt = skipSpace(nameEnd);
        if (gt >= n || at(gt) != '>') {
            throw UNUSUAL;
        }
        if (name.equals("title")) {
            text(from, end);
        }
        close();
        return gt + 1;
    }

    private int readAttribute(int from) throws Unusual {
        int nameEnd = attributeNameEnd(from);
        int k = skipSpace(nameEnd);
        if (k >= n || at(k) != '=') {
            keep(from, nameEnd, k, k); // no value: ""
            return k;
        }
        int v = skipSpace(k + 1);
        if (v >= n) {
            throw UNUSUAL;
        }
        char q = at(v);
        if (q == '"' || q == '\'') {
            int end = quotedEnd(v, q);
            keep(from, nameEnd, v + 1, end);
            return end + 1;
        }
        int end = unquotedEnd(v);
        keep(from, nameEnd, v, end);
        return end;
    }

    private int attributeNameEnd(int from) throws Unusual {
        int k = from;
        while (k < n) {
            int kind = BYTE_KINDS[b[k] & 0xFF];
            if ((kind & (ATTRIBUTE_NAME_END | NOT_IN_ATTRIBUTE_NAME)) != 0) {
                if ((kind & NOT_IN_ATTRIBUTE_NAME) != 0) {
                    throw UNUSUAL;
                }
                break;
            }
            k++;
        }
        if (k == from || k >= n) {
            throw UNUSUAL;
        }
        return k;
    }

    /** Where the value quoted at {@code open} ends (its closing quote), which a space, '/' or '>' must follow. */
    private int quotedEnd(int open, char q) throws Unusual {
        int end = Bytes.indexOfEither(b, q, 0, open + 1, n);
        if (end < 0 || end + 1 >= n || b[end] == 0) {
            throw UNUSUAL;
        }
        char after = at(end + 1);
        if (!(isSpace(after) || after == '/' || after == '>')) {
            throw UNUSUAL;
        }
        return end;
    }

    private int unquotedEnd(int from) throws Unusual {
        int k = from;
        int kind;
        while (k < n && ((kind = BYTE_KINDS[b[k] & 0xFF]) & VALUE_END) == 0) {
            if ((kind & NOT_IN_VALUE) != 0) {
                throw UNUSUAL;
            }
            k++;
        }
        if (k == from) {
            throw UNUSUAL;
        }
        return k;
    }

    /** Keeps the attributes asked for; the first of a name counts, as in jsoup. */
    private void keep(int from, int to, int valueStart, int valueEnd) throws Unusual {
        int length = to - from;
        int i = length < firstOfLength.length ? firstOfLength[length] : -1;
        if (i < 0) {
            return;
        }
        long key = from + 8 <= n ? Bytes.lowerLong(b, from, Math.min(length, 8)) : 0;
        for (; i >= 0; i = nextOfLength[i]) {
            if (key != 0 ? key == askedKeys[i] && (length <= 8 || Bytes.matchesLower(b, from, askedBytes[i]))
                    : Bytes.matchesLower(b, from, askedBytes[i])) {
                if (valueTag[i] != tags) {
                    valueTag[i] = tags;
                    values[i] = null;
                    valueFrom[i] = valueStart;
                    valueTo[i] = valueEnd;
                }
                return;
            }
        }
    }

    /** An attribute's value, character references read as jsoup reads them in attributes. */
    private String value(int from, int to) throws Unusual {
        String raw = segment(from, to);
        return raw.indexOf('&') < 0 ? raw : Parser.unescapeEntities(raw, true);
    }

    private void open(String name, int kind) throws Unusual {
        if (depth == names.length) {
            names = Arrays.copyOf(names, depth * 2);
            openKinds = Arrays.copyOf(openKinds, depth * 2);
            openKeys = Arrays.copyOf(openKeys, depth * 2);
        }
        names[depth] = name;
        openKinds[depth] = kind;
        openKeys[depth] = nameKey;
        depth++;
        svgDepth += (kind & SVG_ROOT) != 0 ? 1 : 0;
        listener.start(name, depth);
    }

    private void close() throws Unusual {
        String name = names[depth - 1];
        int kind = openKinds[depth - 1];
        listener.end(name, depth);
        formOpen = formOpen && (kind & FORM_TAG) == 0;
        svgDepth -= (kind & SVG_ROOT) != 0 ? 1 : 0;
        depth--;
    }

    private void text(int from, int to) throws Unusual {
        if (listener.wantsText()) {
            text(from, to, Bytes.indexOf(b, '&', from, to) >= 0);
        }
    }

    /** Text wanted, {@code reference}: whether it holds an '&amp;'. */
    private void text(int from, int to, boolean reference) throws Unusual {
        if (reference || !listener.plainText(b, from, to)) {
            if (decoded.length < to - from) {
                decoded = new char[Math.max(to - from, decoded.length * 2)];
            }
            int length = Charsets.decodeUtf8(b, from, to, decoded);
            if (length < 0) {
                throw UNUSUAL; // malformed: the decoder's replacement could differ from a segment's
            }
            listener.text(decoded, 0, length);
        }
    }

    /**
     * Bytes of the page decoded as the whole page would decode them: a segment lies between ASCII characters, where
     * UTF-8 decoding starts afresh, unless a malformed sequence ends it (its replacement could differ; left to jsoup).
     */
    private String segment(int from, int to) throws Unusual {
        String text = new String(b, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            throw UNUSUAL;
        }
        return text;
    }

    private int nameEnd(int from) throws Unusual {
        if (from >= n || !isLetter(at(from))) {
            throw UNUSUAL;
        }
        int k = from;
        while (k < n) {
            int kind = BYTE_KINDS[b[k] & 0xFF];
            if ((kind & NAME_END) != 0) {
                return k;
            }
            if ((kind & NAME) == 0) {
                throw UNUSUAL;
            }
            k++;
        }
        throw UNUSUAL;
    }

    /**
     * The tag name, lower case; the names this scanner knows come back as the same constant strings, with what they
     * are in {@link #nameKind}.
     */
    private String name(int from, int to) {
        int id = TagNames.find(b, from, to - from, n);
        if (id >= 0) {
            nameKind = TagNames.kind(id);
            nameKey = TagNames.endKey(id);
            return TagNames.name(id);
        }
        nameKind = 0;
        nameKey = 0;
        return new String(b, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(java.util.Locale.ROOT);
    }

    /** The byte at {@code k}, as the char it is when ASCII. */
    private char at(int k) {
        return (char) (b[k] & 0xFF);
    }

    private int skipSpace(int k) {
        while (k < n && (BYTE_KINDS[b[k] & 0xFF] & SPACE) != 0) {
            k++;
        }
        return k;
    }

    private static byte[] byteKinds() {
        byte[] kinds = new byte[256];
        for (int c = 0; c < 256; c++) {
            boolean space = isSpace((char) c);
            boolean name = isLetter((char) c) || c >= '0' && c <= '9' || c == '-';
            kinds[c] = (byte) ((space ? SPACE : 0) | (name ? NAME : 0)
                    | (space || c == '/' || c == '>' ? NAME_END : 0)
                    | (space || c == '/' || c == '>' || c == '=' ? ATTRIBUTE_NAME_END : 0)
                    | (c == '"' || c == '\'' || c == '<' || c == 0 ? NOT_IN_ATTRIBUTE_NAME : 0)
                    | (space || c == '>' ? VALUE_END : 0)
                    | (c == '"' || c == '\'' || c == '<' || c == '=' || c == '`' || c == 0 ? NOT_IN_VALUE : 0));
        }
        return kinds;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
