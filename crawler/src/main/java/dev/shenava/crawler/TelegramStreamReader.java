package dev.shenava.crawler;

import static dev.shenava.crawler.TelegramClasses.MESSAGE;
import static dev.shenava.crawler.TelegramClasses.REPLY;
import static dev.shenava.crawler.TelegramClasses.PREVIEW;
import static dev.shenava.crawler.TelegramClasses.SERVICE;
import static dev.shenava.crawler.TelegramClasses.COUNTER;
import static dev.shenava.crawler.TelegramClasses.DATE;
import static dev.shenava.crawler.TelegramClasses.TEXT;
import static dev.shenava.crawler.TelegramClasses.OWNER;
import static dev.shenava.crawler.TelegramClasses.SIGNED;
import static dev.shenava.crawler.TelegramClasses.VIEWS;
import static dev.shenava.crawler.TelegramClasses.PREVIEW_TITLE;
import static dev.shenava.crawler.TelegramClasses.COUNTER_TYPE;
import static dev.shenava.crawler.TelegramClasses.COUNTER_VALUE;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a t.me/s page in one pass over its text, without building jsoup's tree, giving exactly the messages the tree
 * walk in {@link TelegramConnector} gives. {@link PlainHtmlScanner} reads the markup, which must nest plainly, and
 * this reader walks the elements it reports as the tree walk does; markup the scanner leaves to jsoup, or a
 * {@code <base href>}, makes it answer null and the page goes to jsoup.
 */
final class TelegramStreamReader implements PlainHtmlScanner.Listener {


    /** The attributes the walk reads, and their indexes for {@link PlainHtmlScanner#attribute(int)}. */
    private static final String[] ATTRIBUTES = {"class", "id", "href", "data-post", "datetime"};
    private static final int CLASS = 0;
    private static final int ID = 1;
    private static final int HREF = 2;
    private static final int DATA_POST = 3;
    private static final int DATETIME = 4;

    /**
     * A page read.
     *
     * @param messages the messages, in document order
     * @param counters the channel counters, each {type, value}
     */
    record Page(List<TelegramConnector.Message> messages, List<String[]> counters) {
    }

    private final PlainHtmlScanner scanner;
    /** Per open element whether it has the message class (1) and is a quote (2). */
    private byte[] flags = new byte[64];
    private int messageDepth;
    private int quoteDepth;
    private final List<TelegramMessageParts> messages = new ArrayList<>();
    private final List<TelegramMessageParts> openMessages = new ArrayList<>(2);
    private final List<Counter> counters = new ArrayList<>();
    private final List<Counter> openCounters = new ArrayList<>(1);
    private final List<TextCapture> captures = new ArrayList<>(4);
    private final List<Html.Chars> spare = new ArrayList<>(4);
    private final Html.Chars scratch = new Html.Chars(256);

    private TelegramStreamReader(PlainHtmlScanner scanner) {
        this.scanner = scanner;
    }

    /**
     * Reads a page in UTF-8 straight from its bytes: the markup is read as ASCII, only the text a post keeps is
     * decoded.
     *
     * @param body    the page's bytes, UTF-8
     * @param baseUrl its address, for relative links
     * @return what the tree walk over the decoded page would find, or null as for {@link #read(String, String)}
     */
    static Page read(byte[] body, String baseUrl) {
        return read(body, Charsets.utf8BomLength(body), baseUrl);
    }

    /**
     * Reads a page, encoded in UTF-8 for the scan (strictly: an unpaired surrogate leaves the page to jsoup).
     *
     * @param html    the page
     * @param baseUrl its address, for relative links
     * @return what the tree walk would find, or null when the page holds markup this reader leaves to jsoup
     */
    static Page read(String html, String baseUrl) {
        try {
            ByteBuffer utf8 = StandardCharsets.UTF_8.newEncoder()
                    .encode(CharBuffer.wrap(html));
            byte[] bytes = new byte[utf8.remaining()];
            utf8.get(bytes);
            return read(bytes, 0, baseUrl);
        } catch (CharacterCodingException unpaired) {
            return null;
        }
    }

    private static Page read(byte[] utf8, int start, String baseUrl) {
        PlainHtmlScanner scanner = new PlainHtmlScanner(utf8, start, ATTRIBUTES);
        TelegramStreamReader reader = new TelegramStreamReader(scanner);
        try {
            scanner.scan(reader);
            return reader.page(baseUrl);
        } catch (PlainHtmlScanner.Unusual | RuntimeException unusual) {
            return null; // jsoup reads it, and words any problem
        }
    }

    private Page page(String baseUrl) {
        List<TelegramConnector.Message> read = new ArrayList<>(messages.size());
        for (TelegramMessageParts m : messages) {
            read.add(m.message(baseUrl));
        }
        List<String[]> found = new ArrayList<>(counters.size());
        for (Counter c : counters) {
            found.add(new String[] {c.type == null ? "" : c.type, c.value == null ? "" : c.value});
        }
        return new Page(read, found);
    }

    @Override
    public void transparent() throws PlainHtmlScanner.Unusual {
        if ("widget_message".equals(scanner.attribute(ID)) || scanner.classBits(CLASS, TelegramClasses.NAMES) != 0) {
            throw PlainHtmlScanner.UNUSUAL;
        }
    }

    /** An element starts: what the tree walk's head does. */
    @Override
    public void start(String name, int depth) throws PlainHtmlScanner.Unusual {
        int kind = scanner.kind(depth);
        if ((kind & TagNames.BASE_TAG) != 0 && scanner.has(HREF)) {
            throw PlainHtmlScanner.UNUSUAL; // changes the base of every link
        }
        for (int i = 0; i < captures.size(); i++) {
            captures.get(i).child(kind);
        }
        long classes = scanner.classBits(CLASS, TelegramClasses.NAMES);
        boolean messageClass = (classes & MESSAGE) != 0;
        boolean quote = (classes & (REPLY | PREVIEW)) != 0;
        if (depth > flags.length) {
            flags = Arrays.copyOf(flags, flags.length * 2);
        }
        flags[depth - 1] = (byte) ((messageClass ? 1 : 0) | (quote ? 2 : 0));
        startMessages(kind, depth, classes, messageClass, quote);
        if (classes != 0 || !openCounters.isEmpty()) {
            startCounters(depth, classes);
        }
    }

    private void startMessages(int kind, int depth, long classes, boolean messageClass, boolean quote)
            throws PlainHtmlScanner.Unusual {
        boolean message = messageClass && (kind & TagNames.DIV_TAG) != 0
                || scanner.has(ID) && "widget_message".equals(scanner.attribute(ID));
        if (message && messageDepth == 0 && (classes & SERVICE) == 0) {
            String dataPost = scanner.attribute(DATA_POST);
            TelegramMessageParts m = new TelegramMessageParts(depth, dataPost == null ? "" : dataPost);
            messages.add(m);
            openMessages.add(m);
        }
        for (int i = 0; i < openMessages.size(); i++) {
            see(openMessages.get(i), kind, depth, classes, quoteDepth > 0 || quote);
        }
        messageDepth += messageClass ? 1 : 0;
        quoteDepth += quote ? 1 : 0;
    }

    private void startCounters(int depth, long classes) {
        if ((classes & COUNTER) != 0) {
            Counter c = new Counter(depth);
            counters.add(c);
            openCounters.add(c);
        }
        for (int i = 0; i < openCounters.size(); i++) {
            Counter c = openCounters.get(i);
            if (!c.typeFound && (classes & COUNTER_TYPE) != 0) {
                c.typeFound = true;
                capture(depth, false, s -> c.type = s);
            }
            if (!c.valueFound && (classes & COUNTER_VALUE) != 0) {
                c.valueFound = true;
                capture(depth, false, s -> c.value = s);
            }
        }
    }

    private void see(TelegramMessageParts m, int kind, int depth, long classes, boolean quoted)
            throws PlainHtmlScanner.Unusual {
        if (scanner.has(DATETIME)) {
            String datetime = scanner.attribute(DATETIME); // read (and checked) wherever it is, as before
            if (m.datetime == null && (kind & TagNames.TIME_TAG) != 0) {
                m.datetime = datetime;
            }
        }
        if (m.previewDepth > 0 && !m.titleFound && (classes & PREVIEW_TITLE) != 0) {
            m.titleFound = true;
            capture(depth, true, s -> m.title = s);
        }
        if (classes == 0) {
            return;
        }
        if (!m.dateFound && (classes & DATE) != 0 && (kind & TagNames.LINK_TAG) != 0) {
            m.dateFound = true;
            String href = scanner.attribute(HREF);
            m.href = href == null ? "" : href;
        }
        if (!m.textFound && !quoted && (classes & TEXT) != 0) {
            m.textFound = true;
            capture(depth, true, s -> m.text = s);
        }
        seeParts(m, depth, classes);
    }

    private void seeParts(TelegramMessageParts m, int depth, long classes) {
        if (m.previewDepth == 0 && (classes & PREVIEW) != 0) {
            m.previewDepth = depth;
            if ((classes & PREVIEW_TITLE) != 0) {
                m.titleFound = true;
                capture(depth, true, s -> m.title = s);
            }
        }
        if (!m.ownerFound && (classes & OWNER) != 0) {
            m.ownerFound = true;
            capture(depth, false, s -> m.owner = s);
        }
        if (!m.signedFound && (classes & SIGNED) != 0) {
            m.signedFound = true;
            capture(depth, false, s -> m.signed = s);
        }
        if (!m.viewsFound && (classes & VIEWS) != 0) {
            m.viewsFound = true;
            capture(depth, false, s -> m.views = s);
        }
    }

    /** Starts reading the text of the element just opened, in a buffer a finished capture left. */
    private void capture(int depth, boolean lines, Consumer<String> sink) {
        Html.Chars chars = spare.isEmpty() ? new Html.Chars(256) : spare.removeLast();
        chars.length = 0;
        captures.add(new TextCapture(depth, lines, chars, sink));
    }

    /** The innermost open element ends: what the tree walk's tail does. */
    @Override
    public void end(String name, int depth) throws PlainHtmlScanner.Unusual {
        int kind = scanner.kind(depth);
        for (int i = captures.size() - 1; i >= 0; i--) {
            TextCapture c = captures.get(i);
            if (c.depth == depth) {
                c.finish();
                captures.remove(i);
                spare.add(c.chars);
            } else {
                c.childEnd(kind);
            }
        }
        messageDepth -= flags[depth - 1] & 1;
        quoteDepth -= (flags[depth - 1] & 2) >> 1;
        if (!openMessages.isEmpty() && openMessages.getLast().depth == depth) {
            openMessages.removeLast();
        }
        for (int i = openMessages.size() - 1; i >= 0; i--) {
            TelegramMessageParts m = openMessages.get(i);
            m.previewDepth = m.previewDepth == depth ? -1 : m.previewDepth; // -1: the first preview has ended
        }
        if (!openCounters.isEmpty() && openCounters.getLast().depth == depth) {
            openCounters.removeLast();
        }
    }

    @Override
    public boolean wantsText() {
        return !captures.isEmpty();
    }

    /** Text up to markup, read by the one capture there usually is when it keeps lines: decoded into its buffer. */
    @Override
    public int plainTextUpToMarkup(byte[] utf8, int from, int to) throws PlainHtmlScanner.Unusual {
        if (captures.size() != 1) {
            return -1;
        }
        int stop = captures.getFirst().utf8UpToMarkup(utf8, from, to);
        if (stop == -2) {
            throw PlainHtmlScanner.UNUSUAL; // malformed: the decoder's replacement could differ from a segment's
        }
        return stop;
    }

    /** Text with no reference, read by the one capture there usually is: decoded straight into its buffer. */
    @Override
    public boolean plainText(byte[] utf8, int from, int to) throws PlainHtmlScanner.Unusual {
        if (captures.size() != 1) {
            return false;
        }
        if (!captures.getFirst().utf8(utf8, from, to)) {
            throw PlainHtmlScanner.UNUSUAL; // malformed: the decoder's replacement could differ from a segment's
        }
        return true;
    }

    @Override
    public void text(char[] text, int begin, int end) throws PlainHtmlScanner.Unusual {
        for (int i = 0; i < captures.size(); i++) {
            if (!captures.get(i).text(text, begin, end, scratch)) {
                throw PlainHtmlScanner.UNUSUAL;
            }
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
}
