package dev.shenava.crawler;

import java.util.Set;
import java.util.function.Consumer;

/**
 * The text of one element as it is read: {@link Html#text(org.jsoup.nodes.Element)} (lines kept) or jsoup's
 * {@code Element.text().strip()} (whitespace normalised; only inline children, else the page goes to jsoup).
 */
final class TextCapture {

    /** Elements jsoup's {@code Element.text()} adds no space for. */
    private static final Set<String> INLINE = Set.of("span", "a", "b", "i", "u", "s", "em", "strong", "small", "code",
            "time", "mark", "abbr", "sub", "sup", "img");
    private static final Set<String> BLOCKS = Html.BLOCKS;

    final int depth;
    final Html.Chars chars;
    private final String name;
    private final boolean lines;
    private final Consumer<String> sink;
    private boolean unusual;

    TextCapture(int depth, String name, boolean lines, Html.Chars chars, Consumer<String> sink) {
        this.depth = depth;
        this.name = name;
        this.lines = lines;
        this.sink = sink;
        this.chars = chars;
        if (lines && BLOCKS.contains(name)) {
            chars.add('\n');
        }
    }

    void child(String name) throws PlainHtmlScanner.Unusual {
        if (!lines) {
            if (!INLINE.contains(name)) {
                throw PlainHtmlScanner.UNUSUAL;
            }
        } else if (name.equals("br") || BLOCKS.contains(name)) {
            chars.add('\n');
        }
    }

    void childEnd(String name) {
        if (lines && BLOCKS.contains(name)) {
            chars.add('\n');
        }
    }

    void finish() throws PlainHtmlScanner.Unusual {
        if (lines) {
            if (BLOCKS.contains(name)) {
                chars.add('\n');
            }
            sink.accept(Html.clean(chars.chars, chars.length));
            return;
        }
        String text = normalised();
        if (unusual) {
            throw PlainHtmlScanner.UNUSUAL;
        }
        sink.accept(text);
    }

    /**
     * jsoup's whitespace normalisation (its whitespace: space, tab, line breaks, no-break space), trimmed, then
     * stripped.
     */
    private String normalised() {
        char[] in = chars.chars;
        int len = 0;
        boolean white = false;
        for (int i = 0; i < chars.length; i++) {
            char c = in[i];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00A0') {
                white = len > 0;
            } else if (c == '\u200B' || c == '\u00AD') {
                continue; // jsoup drops these two invisible characters (and keeps ZWNJ, which Persian needs)
            } else {
                unusual |= c < ' '; // jsoup's trim takes controls off the ends, strip() only some
                if (white) {
                    in[len++] = ' ';
                    white = false;
                }
                in[len++] = c;
            }
        }
        return new String(in, 0, len).strip();
    }
}
