package dev.shenava.crawler;

import java.util.function.Consumer;

/**
 * The text of one element as it is read: {@link Html#text(org.jsoup.nodes.Element)} (lines kept) or jsoup's
 * {@code Element.text().strip()} (whitespace normalised; only inline children, else the page goes to jsoup).
 */
final class TextCapture {

    final int depth;
    final Html.Chars chars;
    private final boolean lines;
    private final Consumer<String> sink;
    /** The text cleaned as it arrives, for text with its lines kept; null otherwise. */
    private final CleanText clean;
    private boolean unusual;

    TextCapture(int depth, boolean lines, Html.Chars chars, Consumer<String> sink) {
        this.depth = depth;
        this.lines = lines;
        this.sink = sink;
        this.chars = chars;
        this.clean = lines ? new CleanText(chars) : null;
    }

    /** An element starts inside, of the kind {@link PlainHtmlScanner#kind} tells. */
    void child(int kind) throws PlainHtmlScanner.Unusual {
        if (!lines) {
            if ((kind & TagNames.INLINE_TAG) == 0) {
                throw PlainHtmlScanner.UNUSUAL;
            }
        } else if ((kind & (TagNames.BR_TAG | TagNames.BLOCK_TAG)) != 0) {
            clean.add('\n');
        }
    }

    /** An element inside ends. */
    void childEnd(int kind) {
        if (lines && (kind & TagNames.BLOCK_TAG) != 0) {
            clean.add('\n');
        }
    }

    /**
     * Adds the UTF-8 bytes from {@code from} on up to the first '<', '&' or NUL, or {@code to}, when this capture keeps
     * lines ({@link CleanText#upToMarkup}); at an '&' it takes back what it read, and the scanner gives that text again
     * with its references.
     *
     * @return where it stopped; -1 when it does not read text this way; -2 when the bytes are not well-formed UTF-8
     */
    int utf8UpToMarkup(byte[] b, int from, int to) {
        if (!lines) {
            return -1;
        }
        long mark = clean.mark();
        int stop = clean.upToMarkup(b, from, to);
        if (stop < 0) {
            return -2;
        }
        if (stop < to && b[stop] == '&') {
            clean.reset(mark);
        }
        return stop;
    }

    /**
     * Adds text holding no reference, in UTF-8 bytes {@code [from, to)}.
     *
     * @return false when they are not well-formed UTF-8
     */
    boolean utf8(byte[] b, int from, int to) {
        if (lines) {
            return clean.addUtf8(b, from, to);
        }
        chars.room(to - from); // never more chars than bytes
        int end = Charsets.decodeUtf8(b, from, to, chars.chars, chars.length);
        chars.length = Math.max(end, chars.length);
        return end >= 0;
    }

    /**
     * Adds text with its references read ({@link Html#appendText(Html.Chars, char[], int, int)}).
     *
     * @param scratch a buffer to read references into, for text whose lines are kept
     * @return false when jsoup should read it
     */
    boolean text(char[] text, int from, int to, Html.Chars scratch) {
        if (!lines) {
            return Html.appendText(chars, text, from, to);
        }
        scratch.length = 0;
        if (!Html.appendText(scratch, text, from, to)) {
            return false;
        }
        clean.add(scratch.chars, 0, scratch.length);
        return true;
    }

    void finish() throws PlainHtmlScanner.Unusual {
        if (lines) {
            sink.accept(clean.text()); // a block's closing line break is trimmed at the end anyway
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
