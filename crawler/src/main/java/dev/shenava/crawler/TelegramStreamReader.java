package dev.shenava.crawler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.internal.StringUtil;
import org.jsoup.parser.Parser;

/**
 * Reads a t.me/s page in one pass over its text, without building jsoup's tree, giving exactly the messages the tree
 * walk in {@link TelegramConnector} gives. It reads only markup whose tree is its plain nesting: known ordinary tags,
 * every end tag closing the element last opened, no tag the HTML tree builder moves, closes or reopens on its own
 * (paragraphs, lists, tables, nested links, templates), no {@code <base href>}. On anything else it answers null and
 * the page goes to jsoup.
 */
final class TelegramStreamReader {

    /** Tags read as ordinary elements: none of them closes, moves or reopens another in the HTML tree builder. */
    private static final Set<String> ORDINARY = Set.of("div", "span", "a", "b", "i", "u", "s", "em", "strong", "small",
            "code", "time", "mark", "abbr", "sub", "sup", "video", "audio", "canvas", "picture", "section", "main",
            "header", "footer", "article", "nav", "aside", "figure", "figcaption", "blockquote", "label", "form",
            "h1", "h2", "h3", "h4", "h5", "h6", "svg", "title", "script", "style");
    private static final Set<String> VOID = Set.of("br", "img", "meta", "link", "input", "source", "wbr", "base");
    /** Inside svg: shapes and groups only (other tag names break out of foreign content or are read differently). */
    private static final Set<String> SVG = Set.of("g", "path", "circle", "rect", "ellipse", "line", "polyline",
            "polygon", "defs", "use", "stop", "symbol");
    /** Elements jsoup's {@code Element.text()} adds no space for. */
    private static final Set<String> INLINE = Set.of("span", "a", "b", "i", "u", "s", "em", "strong", "small", "code",
            "time", "mark", "abbr", "sub", "sup", "img");
    private static final Set<String> BLOCKS = Html.BLOCKS;

    /** The classes asked about, and their bits. */
    private static final String[] CLASSES = {"tgme_widget_message", "tgme_widget_message_reply",
        "tgme_widget_message_link_preview", "service_message", "tgme_channel_info_counter", "tgme_widget_message_date",
        "tgme_widget_message_text", "tgme_widget_message_owner_name", "tgme_widget_message_from_author",
        "tgme_widget_message_views", "link_preview_title", "counter_type", "counter_value"};
    private static final long MESSAGE = 1;
    private static final long REPLY = 1 << 1;
    private static final long PREVIEW = 1 << 2;
    private static final long SERVICE = 1 << 3;
    private static final long COUNTER = 1 << 4;
    private static final long DATE = 1 << 5;
    private static final long TEXT = 1 << 6;
    private static final long OWNER = 1 << 7;
    private static final long SIGNED = 1 << 8;
    private static final long VIEWS = 1 << 9;
    private static final long PREVIEW_TITLE = 1 << 10;
    private static final long COUNTER_TYPE = 1 << 11;
    private static final long COUNTER_VALUE = 1 << 12;

    /**
     * A page read.
     *
     * @param messages the messages, in document order
     * @param counters the channel counters, each {type, value}
     */
    record Page(List<TelegramConnector.Message> messages, List<String[]> counters) {
    }

    /** Why a page is left to jsoup: thrown and caught inside this class only. */
    private static final class Unusual extends Exception {
        Unusual() {
            super(null, null, false, false);
        }
    }

    private static final Unusual UNUSUAL = new Unusual();

    /** The page, or the Latin-1 view of its UTF-8 bytes (one char per byte: markup is ASCII either way). */
    private final String html;
    /** The UTF-8 bytes behind a Latin-1 view, null when {@link #html} is the decoded page. */
    private final byte[] utf8;
    private final int start;
    private final String baseUrl;
    private final int n;
    /** Open elements: names, and per element whether it has the message class (1) and is a quote (2). */
    private String[] names = new String[64];
    private byte[] flags = new byte[64];
    private int depth;
    private int messageDepth;
    private int quoteDepth;
    private boolean formOpen;
    /** Open svg elements. */
    private int svgDepth;
    private final List<Message> messages = new ArrayList<>();
    private final List<Message> openMessages = new ArrayList<>(2);
    private final List<Counter> counters = new ArrayList<>();
    private final List<Counter> openCounters = new ArrayList<>(1);
    private final List<Capture> captures = new ArrayList<>(4);
    private final List<Html.Chars> spare = new ArrayList<>(4);
    // the attributes of the tag being read that the walk asks about
    private String classAttr;
    private String id;
    private String href;
    private String dataPost;
    private String datetime;

    private TelegramStreamReader(String html, byte[] utf8, int start, String baseUrl) {
        this.html = html;
        this.utf8 = utf8;
        this.start = start;
        this.baseUrl = baseUrl;
        this.n = html.length();
    }

    /**
     * Reads a page in UTF-8 straight from its bytes: only the text a post keeps is decoded, the markup is scanned in a
     * Latin-1 view of the bytes (a copy, not a decode).
     *
     * @param body    the page's bytes, UTF-8
     * @param baseUrl its address, for relative links
     * @return what the tree walk over the decoded page would find, or null as for {@link #read(String, String)}
     */
    static Page read(byte[] body, String baseUrl) {
        int bom = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF
                ? 3 : 0;
        return read(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1), body, bom, baseUrl);
    }

    /**
     * Reads a page.
     *
     * @param html    the page
     * @param baseUrl its address, for relative links
     * @return what the tree walk would find, or null when the page holds markup this reader leaves to jsoup
     */
    static Page read(String html, String baseUrl) {
        return read(html, null, 0, baseUrl);
    }

    private static Page read(String html, byte[] utf8, int start, String baseUrl) {
        if (html.indexOf('\u0000') >= 0) {
            return null;
        }
        TelegramStreamReader reader = new TelegramStreamReader(html, utf8, start, baseUrl);
        try {
            reader.scan();
            List<TelegramConnector.Message> read = new ArrayList<>(reader.messages.size());
            for (Message m : reader.messages) {
                read.add(m.message(baseUrl));
            }
            List<String[]> counters = new ArrayList<>(reader.counters.size());
            for (Counter c : reader.counters) {
                counters.add(new String[] {c.type == null ? "" : c.type, c.value == null ? "" : c.value});
            }
            return new Page(read, counters);
        } catch (Unusual | RuntimeException unusual) {
            return null; // jsoup reads it, and words any problem
        }
    }

    private void scan() throws Unusual {
        int i = start;
        while (i < n) {
            int lt = html.indexOf('<', i);
            int end = lt < 0 ? n : lt;
            if (end > i && !captures.isEmpty()) {
                text(i, end);
            }
            if (lt < 0) {
                break;
            }
            i = tag(lt);
        }
        while (depth > 0) { // jsoup closes what is open at the end
            close();
        }
    }

    private int tag(int lt) throws Unusual {
        char c = lt + 1 < n ? html.charAt(lt + 1) : ' ';
        if (c == '!') {
            return declaration(lt);
        }
        if (c == '/') {
            return endTag(lt);
        }
        if (c == '?') {
            throw UNUSUAL; // a processing instruction: a bogus comment in HTML
        }
        if (!isLetter(c)) { // a bare '<' is text
            if (!captures.isEmpty()) {
                text(lt, lt + 1);
            }
            return lt + 1;
        }
        return startTag(lt);
    }

    private int declaration(int lt) throws Unusual {
        if (html.startsWith("<!--", lt)) {
            if (html.startsWith("<!-->", lt) || html.startsWith("<!--->", lt)) {
                throw UNUSUAL;
            }
            int close = html.indexOf("-->", lt + 4);
            if (close < 0) {
                throw UNUSUAL;
            }
            for (int bang = html.indexOf('!', lt + 4, close); bang >= 0; bang = html.indexOf('!', bang + 1, close)) {
                if (html.startsWith("--!>", bang - 2)) {
                    throw UNUSUAL; // "--!>" ends a comment too
                }
            }
            return close + 3;
        }
        if (html.regionMatches(true, lt + 2, "doctype", 0, 7)) {
            int gt = html.indexOf('>', lt);
            if (gt < 0) {
                throw UNUSUAL;
            }
            return gt + 1; // a DOCTYPE ends at its first '>', quoted or not
        }
        throw UNUSUAL; // CDATA, bogus comments
    }

    private int endTag(int lt) throws Unusual {
        int nameEnd = nameEnd(lt + 2);
        String name = name(lt + 2, nameEnd);
        int k = skipSpace(nameEnd);
        if (k >= n || html.charAt(k) != '>') {
            throw UNUSUAL; // attributes on an end tag, or the page ends inside it
        }
        if (isTransparent(name)) {
            if (depth > 0) {
                throw UNUSUAL;
            }
        } else {
            if (depth == 0 || !names[depth - 1].equals(name)) {
                throw UNUSUAL; // misnested: the tree builder would close, reopen or ignore
            }
            close();
        }
        return k + 1;
    }

    private int startTag(int lt) throws Unusual {
        int nameEnd = nameEnd(lt + 1);
        String name = name(lt + 1, nameEnd);
        classAttr = null;
        id = null;
        href = null;
        dataPost = null;
        datetime = null;
        int k = nameEnd;
        boolean selfClosing = false;
        while (true) {
            k = skipSpace(k);
            if (k >= n) {
                throw UNUSUAL;
            }
            char c = html.charAt(k);
            if (c == '>') {
                break;
            }
            if (c == '/') {
                if (k + 1 < n && html.charAt(k + 1) == '>') {
                    selfClosing = true;
                    k++;
                    break;
                }
                throw UNUSUAL;
            }
            k = attribute(k);
        }
        int after = k + 1;
        boolean inSvg = inSvg();
        if (isTransparent(name)) {
            if (depth > 0 || id != null && id.equals("widget_message") || classAttr != null
                    && Html.classBits(classAttr, CLASSES) != 0) {
                throw UNUSUAL;
            }
            return after;
        }
        if (inSvg ? !SVG.contains(name) : !ORDINARY.contains(name) && !VOID.contains(name) && name.indexOf('-') < 0) {
            throw UNUSUAL;
        }
        check(name);
        boolean isVoid = VOID.contains(name) || selfClosing && (inSvg || name.equals("svg"));
        open(name);
        if (isVoid) {
            close();
            return after;
        }
        if (name.equals("script") || name.equals("style") || name.equals("title")) {
            return rawText(name, after);
        }
        return after;
    }

    /** The tree builder's own rules for some ordinary tags: where they apply, the page goes to jsoup. */
    private void check(String name) throws Unusual {
        switch (name) {
            case "a" -> {
                for (int i = 0; i < depth; i++) {
                    if (names[i].equals("a")) {
                        throw UNUSUAL; // a link in a link: the adoption agency closes the first
                    }
                }
            }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                if (depth > 0 && names[depth - 1].length() == 2 && names[depth - 1].charAt(0) == 'h') {
                    throw UNUSUAL; // a heading in a heading closes it
                }
            }
            case "form" -> {
                if (formOpen) {
                    throw UNUSUAL; // a form in a form is dropped
                }
                formOpen = true;
            }
            case "base" -> {
                if (href != null) {
                    throw UNUSUAL; // changes the base of every link
                }
            }
            default -> {
                // ordinary
            }
        }
    }

    /** Script and style content is data, not text; a title's is text with references. Ends at the end tag. */
    private int rawText(String name, int from) throws Unusual {
        int k = from;
        while (true) {
            int end = html.indexOf("</", k);
            if (end < 0) {
                throw UNUSUAL;
            }
            int nameEnd = end + 2 + name.length();
            if (html.regionMatches(true, end + 2, name, 0, name.length()) && nameEnd < n
                    && (html.charAt(nameEnd) == '>' || isSpace(html.charAt(nameEnd)) || html.charAt(nameEnd) == '/')) {
                if (name.equals("script") && html.indexOf("<!--", from, end) >= 0) {
                    throw UNUSUAL; // escaped script data has its own end rules
                }
                int gt = skipSpace(nameEnd);
                if (gt >= n || html.charAt(gt) != '>') {
                    throw UNUSUAL;
                }
                if (name.equals("title") && !captures.isEmpty()) {
                    text(from, end);
                }
                close();
                return gt + 1;
            }
            k = end + 2;
        }
    }

    private int attribute(int k) throws Unusual {
        int start = k;
        while (k < n) {
            char c = html.charAt(k);
            if (isSpace(c) || c == '/' || c == '>' || c == '=') {
                break;
            }
            if (c == '"' || c == '\'' || c == '<') {
                throw UNUSUAL;
            }
            k++;
        }
        if (k == start || k >= n) {
            throw UNUSUAL;
        }
        int nameEnd = k;
        k = skipSpace(k);
        int valueStart = k;
        int valueEnd = k; // no value: ""
        if (k < n && html.charAt(k) == '=') {
            k = skipSpace(k + 1);
            if (k >= n) {
                throw UNUSUAL;
            }
            char q = html.charAt(k);
            if (q == '"' || q == '\'') {
                valueStart = k + 1;
                valueEnd = html.indexOf(q, valueStart);
                if (valueEnd < 0) {
                    throw UNUSUAL;
                }
                k = valueEnd + 1;
                if (k >= n || !(isSpace(html.charAt(k)) || html.charAt(k) == '/' || html.charAt(k) == '>')) {
                    throw UNUSUAL;
                }
            } else {
                valueStart = k;
                while (k < n && !isSpace(html.charAt(k)) && html.charAt(k) != '>') {
                    char c = html.charAt(k);
                    if (c == '"' || c == '\'' || c == '<' || c == '=' || c == '`') {
                        throw UNUSUAL;
                    }
                    k++;
                }
                valueEnd = k;
                if (valueEnd == valueStart) {
                    throw UNUSUAL;
                }
            }
        }
        keep(start, nameEnd, valueStart, valueEnd);
        return k;
    }

    /** Keeps the attributes the walk reads; the first of a name counts, as in jsoup. */
    private void keep(int from, int to, int valueStart, int valueEnd) throws Unusual {
        int length = to - from;
        if (length == 5 && matches(from, "class")) {
            classAttr = classAttr != null ? classAttr : value(valueStart, valueEnd);
        } else if (length == 2 && matches(from, "id")) {
            id = id != null ? id : value(valueStart, valueEnd);
        } else if (length == 4 && matches(from, "href")) {
            href = href != null ? href : value(valueStart, valueEnd);
        } else if (length == 9 && matches(from, "data-post")) {
            dataPost = dataPost != null ? dataPost : value(valueStart, valueEnd);
        } else if (length == 8 && matches(from, "datetime")) {
            datetime = datetime != null ? datetime : value(valueStart, valueEnd);
        }
    }

    /** An attribute's value, character references read as jsoup reads them in attributes. */
    private String value(int from, int to) throws Unusual {
        String raw = utf8 == null ? html.substring(from, to) : segment(from, to);
        return raw.indexOf('&') < 0 ? raw : Parser.unescapeEntities(raw, true);
    }

    /** An element starts: what the tree walk's head does. */
    private void open(String name) throws Unusual {
        for (int i = 0; i < captures.size(); i++) {
            captures.get(i).child(name);
        }
        long classes = classAttr == null ? 0 : Html.classBits(classAttr, CLASSES);
        boolean messageClass = (classes & MESSAGE) != 0;
        boolean quote = (classes & (REPLY | PREVIEW)) != 0;
        boolean message = messageClass && name.equals("div") || "widget_message".equals(id);
        if (depth == names.length) {
            names = java.util.Arrays.copyOf(names, depth * 2);
            flags = java.util.Arrays.copyOf(flags, depth * 2);
        }
        names[depth] = name;
        flags[depth] = (byte) ((messageClass ? 1 : 0) | (quote ? 2 : 0));
        depth++;
        svgDepth += name.equals("svg") ? 1 : 0;
        if (message && messageDepth == 0 && (classes & SERVICE) == 0) {
            Message m = new Message(depth, dataPost == null ? "" : dataPost);
            messages.add(m);
            openMessages.add(m);
        }
        for (int i = 0; i < openMessages.size(); i++) {
            see(openMessages.get(i), name, classes, quoteDepth > 0 || quote);
        }
        messageDepth += messageClass ? 1 : 0;
        quoteDepth += quote ? 1 : 0;
        if ((classes & COUNTER) != 0) {
            Counter c = new Counter(depth);
            counters.add(c);
            openCounters.add(c);
        }
        for (int i = 0; i < openCounters.size(); i++) {
            Counter c = openCounters.get(i);
            if (!c.typeFound && (classes & COUNTER_TYPE) != 0) {
                c.typeFound = true;
                capture(name, false, s -> c.type = s);
            }
            if (!c.valueFound && (classes & COUNTER_VALUE) != 0) {
                c.valueFound = true;
                capture(name, false, s -> c.value = s);
            }
        }
    }

    private void see(Message m, String name, long classes, boolean quoted) {
        if (m.datetime == null && datetime != null && name.equals("time")) {
            m.datetime = datetime;
        }
        if (m.previewDepth > 0 && !m.titleFound && (classes & PREVIEW_TITLE) != 0) {
            m.titleFound = true;
            capture(name, true, s -> m.title = s);
        }
        if (classes == 0) {
            return;
        }
        if (!m.dateFound && (classes & DATE) != 0 && name.equals("a")) {
            m.dateFound = true;
            m.href = href == null ? "" : href;
        }
        if (!m.textFound && !quoted && (classes & TEXT) != 0) {
            m.textFound = true;
            capture(name, true, s -> m.text = s);
        }
        if (m.previewDepth == 0 && (classes & PREVIEW) != 0) {
            m.previewDepth = depth;
            if ((classes & PREVIEW_TITLE) != 0) {
                m.titleFound = true;
                capture(name, true, s -> m.title = s);
            }
        }
        if (!m.ownerFound && (classes & OWNER) != 0) {
            m.ownerFound = true;
            capture(name, false, s -> m.owner = s);
        }
        if (!m.signedFound && (classes & SIGNED) != 0) {
            m.signedFound = true;
            capture(name, false, s -> m.signed = s);
        }
        if (!m.viewsFound && (classes & VIEWS) != 0) {
            m.viewsFound = true;
            capture(name, false, s -> m.views = s);
        }
    }

    /** Starts reading the text of the element just opened, in a buffer a finished capture left. */
    private void capture(String name, boolean lines, java.util.function.Consumer<String> sink) {
        Html.Chars chars = spare.isEmpty() ? new Html.Chars(256) : spare.removeLast();
        chars.length = 0;
        captures.add(new Capture(depth, name, lines, chars, sink));
    }

    /** The innermost open element ends: what the tree walk's tail does. */
    private void close() throws Unusual {
        String name = names[depth - 1];
        for (int i = captures.size() - 1; i >= 0; i--) {
            Capture c = captures.get(i);
            if (c.depth == depth) {
                c.finish();
                captures.remove(i);
                spare.add(c.chars);
            } else {
                c.childEnd(name);
            }
        }
        messageDepth -= flags[depth - 1] & 1;
        quoteDepth -= (flags[depth - 1] & 2) >> 1;
        if (!openMessages.isEmpty() && openMessages.getLast().depth == depth) {
            openMessages.removeLast();
        }
        for (int i = openMessages.size() - 1; i >= 0; i--) {
            Message m = openMessages.get(i);
            m.previewDepth = m.previewDepth == depth ? -1 : m.previewDepth; // -1: the first preview has ended
        }
        if (!openCounters.isEmpty() && openCounters.getLast().depth == depth) {
            openCounters.removeLast();
        }
        formOpen = formOpen && !name.equals("form");
        svgDepth -= name.equals("svg") ? 1 : 0;
        depth--;
    }

    private void text(int from, int to) throws Unusual {
        String text = utf8 == null ? html : segment(from, to);
        int begin = utf8 == null ? from : 0;
        int end = utf8 == null ? to : text.length();
        for (int i = 0; i < captures.size(); i++) {
            if (!Html.appendText(captures.get(i).chars, text, begin, end)) {
                throw UNUSUAL;
            }
        }
    }

    /**
     * Bytes of the page decoded as the whole page would decode them: a segment lies between ASCII characters, where
     * UTF-8 decoding starts afresh, unless a malformed sequence ends it (its replacement could differ; left to jsoup).
     */
    private String segment(int from, int to) throws Unusual {
        String text = new String(utf8, from, to - from, java.nio.charset.StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            throw UNUSUAL;
        }
        return text;
    }

    private boolean inSvg() {
        return svgDepth > 0;
    }

    private int nameEnd(int from) throws Unusual {
        if (from >= n || !isLetter(html.charAt(from))) {
            throw UNUSUAL;
        }
        int k = from;
        while (k < n) {
            char c = html.charAt(k);
            if (isSpace(c) || c == '/' || c == '>') {
                return k;
            }
            if (!(isLetter(c) || c >= '0' && c <= '9' || c == '-')) {
                throw UNUSUAL;
            }
            k++;
        }
        throw UNUSUAL;
    }

    /** The tag name, lower case; the names this reader knows come back as the same constant strings. */
    private String name(int from, int to) {
        int length = to - from;
        if (length < NAMES.length) {
            for (String known : NAMES[length]) {
                if (matches(from, known)) {
                    return known;
                }
            }
        }
        return html.substring(from, to).toLowerCase(java.util.Locale.ROOT);
    }

    /** The names in {@link #ORDINARY}, {@link #VOID}, {@link #SVG} and the transparent ones, by length. */
    private static final String[][] NAMES = names();

    private static String[][] names() {
        List<String> all = new ArrayList<>(ORDINARY);
        all.addAll(VOID);
        all.addAll(SVG);
        all.addAll(List.of("html", "head", "body"));
        String[][] byLength = new String[12][];
        for (int length = 0; length < byLength.length; length++) {
            int l = length;
            byLength[length] = all.stream().filter(s -> s.length() == l).distinct().toArray(String[]::new);
        }
        return byLength;
    }

    /**
     * Whether the text at {@code from} is {@code key} in any case: ASCII only, the key lower case letters, digits and
     * '-' (a character that folds onto '-' is whitespace, which ends names before they are compared).
     */
    private boolean matches(int from, String key) {
        for (int k = 0; k < key.length(); k++) {
            if ((html.charAt(from + k) | 0x20) != key.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private int skipSpace(int k) {
        while (k < n && isSpace(html.charAt(k))) {
            k++;
        }
        return k;
    }

    private static boolean isTransparent(String name) {
        return name.equals("html") || name.equals("head") || name.equals("body");
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** A message being read: its element's depth and the parts found so far. */
    private static final class Message {
        final int depth;
        final String dataPost;
        boolean dateFound;
        boolean textFound;
        boolean titleFound;
        boolean ownerFound;
        boolean signedFound;
        boolean viewsFound;
        /** Depth of the first link preview while it is open, 0 before it, -1 after it. */
        int previewDepth;
        String href = "";
        String text = "";
        String title = "";
        String datetime;
        String owner = "";
        String signed = "";
        String views = "";

        Message(int depth, String dataPost) {
            this.depth = depth;
            this.dataPost = dataPost;
        }

        TelegramConnector.Message message(String baseUrl) {
            String link = href.startsWith("https://") || href.isEmpty() ? href : StringUtil.resolve(baseUrl, href);
            return new TelegramConnector.Message(dataPost, link, text, title, datetime, owner, signed, views);
        }
    }

    /** A channel counter being read. */
    private static final class Counter {
        final int depth;
        boolean typeFound;
        boolean valueFound;
        String type;
        String value;

        Counter(int depth) {
            this.depth = depth;
        }
    }

    /**
     * The text of one element as it is read: {@link Html#text(org.jsoup.nodes.Element)} (lines kept) or jsoup's
     * {@code Element.text().strip()} (whitespace normalised; only inline children, else the page goes to jsoup).
     */
    private static final class Capture {
        final int depth;
        final String name;
        final boolean lines;
        final Html.Chars chars;
        final java.util.function.Consumer<String> sink;
        boolean unusual;

        Capture(int depth, String name, boolean lines, Html.Chars chars, java.util.function.Consumer<String> sink) {
            this.depth = depth;
            this.name = name;
            this.lines = lines;
            this.sink = sink;
            this.chars = chars;
            if (lines && BLOCKS.contains(name)) {
                chars.add('\n');
            }
        }

        void child(String name) throws Unusual {
            if (!lines) {
                if (!INLINE.contains(name)) {
                    throw UNUSUAL;
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

        void finish() throws Unusual {
            if (lines) {
                if (BLOCKS.contains(name)) {
                    chars.add('\n');
                }
                sink.accept(Html.clean(chars.chars, chars.length));
                return;
            }
            String text = normalised();
            if (unusual) {
                throw UNUSUAL;
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
}
