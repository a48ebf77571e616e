package dev.shenava.crawler;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * HTML to plain text in one pass: line breaks kept for {@code <br>} and block elements, whitespace collapsed within
 * lines, scripts and styles dropped.
 */
final class Html {

    static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
            "blockquote", "tr", "pre", "section", "article", "header", "footer", "table", "dd", "dt", "figcaption");
    private static final Set<String> SKIPPED = Set.of("script", "style", "noscript", "template");

    private Html() {
    }

    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0) {
            String plain = html.indexOf('&') < 0 ? html : Parser.unescapeEntities(html, false);
            return clean(plain);
        }
        String simple = simpleMarkup(html);
        return simple != null ? simple : text(Jsoup.parseBodyFragment(html).body());
    }

    /**
     * The text of a fragment whose markup is only simple phrasing and paragraph tags (what feeds and APIs send in
     * descriptions and comments), read in one scan without building a tree; null when the fragment holds anything a
     * tree builder could rearrange (tables, lists, scripts, comments, raw {@code <}), so jsoup reads it instead.
     * Gives the same text as {@link #text(Element)} on jsoup's tree: only {@code <p>} and {@code <br>} break lines
     * there, and a line break lands where the tag stands whether jsoup closes the paragraph there or not.
     */
    static String simpleMarkup(String html) {
        if (html.indexOf('\u0000') >= 0) {
            return null; // jsoup drops NUL in body text; not worth copying
        }
        Chars out = new Chars(html.length());
        int n = html.length();
        int i = 0;
        while (i < n) {
            int lt = html.indexOf('<', i);
            int textEnd = lt < 0 ? n : lt;
            if (textEnd > i && !appendText(out, html, i, textEnd)) {
                return null;
            }
            if (lt < 0) {
                break;
            }
            int end = tagEnd(html, lt);
            if (end < 0) {
                return null;
            }
            int nameStart = html.charAt(lt + 1) == '/' ? lt + 2 : lt + 1;
            int nameEnd = nameStart;
            while (nameEnd < end && isNameChar(html.charAt(nameEnd))) {
                nameEnd++;
            }
            char after = html.charAt(nameEnd);
            if (after != '>' && after != '/' && after != ' ' && after != '\t' && after != '\n' && after != '\r'
                    && after != '\f') {
                return null; // a name jsoup reads differently ("p:x", "b-x")
            }
            switch (phrasing(html, nameStart, nameEnd)) {
                case BREAK -> out.add('\n');
                case INLINE -> {
                    // phrasing: no line break, text continues
                }
                default -> {
                    return null;
                }
            }
            i = end + 1;
        }
        return clean(out.chars, out.length);
    }

    private static final int OTHER = 0;
    private static final int BREAK = 1;
    private static final int INLINE = 2;
    private static final String[] INLINE_TAGS = {"a", "b", "i", "u", "s", "em", "strong", "code", "span", "small",
        "sub", "sup", "tt", "font", "strike", "mark", "abbr", "cite", "q", "wbr"};

    /** What the tag named by {@code html[from, to)} (any case) does to the text, read without a lower-cased copy. */
    private static int phrasing(String html, int from, int to) {
        int length = to - from;
        if (length == 1 && (html.charAt(from) | 0x20) == 'p'
                || length == 2 && html.regionMatches(true, from, "br", 0, 2)) {
            return BREAK;
        }
        for (String tag : INLINE_TAGS) {
            if (tag.length() == length && html.regionMatches(true, from, tag, 0, length)) {
                return INLINE;
            }
        }
        return OTHER;
    }

    /** A growable char buffer: text gathered without a StringBuilder's per-append checks and coder switches. */
    static final class Chars {
        char[] chars;
        int length;

        Chars(int capacity) {
            chars = new char[Math.max(16, capacity)];
        }

        void add(char c) {
            room(1);
            chars[length++] = c;
        }

        void add(String s, int from, int to) {
            room(to - from);
            s.getChars(from, to, chars, length);
            length += to - from;
        }

        void add(String s) {
            add(s, 0, s.length());
        }

        void add(char[] s, int from, int to) {
            room(to - from);
            System.arraycopy(s, from, chars, length, to - from);
            length += to - from;
        }

        void addCodePoint(int code) {
            if (Character.isBmpCodePoint(code)) {
                add((char) code);
            } else {
                add(Character.highSurrogate(code));
                add(Character.lowSurrogate(code));
            }
        }

        private void room(int more) {
            if (length + more > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
            }
        }
    }

    static boolean appendText(Chars out, String html, int from, int to) {
        int k = from;
        while (k < to) {
            int amp = html.indexOf('&', k, to); // bounded: a page holds many segments and may hold no '&' at all
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
                out.add(Parser.unescapeEntities(html.substring(amp, to), false));
                return true;
            }
            k = end;
        }
        return true;
    }

    /** {@link #appendText(Chars, String, int, int)} of {@code text[from, to)}. */
    static boolean appendText(Chars out, char[] text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (text[k] == '&') { // references: the String reader's rules
                String segment = new String(text, from, to - from);
                return appendText(out, segment, 0, segment.length());
            }
        }
        out.add(text, from, to);
        return true;
    }

    private static final int UNUSUAL = -2;

    /**
     * Appends the character of a common reference ({@code &amp; &lt; &gt; &quot; &apos;}, or a numeric one for an
     * ordinary character) at {@code amp}.
     *
     * @return the index after the reference, -1 when it is not one of those, {@link #UNUSUAL} for a numeric
     *     reference to a character HTML treats specially (jsoup's tree and its unescaper disagree on those)
     */
    private static int commonEntity(Chars out, String html, int amp, int to) {
        int semi = html.indexOf(';', amp, Math.min(to, amp + 11));
        if (semi < 0 || semi - amp > 9) {
            return -1;
        }
        char named = switch (semi - amp - 1) {
            case 2 -> html.startsWith("lt", amp + 1) ? '<' : html.startsWith("gt", amp + 1) ? '>' : 0;
            case 3 -> html.startsWith("amp", amp + 1) ? '&' : 0;
            case 4 -> html.startsWith("quot", amp + 1) ? '"' : html.startsWith("apos", amp + 1) ? '\'' : 0;
            default -> 0;
        };
        if (named != 0) {
            out.add(named);
            return semi + 1;
        }
        if (semi == amp + 1 || html.charAt(amp + 1) != '#') {
            return -1;
        }
        if (semi - amp < 3) {
            return UNUSUAL;
        }
        boolean hex = html.charAt(amp + 2) == 'x' || html.charAt(amp + 2) == 'X';
        int from = amp + (hex ? 3 : 2);
        if (from == semi) {
            return UNUSUAL;
        }
        int code = 0; // at most eight digits: no overflow
        for (int k = from; k < semi; k++) {
            char c = html.charAt(k);
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
    private static int tagEnd(String html, int lt) {
        int k = lt + 1;
        if (k < html.length() && html.charAt(k) == '/') {
            k++;
        }
        if (k >= html.length() || !isAsciiLetter(html.charAt(k))) {
            return -1; // a comment, a declaration or a bare '<': jsoup's rules for these are not worth copying
        }
        char quote = 0;
        char last = 0;
        for (; k < html.length(); k++) {
            char c = html.charAt(k);
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

    private static boolean isNameChar(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    static String text(Element element) {
        if (element == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            private int skipping;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    if (skipping == 0) {
                        out.append(t.getWholeText());
                    }
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (SKIPPED.contains(tag)) {
                        skipping++;
                    } else if (tag.equals("br") || BLOCKS.contains(tag)) {
                        out.append('\n');
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (SKIPPED.contains(tag)) {
                        skipping--;
                    } else if (BLOCKS.contains(tag)) {
                        out.append('\n');
                    }
                }
            }
        }, element);
        return clean(out);
    }

    private static final String CP1252 = "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039"
            + "\u0152\u008D\u017D\u008F\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A"
            + "\u0153\u009D\u017E\u0178";

    /**
     * Collapses runs of spaces within lines, drops blank lines, trims, and reads C1 control characters as the
     * windows-1252 characters meant ({@link Text#demoronize}), all in one pass over a char array.
     */
    static String clean(CharSequence text) {
        int n = text.length();
        if (text instanceof String s && unchanged(s)) {
            return s; // no copy for text already clean (titles, names, plain comments)
        }
        char[] in = new char[n];
        if (text instanceof String s) {
            s.getChars(0, n, in, 0);
        } else if (text instanceof StringBuilder b) {
            b.getChars(0, n, in, 0);
        } else {
            text.toString().getChars(0, n, in, 0);
        }
        return clean(in, n);
    }

    /** {@link #clean(CharSequence)} of {@code in[0, n)}, written over {@code in} itself (never longer). */
    static String clean(char[] in, int n) {
        // leading spaces and line breaks are dropped: text gathered from markup often starts with a block's break
        int start = 0;
        while (start < n && (in[start] == '\n' || in[start] == '\r' || isSpace(in[start]))) {
            start++;
        }
        // most text needs no change up to its end or far into it: ordinary characters and single spaces between them
        // (a space at start is not possible: it was dropped above)
        // (one test per character: a space is kept when the one before was no space and an ordinary one follows)
        int i = start;
        char previous = 'x';
        for (; i < n; i++) {
            char c = in[i];
            if (!(ordinary(c) || c == ' ' && previous != ' ')) {
                break;
            }
            previous = c;
        }
        if (i > start && in[i - 1] == ' ') {
            i--; // a space before a second one, a line break or the end: the rewriting loop decides it
        }
        if (i == n) {
            return new String(in, start, n - start);
        }
        int len = i; // the text kept is in[start, len), written over the input
        boolean space = false;
        boolean newline = false;
        for (; i < n; i++) {
            char c = in[i];
            if (ordinary(c)) { // the common case first
                if (newline || space) {
                    in[len++] = newline ? '\n' : ' ';
                    newline = false;
                    space = false;
                }
                in[len++] = c;
            } else if (c == '\n' || c == '\r') {
                newline = len > start;
                space = false;
            } else if (isSpace(c)) {
                space = len > start;
            } else {
                if (newline) {
                    in[len++] = '\n';
                } else if (space) {
                    in[len++] = ' ';
                }
                newline = false;
                space = false;
                in[len++] = c >= 0x80 && c <= 0x9F ? CP1252.charAt(c - 0x80) : c;
            }
        }
        return new String(in, start, len - start);
    }

    /** Whether {@link #clean(char[], int)} would give the text back as it is. */
    private static boolean unchanged(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (!ordinary(c) && !(c == ' ' && i > 0 && i + 1 < n && ordinary(s.charAt(i + 1)))) {
                return false;
            }
        }
        return true;
    }

    /** Neither whitespace, a line break, a control nor a C1 character: copied as it is. */
    private static boolean ordinary(char c) {
        return c > 0xA0 || c > ' ' && c < 0x7F;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\f' || c == '\u000B';
    }

    /**
     * Whether a class attribute's value holds a class, as jsoup's {@code Element.hasClass} decides it (whitespace
     * separated, case-blind), for callers that read the attribute once and ask about several classes.
     */
    static boolean hasClass(String classes, String name) {
        int len = classes.length();
        int want = name.length();
        if (len == 0 || len < want) {
            return false;
        }
        if (len == want) {
            return name.equalsIgnoreCase(classes);
        }
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < len; i++) {
            if (Character.isWhitespace(classes.charAt(i))) {
                if (inClass) {
                    if (i - start == want && classes.regionMatches(true, start, name, 0, want)) {
                        return true;
                    }
                    inClass = false;
                }
            } else if (!inClass) {
                inClass = true;
                start = i;
            }
        }
        return inClass && len - start == want && classes.regionMatches(true, start, name, 0, want);
    }

    /**
     * Which of some classes a class attribute's value holds, in one scan of it: bit {@code i} set when it holds
     * {@code names[i]}, by the same rule as {@link #hasClass} (at most 64 names).
     */
    static long classBits(String classes, ClassNames index) {
        String[] names = index.names;
        long bits = 0;
        int len = classes.length();
        int i = 0;
        while (i < len) {
            while (i < len && isClassSeparator(classes.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < len && !isClassSeparator(classes.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length == 0) {
                continue;
            }
            // only the names of the token's length and last letter (any case) are compared, unless that letter is not
            // ASCII (a few of those equal an ASCII letter in any case: the Kelvin sign, the long s)
            char last = classes.charAt(i - 1);
            long candidates = length >= ClassNames.LENGTHS || last >= 0x80 ? -1L
                    : index.byLengthAndLast[length << 7 | Character.toLowerCase(last)];
            for (int k = 0; candidates != 0 && k < names.length; k++) {
                if ((candidates & 1L << k) != 0 && names[k].length() == length
                        && classes.regionMatches(true, start, names[k], 0, length)) {
                    bits |= 1L << k;
                }
            }
        }
        return bits;
    }

    /**
     * Class names {@link #classBits} looks for (at most 64), with their bits per name length and lower-cased ASCII
     * last letter: the names a class token of that length and last letter may be. Built once per set of names.
     */
    static final class ClassNames {
        static final int LENGTHS = 64;
        final String[] names;
        final long[] byLengthAndLast = new long[LENGTHS << 7];

        ClassNames(String... names) {
            this.names = names.clone();
            for (int k = 0; k < names.length; k++) {
                String name = names[k];
                char last = name.isEmpty() ? 0 : name.charAt(name.length() - 1);
                boolean plain = name.length() < LENGTHS && last < 0x80 && Character.toLowerCase(last) == last;
                for (int key = 0; key < byLengthAndLast.length; key++) {
                    if (!plain || key == (name.length() << 7 | last)) { // a name with an unusual end: everywhere
                        byLengthAndLast[key] |= 1L << k;
                    }
                }
            }
        }
    }

    /** {@link Character#isWhitespace}, quick for the ASCII letters class names are made of. */
    private static boolean isClassSeparator(char c) {
        return c <= ' ' ? Character.isWhitespace(c) : c >= '\u1680' && Character.isWhitespace(c);
    }

    static Document parse(String html, String baseUrl) {
        return Jsoup.parse(html, baseUrl);
    }
}
