package dev.shenava.crawler;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * HTML to plain text: line breaks kept for {@code <br>} and block elements, whitespace collapsed within lines.
 */
final class Html {

    private static final String BREAK = "\u2028";

    private Html() {
    }

    static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return Text.demoronize(html.strip());
        }
        return text(Jsoup.parseBodyFragment(html).body());
    }

    static String text(Element element) {
        if (element == null) {
            return "";
        }
        Element copy = element.clone();
        copy.select("script, style, noscript, template").remove();
        copy.select("br").after(BREAK);
        copy.select("p, div, li, h1, h2, h3, h4, h5, h6, blockquote, tr, pre").prepend(BREAK).append(BREAK);
        String flat = copy.text();
        StringBuilder out = new StringBuilder(flat.length());
        for (String line : flat.split(BREAK)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n").append(trimmed);
            }
        }
        return Text.demoronize(out.toString());
    }

    static Document parse(String html, String baseUrl) {
        return Jsoup.parse(html, baseUrl);
    }
}
