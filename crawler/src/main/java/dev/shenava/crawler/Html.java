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

    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
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
            return Text.demoronize(collapse(plain));
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
        StringBuilder out = new StringBuilder(html.length());
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
            switch (html.substring(nameStart, nameEnd).toLowerCase(java.util.Locale.ROOT)) {
                case "p", "br" -> out.append('\n');
                case "a", "b", "i", "u", "s", "em", "strong", "code", "span", "small", "sub", "sup", "tt", "font",
                     "strike", "mark", "abbr", "cite", "q", "wbr" -> {
                    // phrasing: no line break, text continues
                }
                default -> {
                    return null;
                }
            }
            i = end + 1;
        }
        return Text.demoronize(collapse(out));
    }

    private static boolean appendText(StringBuilder out, String html, int from, int to) {
        int k = from;
        while (k < to) {
            int amp = html.indexOf('&', k);
            if (amp < 0 || amp >= to) {
                out.append(html, k, to);
                return true;
            }
            out.append(html, k, amp);
            int end = commonEntity(out, html, amp, to);
            if (end == UNUSUAL) {
                return false;
            }
            if (end < 0) { // another named reference: jsoup's rules for the rest
                out.append(Parser.unescapeEntities(html.substring(amp, to), false));
                return true;
            }
            k = end;
        }
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
    private static int commonEntity(StringBuilder out, String html, int amp, int to) {
        int semi = html.indexOf(';', amp);
        if (semi < 0 || semi >= to || semi - amp > 9) {
            return -1;
        }
        String name = html.substring(amp + 1, semi);
        String named = switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> null;
        };
        if (named != null) {
            out.append(named);
            return semi + 1;
        }
        if (name.isEmpty() || name.charAt(0) != '#') {
            return -1;
        }
        if (name.length() < 2) {
            return UNUSUAL;
        }
        boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
        int code;
        try {
            code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
        } catch (NumberFormatException e) {
            return UNUSUAL;
        }
        // C0/C1 controls, surrogates and out-of-range values have special rules in HTML: left to jsoup
        if (code < 0x20 && code != '\n' && code != '\t' || code >= 0x7F && code < 0xA0
                || code >= 0xD800 && code < 0xE000 || code > 0x10FFFF || name.charAt(hex ? 2 : 1) == '+'
                || name.charAt(hex ? 2 : 1) == '-') {
            return UNUSUAL;
        }
        out.appendCodePoint(code);
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
        return Text.demoronize(collapse(out));
    }

    /** Collapses runs of spaces within lines, drops blank lines, trims. */
    private static String collapse(CharSequence text) {
        String s = text.toString();
        int n = s.length();
        StringBuilder out = new StringBuilder(n);
        boolean space = false;
        boolean newline = false;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                newline = !out.isEmpty();
                space = false;
                i++;
            } else if (isSpace(c)) {
                space = !out.isEmpty();
                i++;
            } else {
                if (newline) {
                    out.append('\n');
                } else if (space) {
                    out.append(' ');
                }
                newline = false;
                space = false;
                int end = i + 1;
                while (end < n && !isSpace(s.charAt(end)) && s.charAt(end) != '\n' && s.charAt(end) != '\r') {
                    end++;
                }
                out.append(s, i, end); // a whole word at once
                i = end;
            }
        }
        return out.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\f' || c == '\u000B';
    }

    static Document parse(String html, String baseUrl) {
        return Jsoup.parse(html, baseUrl);
    }
}
