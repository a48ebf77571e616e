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
        return text(Jsoup.parseBodyFragment(html).body());
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
    private static String collapse(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        boolean newline = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                newline = !out.isEmpty();
                space = false;
            } else if (c == ' ' || c == '\t' || c == '\u00A0' || c == '\f' || c == '\u000B') {
                space = !out.isEmpty();
            } else {
                if (newline) {
                    out.append('\n');
                } else if (space) {
                    out.append(' ');
                }
                newline = false;
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }

    static Document parse(String html, String baseUrl) {
        return Jsoup.parse(html, baseUrl);
    }
}
