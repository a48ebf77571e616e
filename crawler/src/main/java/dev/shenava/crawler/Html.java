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
        return MarkupText.read(html);
    }

    /**
     * {@link #text(String)} of {@code text[from, to)}: a fragment of simple markup, or none, read straight from the
     * chars (a JSON parser's, say), else through a string of it.
     */
    static String text(char[] text, int from, int to) {
        String simple = MarkupText.read(text, from, to);
        // blank text gives blank text; the other way round (a control left by the markup) is for the string path
        return simple != null && (simple.isEmpty() || !simple.isBlank()) ? simple
                : text(new String(text, from, to - from));
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

        void room(int more) {
            if (length + more > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
            }
        }
    }

    /** Appends {@code html[from, to)}, references read; false when jsoup should read it ({@link MarkupText}). */
    static boolean appendText(Chars out, String html, int from, int to) {
        char[] text = new char[to - from];
        html.getChars(from, to, text, 0);
        return MarkupText.appendText(out, text, 0, text.length);
    }

    /** {@link #appendText(Chars, String, int, int)} of {@code text[from, to)}. */
    static boolean appendText(Chars out, char[] text, int from, int to) {
        return MarkupText.appendText(out, text, from, to);
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

    /** The windows-1252 character a C1 control character (U+0080 to U+009F) stands for, as the cleaning reads it. */
    static char cp1252(char c) {
        return CP1252.charAt(c - 0x80);
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
            for (long left = candidates & index.all; left != 0; left &= left - 1) {
                int k = Long.numberOfTrailingZeros(left);
                if (names[k].length() == length && classes.regionMatches(true, start, names[k], 0, length)) {
                    bits |= 1L << k;
                }
            }
        }
        return bits;
    }

    /**
     * {@link #classBits(String, ClassNames)} of a value in UTF-8 bytes {@code b[from, to)} read where it stands, or -1
     * when it holds a byte outside ASCII or a {@code &} (a reference): the caller reads it as a string then. -1 is no
     * answer of the other kind: at most 63 names are asked about.
     */
    static long asciiClassBits(byte[] b, int from, int to, ClassNames index) {
        String[] names = index.names;
        long bits = 0;
        int i = from;
        while (i < to) {
            while (i < to && isClassSeparator((char) (b[i] & 0xFF))) {
                i++;
            }
            int start = i;
            while (i < to) {
                int c = b[i] & 0xFF;
                if (isClassSeparator((char) c)) {
                    break;
                }
                if (c >= 0x80 || c == '&') {
                    return -1;
                }
                i++;
            }
            int length = i - start;
            if (length == 0) {
                continue;
            }
            long candidates = length >= ClassNames.LENGTHS ? -1L
                    : index.byLengthAndLast[length << 7 | Character.toLowerCase((char) b[i - 1])];
            for (long left = candidates & index.all; left != 0; left &= left - 1) {
                int k = Long.numberOfTrailingZeros(left);
                if (names[k].length() == length && sameIgnoringCase(b, start, names[k])) {
                    bits |= 1L << k;
                }
            }
        }
        return bits;
    }

    /** {@code String.regionMatches(true, ...)} of the ASCII bytes at {@code start} and a whole name. */
    private static boolean sameIgnoringCase(byte[] b, int start, String name) {
        for (int k = 0; k < name.length(); k++) {
            char t = (char) b[start + k];
            char c = name.charAt(k);
            if (t != c) {
                char u1 = Character.toUpperCase(t);
                char u2 = Character.toUpperCase(c);
                if (u1 != u2 && Character.toLowerCase(u1) != Character.toLowerCase(u2)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Class names {@link #classBits} looks for (at most 64), with their bits per name length and lower-cased ASCII
     * last letter: the names a class token of that length and last letter may be. Built once per set of names.
     */
    static final class ClassNames {
        static final int LENGTHS = 64;
        final String[] names;
        /** A bit for each name. */
        final long all;
        final long[] byLengthAndLast = new long[LENGTHS << 7];

        ClassNames(String... names) {
            if (names.length > 63) {
                throw new IllegalArgumentException("at most 63 class names, not " + names.length);
            }
            this.names = names.clone();
            this.all = (1L << names.length) - 1;
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
