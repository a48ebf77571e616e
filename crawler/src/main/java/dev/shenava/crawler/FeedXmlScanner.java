package dev.shenava.crawler;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The XML reading under {@link Rss2Scanner}: start and end tags, names, attributes, namespaces declared on the root,
 * comments, CDATA and character data, read over a feed's UTF-8 bytes (the markup as ASCII, only the text a field keeps
 * decoded) and checked to be well-formed by a small set of rules. Anything outside them throws {@link Unusual}, and
 * the feed is left to the XML parser: a DOCTYPE, a processing instruction, entity references other than the five
 * predefined and numeric ones, names outside ASCII, namespace declarations anywhere but on the root, a default
 * namespace, C1 control characters (the windows-1252 repair would change them), characters XML forbids, misnested or
 * unclosed elements, duplicate attributes, more than {@value #MAX_ATTRIBUTES} attributes on an element, nesting
 * deeper than {@value #MAX_DEPTH}.
 */
abstract sealed class FeedXmlScanner permits Rss2Scanner {

    private static final int MAX_DEPTH = 64;
    private static final int MAX_NAME = 256;
    private static final int MAX_ATTRIBUTES = 64;
    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** ASCII characters text cannot simply be copied past: controls, markup, references, '>' of "]]>". */
    private static final boolean[] STOP = new boolean[128];
    /** Per byte: whether a name may hold it after its first character (ASCII letters, digits, '_', '-', '.'). */
    private static final boolean[] NAME = new boolean[256];

    static {
        for (int ch = 0; ch < 128; ch++) {
            NAME[ch] = isNameStart(ch) || ch >= '0' && ch <= '9' || ch == '-' || ch == '.';
        }
        for (int ch = 0; ch < 0x20; ch++) {
            STOP[ch] = true;
        }
        STOP['<'] = true;
        STOP['&'] = true;
        STOP['>'] = true;
    }

    /** Why a feed is left to the XML parser: thrown and caught inside the scanners only. */
    static final class Unusual extends Exception {
        Unusual() {
            super(null, null, false, false);
        }
    }

    static final Unusual UNUSUAL = new Unusual();

    /** The feed in UTF-8: markup is ASCII, text is decoded where a field keeps it. */
    final byte[] c;
    final int n;
    final int begin;
    int i;
    int depth;
    /** Namespace prefixes declared on the root (chars in {@link #c}) and their names. */
    private int prefixCount;
    private int[] prefixStart = new int[4];
    private int[] prefixEnd = new int[4];
    private String[] prefixUri = new String[4];
    // the start tag just read: its name, where its prefix ends (-1 when none), its namespace, its attributes
    int nameStart;
    int nameColon;
    int nameEnd;
    String nameUri;
    boolean selfClosing;
    private int attributes;
    /** Per attribute: name start, colon (-1 when none), name end, value start, value end (before the quote). */
    private int[] attribute = new int[5 * 8];
    /** Whether an attribute's value holds a reference or whitespace other than ' ' (normalised by the parser). */
    boolean[] attributeNormalised = new boolean[8];
    private int lastColon;
    private boolean valueNormalised;
    // text gathered for a field
    char[] text = new char[256];
    int length;

    FeedXmlScanner(byte[] utf8, int begin) {
        this.c = utf8;
        this.n = utf8.length;
        this.begin = begin;
        this.i = begin;
    }

    /** The field kept: {@code kept} when an earlier element of its name gave it, else this one's text. */
    final String first(String kept) throws Unusual {
        String value = fieldText(); // read either way: a later one holding markup is as unusual as the first
        return kept != null ? kept : value;
    }

    /** The text of the element just started; a child element is unusual (ROME would read only the direct text). */
    String fieldText() throws Unusual {
        if (!selfClosing) { // printable ASCII without a reference (links, guids, names): a string of the bytes
            int k = i;
            while (k < n && c[k] >= 0x20 && c[k] < 0x7F && c[k] != '<' && c[k] != '&' && c[k] != '>') {
                k++;
            }
            if (k + 1 < n && c[k] == '<' && c[k + 1] == '/') {
                String value = k == i ? "" : new String(c, i, k - i, java.nio.charset.StandardCharsets.ISO_8859_1);
                i = k;
                endTag(nameStart, nameEnd);
                return value;
            }
        }
        fieldChars();
        return length == 0 ? "" : new String(text, 0, length);
    }

    /** Reads the text of the element just started into {@code text[0, length)}. */
    final void fieldChars() throws Unusual {
        length = 0;
        if (selfClosing) {
            return;
        }
        int start = nameStart;
        int end = nameEnd;
        while (true) {
            if (c[i] == '<') {
                int next = c[i + 1];
                if (next == '/') {
                    endTag(start, end);
                    return;
                }
                if (next != '!') {
                    throw UNUSUAL; // a child element or a processing instruction
                }
                markup(true);
            } else {
                characters(true);
            }
        }
    }

    /** Skips the element just started, checking that it is well-formed. */
    void skipElement() throws Unusual {
        if (selfClosing) {
            return;
        }
        int start = nameStart;
        int end = nameEnd;
        if (++depth > MAX_DEPTH) {
            throw UNUSUAL;
        }
        while (nextChild(start, end)) {
            skipElement();
        }
        depth--;
    }

    /**
     * Reads content up to the next child's start tag (read: true) or the end tag of the element named by
     * {@code c[start, end)} (read: false); text, comments and CDATA on the way are checked and dropped.
     */
    boolean nextChild(int start, int end) throws Unusual {
        while (true) {
            if (c[i] == '<') {
                int next = c[i + 1];
                if (next == '/') {
                    endTag(start, end);
                    return false;
                }
                if (next == '!') {
                    markup(false);
                } else if (next == '?') {
                    throw UNUSUAL;
                } else {
                    startTag(false);
                    return true;
                }
            } else {
                characters(false);
            }
        }
    }

    /** Comments and whitespace (outside the root). */
    void misc() throws Unusual {
        while (true) {
            while (i < n && isSpace(c[i])) {
                i++;
            }
            if (startsWith(i, "<!--")) {
                comment();
            } else {
                return;
            }
        }
    }

    /** A comment or a CDATA section at {@code i} (after "&lt;!"); a CDATA section's text kept when {@code keep}. */
    private void markup(boolean keep) throws Unusual {
        if (startsWith(i, "<!--")) {
            comment();
        } else if (startsWith(i, "<![CDATA[")) {
            int end = indexOf("]]>", i + 9);
            if (end < 0) {
                throw UNUSUAL;
            }
            literal(i + 9, end, keep);
            i = end + 3;
        } else {
            throw UNUSUAL;
        }
    }

    /** Whether "&lt;!DOCTYPE" in any case stands at {@code k}. */
    private boolean isDoctype(int k) {
        String doctype = "<!doctype";
        if (k + doctype.length() > n) {
            return false;
        }
        for (int d = 0; d < doctype.length(); d++) {
            if ((c[k + d] | 0x20) != (doctype.charAt(d) | 0x20)) {
                return false;
            }
        }
        return true;
    }

    private void comment() throws Unusual {
        int dashes = indexOf("--", i + 4);
        if (dashes < 0 || c[dashes + 2] != '>') {
            throw UNUSUAL; // unclosed, or "--" inside
        }
        literal(i + 4, dashes, false);
        i = dashes + 3;
    }

    /** Characters taken as they are (CDATA, comments): checked, line ends normalised, kept when {@code keep}. */
    private void literal(int from, int to, boolean keep) throws Unusual {
        int k = from;
        char[] out = text;
        int length = this.length;
        while (k < to) {
            int ch = c[k];
            if (length + 2 > out.length) {
                this.length = length;
                out = grow(2);
            }
            if (ch >= 0x20 && ch != '<' || ch == '\n' || ch == '\t') {
                out[length] = (char) ch;
                length += keep ? 1 : 0;
                k++;
            } else if (ch == '<') {
                if (isDoctype(k)) {
                    throw UNUSUAL; // the feed connector removes a DOCTYPE wherever it stands, even in a CDATA section
                }
                out[length] = '<';
                length += keep ? 1 : 0;
                k++;
            } else if (ch == '\r') {
                out[length] = '\n';
                length += keep ? 1 : 0;
                k += k + 1 < to && c[k + 1] == '\n' ? 2 : 1;
            } else if (ch < 0) {
                this.length = length;
                k = multiByte(k, keep);
                out = text;
                length = this.length;
            } else {
                throw UNUSUAL; // a control character
            }
        }
        this.length = length;
    }

    /**
     * Character data from {@code i} to the next '&lt;': checked, references read, line ends normalised, decoded into
     * the field's text when {@code keep}.
     */
    private void characters(boolean keep) throws Unusual {
        int k = i;
        char[] out = text;
        int length = this.length;
        while (true) {
            int ch = c[k];
            if (length + 2 > out.length) {
                this.length = length;
                out = grow(2);
            }
            if (ch >= 0) {
                if (!STOP[ch]) {
                    out[length] = (char) ch;
                    length += keep ? 1 : 0;
                    k++;
                    continue;
                }
                if (ch == '<') {
                    break;
                }
                if (ch == '&') {
                    this.length = length;
                    k = reference(k, keep);
                    out = text;
                    length = this.length;
                    continue;
                }
                if (ch == '>' && k - 2 >= i && c[k - 1] == ']' && c[k - 2] == ']') {
                    throw UNUSUAL; // "]]>" in text
                }
                if (ch == '>' || ch == '\n' || ch == '\t') {
                    out[length] = (char) ch;
                    length += keep ? 1 : 0;
                    k++;
                } else if (ch == '\r') {
                    out[length] = '\n';
                    length += keep ? 1 : 0;
                    k += c[k + 1] == '\n' ? 2 : 1;
                } else {
                    throw UNUSUAL; // a control character
                }
            } else if (ch >= (byte) 0xC2 && ch <= (byte) 0xDF && (c[k + 1] & 0xC0) == 0x80) {
                // two bytes (Arabic script, Latin-1 supplement) decoded here; U+0080 to U+009F are C1 controls
                int code = (ch & 0x1F) << 6 | c[k + 1] & 0x3F;
                if (code < 0xA0) {
                    throw UNUSUAL;
                }
                out[length] = (char) code;
                length += keep ? 1 : 0;
                k += 2;
            } else {
                this.length = length;
                k = multiByte(k, keep);
                out = text;
                length = this.length;
            }
        }
        this.length = length;
        i = k;
    }

    /**
     * The UTF-8 sequence at {@code k}, checked (well-formed, and a character XML allows that the windows-1252 repair
     * leaves alone) and added to the text when {@code keep}; returns the index after it.
     */
    private int multiByte(int k, boolean keep) throws Unusual {
        int x = c[k] & 0xFF;
        int code;
        int next;
        if (x >= 0xC2 && x <= 0xDF) {
            code = (x & 0x1F) << 6 | continuation(k + 1);
            next = k + 2;
        } else if ((x & 0xF0) == 0xE0) {
            code = (x & 0x0F) << 12 | continuation(k + 1) << 6 | continuation(k + 2);
            if (code < 0x800 || code >= 0xD800 && code < 0xE000) {
                throw UNUSUAL; // overlong, or a surrogate
            }
            next = k + 3;
        } else if (x >= 0xF0 && x <= 0xF4) {
            code = (x & 0x07) << 18 | continuation(k + 1) << 12 | continuation(k + 2) << 6 | continuation(k + 3);
            if (code < 0x10000 || code > 0x10FFFF) {
                throw UNUSUAL;
            }
            next = k + 4;
        } else {
            throw UNUSUAL;
        }
        if (code < 0xA0 || code == 0xFFFE || code == 0xFFFF) {
            throw UNUSUAL; // C1 controls (the windows-1252 repair would change them), U+FFFE and U+FFFF
        }
        if (keep) {
            if (code < 0x10000) {
                add((char) code);
            } else {
                add(Character.highSurrogate(code));
                add(Character.lowSurrogate(code));
            }
        }
        return next;
    }

    /** The six bits of the continuation byte at {@code k}. */
    private int continuation(int k) throws Unusual {
        int b = c[k];
        if ((b & 0xC0) != 0x80) {
            throw UNUSUAL;
        }
        return b & 0x3F;
    }

    /** A predefined or numeric reference at {@code amp}; returns the index after it. */
    private int reference(int amp, boolean keep) throws Unusual {
        int semi = -1;
        for (int k = amp + 1; k < Math.min(n, amp + 12); k++) {
            if (c[k] == ';') {
                semi = k;
                break;
            }
        }
        if (semi < 0) {
            throw UNUSUAL;
        }
        int code;
        if (c[amp + 1] == '#') {
            boolean hex = c[amp + 2] == 'x';
            int from = amp + (hex ? 3 : 2);
            if (from == semi) {
                throw UNUSUAL;
            }
            code = 0;
            for (int k = from; k < semi; k++) {
                int digit = Character.digit(c[k], hex ? 16 : 10);
                if (digit < 0 || c[k] > 'f') { // Character.digit reads non-ASCII digits too
                    throw UNUSUAL;
                }
                code = code * (hex ? 16 : 10) + digit;
            }
            if (!(code == 9 || code == 10 || code == 13 || code >= 0x20 && code < 0xD800
                    || code >= 0xE000 && code < 0xFFFE || code >= 0x10000 && code <= 0x10FFFF)) {
                throw UNUSUAL;
            }
        } else {
            code = switch (semi - amp - 1) {
                case 2 -> c[amp + 1] == 'l' && c[amp + 2] == 't' ? '<' : c[amp + 1] == 'g' && c[amp + 2] == 't' ? '>'
                        : -1;
                case 3 -> c[amp + 1] == 'a' && c[amp + 2] == 'm' && c[amp + 3] == 'p' ? '&' : -1;
                case 4 -> startsWith(amp + 1, "quot") ? '"' : startsWith(amp + 1, "apos") ? '\'' : -1;
                default -> -1;
            };
            if (code < 0) {
                throw UNUSUAL; // an entity only a DTD would declare
            }
        }
        if (keep) {
            if (Character.isBmpCodePoint(code)) {
                add((char) code);
            } else {
                add(Character.highSurrogate(code));
                add(Character.lowSurrogate(code));
            }
        }
        return semi + 1;
    }

    /** Reads the start tag at {@code i} into the tag fields; namespace declarations are read on the root only. */
    void startTag(boolean root) throws Unusual {
        int k = name(i + 1);
        nameStart = i + 1;
        nameColon = lastColon;
        nameEnd = k;
        attributes = 0;
        selfClosing = false;
        while (true) {
            boolean spaced = isSpace(c[k]);
            while (isSpace(c[k])) {
                k++;
            }
            int ch = c[k];
            if (ch == '>') {
                k++;
                break;
            }
            if (ch == '/') {
                if (c[k + 1] != '>') {
                    throw UNUSUAL;
                }
                selfClosing = true;
                k += 2;
                break;
            }
            if (!spaced) {
                throw UNUSUAL;
            }
            k = attribute(k);
        }
        i = k;
        if (root) {
            declarations();
        }
        nameUri = nameColon < 0 ? "" : uri(nameStart, nameColon, false);
        for (int a = 0; a < attributes; a++) {
            int colon = attribute[5 * a + 1];
            if (colon >= 0 && !root) {
                uri(attribute[5 * a], colon, true);
            } else if (colon < 0 && sameChars(attribute[5 * a], attribute[5 * a + 2], "xmlns", 0, 5) && !root) {
                throw UNUSUAL;
            }
            for (int b = 0; b < a; b++) {
                if (sameName(a, b)) {
                    throw UNUSUAL; // the same attribute twice
                }
            }
        }
    }

    /** Reads an attribute at {@code k}; returns the index after its closing quote. */
    private int attribute(int k) throws Unusual {
        int start = k;
        k = name(k);
        int colon = lastColon;
        int end = k;
        while (isSpace(c[k])) {
            k++;
        }
        if (c[k] != '=') {
            throw UNUSUAL;
        }
        k++;
        while (isSpace(c[k])) {
            k++;
        }
        int quote = c[k];
        if (quote != '"' && quote != '\'') {
            throw UNUSUAL;
        }
        int valueStart = ++k;
        valueNormalised = false;
        while (c[k] != quote) {
            int ch = c[k];
            if (ch == '<') {
                throw UNUSUAL;
            }
            if (ch == '&') {
                k = reference(k, false);
                valueNormalised = true;
                continue;
            }
            if (ch < 0) {
                k = multiByte(k, false);
                continue;
            }
            if (ch < 0x20) {
                if (ch != '\n' && ch != '\t' && ch != '\r') {
                    throw UNUSUAL;
                }
                valueNormalised = true;
            }
            k++;
        }
        if (attributes == MAX_ATTRIBUTES) {
            throw UNUSUAL; // the duplicate check is quadratic: a feed's elements have a handful
        }
        if (attributes == attributeNormalised.length) {
            attribute = java.util.Arrays.copyOf(attribute, attribute.length * 2);
            attributeNormalised = java.util.Arrays.copyOf(attributeNormalised, attributes * 2);
        }
        int at = 5 * attributes;
        attribute[at] = start;
        attribute[at + 1] = colon;
        attribute[at + 2] = end;
        attribute[at + 3] = valueStart;
        attribute[at + 4] = k;
        attributeNormalised[attributes] = valueNormalised;
        attributes++;
        return k + 1;
    }

    /** The root's namespace declarations ({@code xmlns:p="uri"}); a default namespace is left to the parser. */
    private void declarations() throws Unusual {
        for (int a = 0; a < attributes; a++) {
            int start = attribute[5 * a];
            int colon = attribute[5 * a + 1];
            int end = attribute[5 * a + 2];
            if (colon < 0) {
                if (sameChars(start, end, "xmlns", 0, 5)) {
                    throw UNUSUAL;
                }
                continue;
            }
            if (!sameChars(start, colon, "xmlns", 0, 5)) {
                continue;
            }
            String prefix = new String(c, colon + 1, end - colon - 1, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (attributeNormalised[a] || attribute[5 * a + 3] == attribute[5 * a + 4]
                    || prefix.startsWith("xml") || prefix.startsWith("XML") || prefix.equalsIgnoreCase("xml")) {
                throw UNUSUAL;
            }
            if (prefixCount == prefixUri.length) {
                prefixStart = java.util.Arrays.copyOf(prefixStart, prefixCount * 2);
                prefixEnd = java.util.Arrays.copyOf(prefixEnd, prefixCount * 2);
                prefixUri = java.util.Arrays.copyOf(prefixUri, prefixCount * 2);
            }
            prefixStart[prefixCount] = colon + 1;
            prefixEnd[prefixCount] = end;
            prefixUri[prefixCount] = attributeValue(a);
            prefixCount++;
        }
        for (int a = 0; a < attributes; a++) { // the root's own prefixed attributes, now that all are declared
            int colon = attribute[5 * a + 1];
            if (colon >= 0 && !sameChars(attribute[5 * a], colon, "xmlns", 0, 5)) {
                uri(attribute[5 * a], colon, true);
            }
        }
    }

    /** The namespace of the prefix {@code c[start, colon)}; xml only on attributes, xmlns never. */
    private String uri(int start, int colon, boolean attribute) throws Unusual {
        for (int p = 0; p < prefixCount; p++) {
            if (sameChars(start, colon, c, prefixStart[p], prefixEnd[p])) {
                return prefixUri[p];
            }
        }
        if (attribute && sameChars(start, colon, "xml", 0, 3)) {
            return XML_NS;
        }
        throw UNUSUAL; // undeclared (or declared below the root, which this scanner does not follow)
    }

    /** Whether attributes {@code a} and {@code b} have the same name, or the same namespace and local name. */
    private boolean sameName(int a, int b) throws Unusual {
        int as = attribute[5 * a];
        int ac = attribute[5 * a + 1];
        int ae = attribute[5 * a + 2];
        int bs = attribute[5 * b];
        int bc = attribute[5 * b + 1];
        int be = attribute[5 * b + 2];
        if (sameChars(as, ae, c, bs, be)) {
            return true;
        }
        if (ac < 0 || bc < 0 || sameChars(as, ac, "xmlns", 0, 5) || sameChars(bs, bc, "xmlns", 0, 5)) {
            return false;
        }
        return sameChars(ac + 1, ae, c, bc + 1, be) && uri(as, ac, true).equals(uri(bs, bc, true));
    }

    /** The index of the unprefixed attribute named {@code name} of the tag just read, -1 when none. */
    int find(String name) {
        for (int a = 0; a < attributes; a++) {
            if (attribute[5 * a + 1] < 0 && sameChars(attribute[5 * a], attribute[5 * a + 2], name, 0, name.length())) {
                return a;
            }
        }
        return -1;
    }

    boolean attributeIs(int a, String value) {
        return a >= 0 && !attributeNormalised[a]
                && sameChars(attribute[5 * a + 3], attribute[5 * a + 4], value, 0, value.length());
    }

    /** An attribute's value as written (callers make sure the parser would not normalise it). */
    String attributeValue(int a) {
        return new String(c, attribute[5 * a + 3], attribute[5 * a + 4] - attribute[5 * a + 3],
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /** An end tag at {@code i} that must close the element named {@code c[start, end)}. */
    final void endTag(int start, int end) throws Unusual {
        int k = i + 2;
        int length = end - start;
        if (!sameBytes(k, start, length)) {
            throw UNUSUAL;
        }
        k += length;
        while (isSpace(c[k])) {
            k++;
        }
        if (c[k] != '>') {
            throw UNUSUAL; // another name that starts alike, or something else in the end tag
        }
        i = k + 1;
    }

    /** A name (with at most one prefix) at {@code k}, ASCII only; returns where it ends, its colon in lastColon. */
    private int name(int k) throws Unusual {
        int start = k;
        lastColon = -1;
        if (!isNameStart(c[k])) {
            throw UNUSUAL;
        }
        k++;
        while (true) {
            int ch = c[k];
            if (NAME[ch & 0xFF]) {
                k++;
            } else if (ch == ':' && lastColon < 0 && isNameStart(c[k + 1])) {
                lastColon = k;
                k += 2;
            } else {
                break;
            }
        }
        if (k - start > MAX_NAME) {
            throw UNUSUAL;
        }
        return k;
    }

    /**
     * The {@code length} bytes at {@code from} in a long, the first in the lowest byte, zeros above (the first eight
     * when longer); a name's bytes are never zero, so two names of the same length are equal when their words are.
     */
    long word(int from, int length) {
        if (from + 8 <= n) {
            long w = (long) LONGS.get(c, from);
            return length >= 8 ? w : w & (1L << 8 * length) - 1;
        }
        long w = 0;
        for (int k = Math.min(length, 8) - 1; k >= 0; k--) {
            w = w << 8 | c[from + k] & 0xFF;
        }
        return w;
    }

    /** Whether the {@code length} bytes at {@code a} and at {@code b} are the same (by longs: names are short). */
    private boolean sameBytes(int a, int b, int length) {
        if (length > 16 || a + length + 8 > n || b + length + 8 > n || length < 8) {
            return a + length <= n && b + length <= n
                    && (length < 8 ? word(a, length) == word(b, length)
                    : java.util.Arrays.equals(c, a, a + length, c, b, b + length));
        }
        int last = length - 8; // 8 to 16 bytes: the first eight and the last eight, which may overlap
        return (long) LONGS.get(c, a) == (long) LONGS.get(c, b)
                && (long) LONGS.get(c, a + last) == (long) LONGS.get(c, b + last);
    }

    /** Whether the local name of the tag just read is {@code name}. */
    boolean localIs(String name) {
        int from = nameColon < 0 ? nameStart : nameColon + 1;
        return sameChars(from, nameEnd, name, 0, name.length());
    }

    private boolean sameChars(int from, int to, String s, int sFrom, int sTo) {
        if (to - from != sTo - sFrom || to > n) {
            return false;
        }
        for (int k = 0; k < to - from; k++) {
            if (c[from + k] != s.charAt(sFrom + k)) {
                return false;
            }
        }
        return true;
    }

    private boolean sameChars(int from, int to, byte[] other, int oFrom, int oTo) {
        return to <= n && java.util.Arrays.equals(c, from, to, other, oFrom, oTo);
    }

    boolean startsWith(int at, String s) {
        return at + s.length() <= n && sameChars(at, at + s.length(), s, 0, s.length());
    }

    int indexOf(String s, int from) {
        char first = s.charAt(0);
        for (int k = from; k + s.length() <= n; k++) {
            if (c[k] == first && sameChars(k, k + s.length(), s, 0, s.length())) {
                return k;
            }
        }
        return -1;
    }

    /** Room for {@code more} characters after the text's length; returns the text buffer. */
    private char[] grow(int more) {
        if (length + more > text.length) {
            text = java.util.Arrays.copyOf(text, Math.max(text.length * 2, length + more));
        }
        return text;
    }

    private void add(char ch) {
        if (length == text.length) {
            text = java.util.Arrays.copyOf(text, text.length * 2);
        }
        text[length++] = ch;
    }

    private static boolean isNameStart(int ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch == '_';
    }

    static boolean isSpace(int ch) {
        return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
    }
}
