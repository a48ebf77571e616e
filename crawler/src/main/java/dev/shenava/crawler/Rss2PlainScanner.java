package dev.shenava.crawler;

import java.time.Instant;
import java.util.List;

/**
 * {@link Rss2Scanner} that turns each item's title and body into plain text while the scan reads them
 * ({@link FeedText} straight from the bytes when the markup is simple), and reads a plain RFC 1123 pubDate from the
 * bytes: the feed connector's fast path for a UTF-8 RSS 2.0 feed.
 */
final class Rss2PlainScanner extends Rss2Scanner {

    /** Reads a body field's escaped markup straight to plain text. */
    private final FeedText plainText = new FeedText();
    /** Whether the body field just read by {@link #firstPlain} was blank as written (String.isBlank). */
    private boolean rawBlank;
    /** Whether the item's first content:encoded was blank as written. */
    private boolean contentBlank;

    private Rss2PlainScanner(byte[] utf8, int begin) {
        super(utf8, begin);
    }

    /**
     * {@link Rss2Scanner#readUtf8} with each item's title and body already turned into plain text while the scan
     * reads them: an entry's {@code title} is {@code Html.text} of the title (null when none), its {@code content}
     * {@code Html.text} of the body the feed connector picks (content:encoded unless blank, else the description),
     * its {@code description} null; a plain RFC 1123 pubDate is read from the bytes. Null also for an item that would
     * need its raw body for a content hash (no guid and no link), which the reader that keeps raw text handles.
     *
     * @param body the feed's bytes, a byte order mark allowed
     * @return the entries in document order, or null
     */
    static List<Rss2Reader.Entry> readPlainUtf8(byte[] body) {
        return new Rss2PlainScanner(body, Charsets.utf8BomLength(body)).entries();
    }

    @Override
    String title(String kept) throws Unusual {
        return firstPlain(kept);
    }

    @Override
    String description(String kept) throws Unusual {
        return firstPlain(kept);
    }

    @Override
    void contentEncoded() throws Unusual {
        boolean firstOne = content == null;
        content = firstPlain(content);
        contentBlank = firstOne ? rawBlank : contentBlank;
    }

    @Override
    void pubDate() throws Unusual {
        if (published != null) {
            fieldChars(); // a later one read all the same, checked and dropped
        } else if (pubDate != null || (published = dateFromBytes()) == null) {
            pubDate = first(pubDate);
        }
    }

    @Override
    Rss2Reader.Entry entry() throws Unusual {
        // the body the feed connector picks: content:encoded unless blank as written, else the description
        content = content != null && (!contentBlank || description == null) ? content
                : description != null ? description : "";
        description = null;
        contentBlank = false;
        Rss2Reader.Entry entry = super.entry();
        if (isBlank(entry.uri()) && isBlank(entry.link())) {
            throw UNUSUAL; // an item identified by a hash of its raw text
        }
        return entry;
    }

    /**
     * The date of the pubDate element just started when it is a plain RFC 1123 date in ASCII with nothing but spaces
     * around it, read from the bytes and the element read to its end; null (nothing read) otherwise.
     */
    private Instant dateFromBytes() throws Unusual {
        if (selfClosing) {
            return null;
        }
        int from = i;
        int lt = from;
        while (lt < n && c[lt] >= 0x20 && c[lt] < 0x7F && c[lt] != '<' && c[lt] != '&') {
            lt++;
        }
        if (lt + 1 >= n || c[lt] != '<' || c[lt + 1] != '/') {
            return null;
        }
        int to = lt;
        while (from < to && c[from] == ' ') {
            from++;
        }
        while (to > from && c[to - 1] == ' ') {
            to--;
        }
        long seconds = Timestamps.rfc1123Seconds(c, from, to);
        if (seconds == Timestamps.NOT_RFC1123) {
            return null;
        }
        i = lt;
        endTag(nameStart, nameEnd);
        return Instant.ofEpochSecond(seconds);
    }

    /** {@link #first} of a body field in plain text; {@link #rawBlank} tells whether this one was blank as written. */
    private String firstPlain(String kept) throws Unusual {
        if (kept == null && !selfClosing) { // escaped markup read to plain text in one pass, when it is simple
            int lt = plainText.read(c, i, n); // reads to the '<' that ends the field
            if (lt >= 0 && lt + 1 < n && c[lt + 1] == '/') {
                i = lt;
                endTag(nameStart, nameEnd);
                rawBlank = plainText.rawBlank;
                return plainText.text();
            }
        }
        fieldChars(); // read either way: a later one holding markup is as unusual as the first
        if (kept != null) {
            return kept;
        }
        boolean blank = true;
        for (int k = 0; k < length && blank; k++) {
            blank = Character.isWhitespace(text[k]);
        }
        rawBlank = blank;
        return blank ? "" : Html.text(text, 0, length);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
