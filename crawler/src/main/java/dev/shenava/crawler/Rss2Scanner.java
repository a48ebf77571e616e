package dev.shenava.crawler;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a plain RSS 2.0 feed in one pass over its UTF-8 bytes, without an XML parser (the markup read as ASCII, only
 * the text a field keeps decoded, in the same pass): the entries {@link Rss2Reader} gives (and so ROME gives) for it.
 * It takes only feeds whose XML {@link FeedXmlScanner} checks to be well-formed by its small set of rules, with an
 * XML declaration of version 1.0 if any, and answers null on anything else, for {@link Rss2Reader} and ROME.
 */
sealed class Rss2Scanner extends FeedXmlScanner permits Rss2PlainScanner {

    /** The XML declaration after {@code <?xml}, as the parser takes it with a character stream (encoding ignored). */
    private static final Pattern DECLARATION = Pattern.compile("[ \\t\\r\\n]+version[ \\t\\r\\n]*=[ \\t\\r\\n]*"
            + "(\"1\\.0\"|'1\\.0')([ \\t\\r\\n]+encoding[ \\t\\r\\n]*=[ \\t\\r\\n]*(\"[A-Za-z][A-Za-z0-9._-]*\""
            + "|'[A-Za-z][A-Za-z0-9._-]*'))?"
            + "([ \\t\\r\\n]+standalone[ \\t\\r\\n]*=[ \\t\\r\\n]*(\"(yes|no)\"|'(yes|no)'))?"
            + "[ \\t\\r\\n]*");
    // an item's field names as their bytes in a long, read as the scan reads a name (names up to eight bytes)
    private static final long TITLE = word("title");
    private static final long LINK = word("link");
    private static final long DESCRIPT = word("descript");
    private static final long ION = word("ion");
    private static final long AUTHOR = word("author");
    private static final long PUB_DATE = word("pubDate");
    private static final long GUID = word("guid");
    // the fields of the item being read, the first of each name kept
    String title;
    String link;
    String description;
    String content;
    String guid;
    boolean permaLink;
    String author;
    String creator;
    String pubDate;
    /** The item's date when read from the bytes already (then {@link #pubDate} stays null). */
    java.time.Instant published;

    Rss2Scanner(byte[] utf8, int begin) {
        super(utf8, begin);
    }

    /**
     * The entries of a plain RSS 2.0 feed, or null when this scanner does not take the feed.
     *
     * @param xml the feed as decoded, before the windows-1252 repair and without the DOCTYPE removed
     * @return the entries in document order, or null
     */
    static List<Rss2Reader.Entry> read(String xml) {
        if (xml.indexOf("<rss") < 0) {
            return null;
        }
        java.nio.ByteBuffer utf8;
        try { // strict: a lone surrogate is refused, not written as '?'
            utf8 = java.nio.charset.StandardCharsets.UTF_8.newEncoder().encode(java.nio.CharBuffer.wrap(xml));
        } catch (java.nio.charset.CharacterCodingException unpaired) {
            return null;
        }
        byte[] bytes = new byte[utf8.remaining()];
        utf8.get(bytes);
        return read(bytes, 0);
    }

    /**
     * {@link #read(String)} of a UTF-8 body, read straight from its bytes: the markup is ASCII, and only the text a
     * field keeps is decoded (no String or char array of the whole feed); null also when the bytes are not well-formed
     * UTF-8 (the decoder's replacements are the parser's affair).
     *
     * @param body the feed's bytes, a byte order mark allowed
     * @return the entries in document order, or null
     */
    static List<Rss2Reader.Entry> readUtf8(byte[] body) {
        return read(body, Charsets.utf8BomLength(body));
    }

    private static List<Rss2Reader.Entry> read(byte[] utf8, int begin) {
        return new Rss2Scanner(utf8, begin).entries();
    }

    /**
     * Whether the XML declaration's {@code c[from, to)} after {@code <?xml} is the common
     * {@code  version="1.0" encoding="NAME"} (single spaces, double quotes), which {@link #DECLARATION} matches: most
     * feeds' declaration told without the regular expression.
     */
    private boolean commonDeclaration(int from, int to) {
        String head = " version=\"1.0\" encoding=\"";
        int name = from + head.length();
        if (to - name < 2 || !startsWith(from, head) || c[to - 1] != '"' || !isAsciiLetter(c[name])) {
            return false;
        }
        for (int k = name + 1; k < to - 1; k++) {
            int ch = c[k];
            if (!(isAsciiLetter(ch) || ch >= '0' && ch <= '9' || ch == '.' || ch == '_' || ch == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(int ch) {
        return ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z';
    }

    /** The feed's entries, or null when this scanner does not take the feed. */
    final List<Rss2Reader.Entry> entries() {
        try {
            return feed();
        } catch (Unusual | RuntimeException notForUs) { // running past the end is a truncated feed too
            return null;
        }
    }

    private List<Rss2Reader.Entry> feed() throws Unusual {
        if (startsWith(begin, "<?xml") && isSpace(c[begin + 5])) {
            int end = indexOf("?>", begin + 5);
            if (end < 0 || !commonDeclaration(begin + 5, end) && !DECLARATION.matcher(new String(c, begin + 5, end - begin - 5,
                    java.nio.charset.StandardCharsets.ISO_8859_1)).matches()) {
                throw UNUSUAL;
            }
            i = end + 2;
        }
        misc();
        if (c[i] != '<') {
            throw UNUSUAL; // text, a DOCTYPE or a processing instruction before the root
        }
        startTag(true);
        if (nameColon >= 0 || !localIs("rss") || selfClosing || !attributeIs(find("version"), "2.0")) {
            throw UNUSUAL;
        }
        int rootStart = nameStart;
        int rootEnd = nameEnd;
        List<Rss2Reader.Entry> entries = new ArrayList<>();
        boolean channelSeen = false;
        depth = 1;
        while (nextChild(rootStart, rootEnd)) {
            if (!channelSeen && nameColon < 0 && localIs("channel")) {
                channelSeen = true;
                channel(entries);
            } else {
                skipElement();
            }
        }
        misc();
        if (i != n) {
            throw UNUSUAL; // anything but comments and whitespace after the root
        }
        return entries;
    }

    private void channel(List<Rss2Reader.Entry> entries) throws Unusual {
        if (selfClosing) {
            return;
        }
        int start = nameStart;
        int end = nameEnd;
        depth++;
        while (nextChild(start, end)) {
            if (nameColon < 0 && localIs("item")) {
                entries.add(item());
            } else {
                skipElement();
            }
        }
        depth--;
    }

    private Rss2Reader.Entry item() throws Unusual {
        title = null;
        link = null;
        description = null;
        content = null;
        guid = null;
        permaLink = true;
        author = null;
        creator = null;
        pubDate = null;
        published = null;
        if (!selfClosing) {
            int start = nameStart;
            int end = nameEnd;
            depth++;
            while (nextChild(start, end)) {
                if (nameColon < 0) {
                    int length = nameEnd - nameStart; // names compared as one read of their bytes
                    long word = word(nameStart, length);
                    if (length == 5 && word == TITLE) {
                        title = title(title);
                    } else if (length == 4 && word == LINK) {
                        link = first(link);
                    } else if (length == 11 && word == DESCRIPT && word(nameStart + 8, 3) == ION) {
                        description = description(description);
                    } else if (length == 6 && word == AUTHOR) {
                        author = first(author);
                    } else if (length == 7 && word == PUB_DATE) {
                        pubDate();
                    } else if (length == 4 && word == GUID && guid == null) {
                        int a = find("isPermaLink");
                        if (a >= 0 && attributeNormalised[a]) {
                            throw UNUSUAL;
                        }
                        permaLink = a < 0 || attributeValue(a).equalsIgnoreCase("true");
                        guid = fieldText();
                    } else {
                        skipElement();
                    }
                } else if (nameUri.equals(Rss2Reader.CONTENT) && localIs("encoded")) {
                    contentEncoded();
                } else if (nameUri.equals(Rss2Reader.DC) && localIs("creator")) {
                    String value = fieldText();
                    if (value.isEmpty() || !value.equals(value.strip())) {
                        throw UNUSUAL; // as the streaming reader: ROME's module parser reads these its own way
                    }
                    creator = creator != null ? creator : value;
                } else if (nameUri.equals(Rss2Reader.DC) || nameUri.equals(Rss2Reader.ATOM)) {
                    throw UNUSUAL; // dc:date and friends change ROME's dates and authors
                } else {
                    skipElement();
                }
            }
            depth--;
        }
        return entry();
    }

    /** The item's title: {@code kept} when an earlier title gave it, else this one's. */
    String title(String kept) throws Unusual {
        return first(kept);
    }

    /** The item's description: {@code kept} when an earlier one gave it, else this one's. */
    String description(String kept) throws Unusual {
        return first(kept);
    }

    /** Reads a content:encoded element into {@link #content}. */
    void contentEncoded() throws Unusual {
        content = first(content);
    }

    /** Reads a pubDate element into {@link #pubDate}. */
    void pubDate() throws Unusual {
        pubDate = first(pubDate);
    }

    /** The entry of the item just read. */
    Rss2Reader.Entry entry() throws Unusual {
        Rss2Reader.Entry entry = published != null
                ? Rss2Reader.entryAt(title, link, description, content, guid, permaLink, author, creator, published)
                : Rss2Reader.entry(title, link, description, content, guid, permaLink, author, creator, pubDate);
        if (entry == null) {
            throw UNUSUAL; // a date only ROME reads
        }
        return entry;
    }

    /** {@link #word(int, int)} of an ASCII name. */
    private static long word(String name) {
        long w = 0;
        for (int k = Math.min(name.length(), 8) - 1; k >= 0; k--) {
            w = w << 8 | name.charAt(k);
        }
        return w;
    }
}
