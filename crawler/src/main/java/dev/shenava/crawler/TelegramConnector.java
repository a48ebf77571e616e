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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * Public Telegram channels through their web preview {@code https://t.me/s/<channel>}: text, views, dates, authors;
 * pages back with {@code ?before=} until the newest message already handed on.
 */
final class TelegramConnector implements Connector {

    // selectors compiled once: parsing a query costs as much as running it on a message
    private static final Evaluator PREVIEW_TITLE = QueryParser.parse(".link_preview_title");

    @Override
    public SourceKind kind() {
        return SourceKind.TELEGRAM;
    }

    @Override
    public Harvest poll(Source source, Cursor cursor, CrawlContext context) {
        String channel = Source.channelName(source.param("channel", ""));
        long newest = cursor.value("newest").map(Long::parseLong).orElse(0L);
        List<Post> collected = new ArrayList<>();
        long before = 0;
        int requests = 0;
        long maxSeen = newest;
        while (requests < context.maxPages()) {
            Fetched page = context.fetcher().get(pageUrl(source, channel, before), Map.of());
            requests++;
            if (!page.fetched()) {
                return Harvest.failed(cursor, page, requests);
            }
            List<Post> posts = parse(source, page);
            long oldestOnPage = Long.MAX_VALUE;
            for (Post p : posts) {
                long id = messageId(p.nativeId());
                oldestOnPage = Math.min(oldestOnPage, id);
                maxSeen = Math.max(maxSeen, id);
                if (id > newest) {
                    collected.add(p);
                }
            }
            boolean reachedCursor = posts.isEmpty() || oldestOnPage <= newest + 1 || newest == 0;
            if (reachedCursor || oldestOnPage <= 1) {
                break;
            }
            before = oldestOnPage;
        }
        Cursor next = cursor.with("newest", Long.toString(maxSeen));
        return new Harvest(FeedConnector.newestFirst(collected), next, CrawlStatus.FETCHED, "", requests);
    }

    private static String pageUrl(Source source, String channel, long before) {
        HttpUrl base = HttpUrl.parse(source.param("base-url", "https://t.me"));
        HttpUrl.Builder url = base.newBuilder().addPathSegment("s").addPathSegment(channel);
        source.param("query").ifPresent(q -> url.addQueryParameter("q", q));
        if (before > 0) {
            url.addQueryParameter("before", Long.toString(before));
        }
        return url.build().toString();
    }

    static long messageId(String nativeId) {
        try {
            return Long.parseLong(nativeId.substring(nativeId.lastIndexOf('/') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public List<Post> parse(Source source, Fetched page) {
        TelegramStreamReader.Page read = StandardCharsets.UTF_8.equals(page.charset())
                ? TelegramStreamReader.read(page.body(), page.url())
                : TelegramStreamReader.read(page.text(), page.url());
        if (read == null) { // markup the stream reader leaves to jsoup's tree
            return parse(source, page, page.text());
        }
        return posts(source, page, read.messages(), read.counters());
    }

    /** The page read through jsoup's tree: the reference the stream reader is tested against. */
    List<Post> parse(Source source, Fetched page, String html) {
        Walk walk = walk(Html.parse(html, page.url()));
        List<Message> messages = new ArrayList<>(walk.messages.size());
        for (Parts parts : walk.messages) {
            messages.add(parts.message());
        }
        List<String[]> counters = new ArrayList<>(walk.counters.size());
        for (Element counter : walk.counters) {
            counters.add(new String[] {textOf(counter.selectFirst(".counter_type")),
                textOf(counter.selectFirst(".counter_value"))});
        }
        return posts(source, page, messages, counters);
    }

    private static List<Post> posts(Source source, Fetched page, List<Message> messages, List<String[]> counters) {
        long subscribers = subscribers(counters);
        List<Post> posts = new ArrayList<>(messages.size());
        for (Message message : messages) {
            Post post = post(source, page, message, subscribers);
            if (post != null) {
                posts.add(post);
            }
        }
        return posts;
    }

    /**
     * What a post is made of, read from a message element.
     *
     * @param dataPost its {@code data-post} attribute
     * @param href     the date link's address, absolute
     * @param text     the message text ({@link Html#text}), lines kept
     * @param title    the link preview's title
     * @param datetime the first {@code time} element's {@code datetime}, null when none
     * @param owner    the channel name shown
     * @param signed   the author signature
     * @param views    the view count as shown
     */
    record Message(String dataPost, String href, String text, String title, String datetime, String owner,
                   String signed, String views) {
    }

    /**
     * One walk over the page instead of a select per part: finds the messages ({@code div.tgme_widget_message} or
     * {@code #widget_message}, in document order, skipping service messages and messages inside another message),
     * the parts of each message in the message's own subtree, and the channel's counters.
     */
    static Walk walk(Document doc) {
        Walk walk = new Walk();
        NodeTraversor.traverse(walk, doc);
        return walk;
    }

    static final class Walk implements NodeVisitor {
        final List<Parts> messages = new ArrayList<>();
        final List<Element> counters = new ArrayList<>();
        /** The messages whose subtree the walk is in, innermost last. */
        private final List<Parts> open = new ArrayList<>(2);
        /** Open elements with the class tgme_widget_message: a message inside one is part of it, not a post. */
        private int messageDepth;
        /** Open reply quotes and link previews: a message text inside one is not the message's own. */
        private int quoteDepth;

        /** Per open element, by depth: whether it has the message class, whether it is a quote. */
        private byte[] flags = new byte[64];

        @Override
        public void head(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            // the class attribute looked up and scanned once per element, not once per class asked about
            long classes = e.attributesSize() == 0 ? 0
                    : Html.classBits(e.attributes().getIgnoreCase("class"), TelegramClasses.NAMES);
            boolean messageClass = (classes & MESSAGE) != 0;
            boolean quote = (classes & (REPLY | PREVIEW)) != 0;
            boolean message = messageClass && e.nameIs("div")
                    || e.attributesSize() > 0 && "widget_message".equals(e.attributes().getIgnoreCase("id"));
            if (message && messageDepth == 0 && (classes & SERVICE) == 0) {
                Parts parts = new Parts(e);
                messages.add(parts);
                open.add(parts);
            }
            for (int i = 0; i < open.size(); i++) {
                open.get(i).see(e, classes, quoteDepth > 0 || quote);
            }
            messageDepth += messageClass ? 1 : 0;
            quoteDepth += quote ? 1 : 0;
            if ((classes & COUNTER) != 0) {
                counters.add(e);
            }
            if (depth >= flags.length) {
                flags = java.util.Arrays.copyOf(flags, depth * 2);
            }
            flags[depth] = (byte) ((messageClass ? 1 : 0) | (quote ? 2 : 0));
        }

        @Override
        public void tail(Node node, int depth) {
            if (!(node instanceof Element e)) {
                return;
            }
            messageDepth -= flags[depth] & 1;
            quoteDepth -= (flags[depth] & 2) >> 1;
            if (!open.isEmpty() && open.getLast().message == e) {
                open.removeLast();
            }
        }
    }

    /** The parts of a message a post is made of, each the first in document order (the message itself included). */
    static final class Parts {
        final Element message;
        Element dateLink;
        Element text;
        Element preview;
        Element time;
        Element owner;
        Element signed;
        Element views;

        Parts(Element message) {
            this.message = message;
        }

        Message message() {
            String rawHref = dateLink == null ? "" : dateLink.attr("href");
            String href = rawHref.startsWith("https://") || rawHref.isEmpty() ? rawHref : dateLink.absUrl("href");
            String title = preview == null ? "" : Html.text(preview.selectFirst(PREVIEW_TITLE));
            return new Message(message.attr("data-post"), href, Html.text(text), title,
                    time == null ? null : time.attr("datetime"), textOf(owner), textOf(signed), textOf(views));
        }

        void see(Element e, long classes, boolean quoted) {
            if (time == null && e.nameIs("time") && e.hasAttr("datetime")) {
                time = e;
            }
            if (classes == 0) {
                return;
            }
            if (dateLink == null && (classes & DATE) != 0 && e.nameIs("a")) {
                dateLink = e;
            }
            if (text == null && !quoted && (classes & TEXT) != 0) {
                text = e;
            }
            preview = preview == null && (classes & PREVIEW) != 0 ? e : preview;
            owner = owner == null && (classes & OWNER) != 0 ? e : owner;
            signed = signed == null && (classes & SIGNED) != 0 ? e : signed;
            views = views == null && (classes & VIEWS) != 0 ? e : views;
        }
    }

    private static Post post(Source source, Fetched page, Message m, long subscribers) {
        String href = m.href();
        String dataPost = m.dataPost();
        if (dataPost.isBlank() && !href.isBlank()) {
            HttpUrl u = HttpUrl.parse(href);
            dataPost = u == null || u.pathSize() < 2 ? "" : u.pathSegments().get(0) + "/" + u.pathSegments().get(1);
        }
        if (dataPost.isBlank()) {
            return null;
        }
        String channel = dataPost.substring(0, dataPost.indexOf('/') < 0 ? dataPost.length() : dataPost.indexOf('/'));
        Instant published = null;
        if (m.datetime() != null) {
            try {
                published = TelegramDates.rfc3339(m.datetime());
                published = published != null ? published : OffsetDateTime.parse(m.datetime()).toInstant();
            } catch (RuntimeException ignored) {
                published = null;
            }
        }
        String signed = m.signed();
        Author author = new Author(channel, signed.isEmpty() ? m.owner() : signed, signed.isEmpty() ? subscribers : -1);
        long views = count(m.views());
        String url = href.isBlank() ? "https://t.me/" + dataPost
                : Urls.canonical(href.indexOf('?') < 0 ? href : href.substring(0, href.indexOf('?')));
        return new Post(source.id(), SourceKind.TELEGRAM, dataPost, url, author, m.title(), m.text(), published,
                page.fetchedAt(), new Engagement(0, 0, 0, views));
    }

    private static long subscribers(List<String[]> counters) {
        for (String[] counter : counters) {
            if (counter[0].toLowerCase(Locale.ROOT).startsWith("subscriber")) {
                return count(counter[1]);
            }
        }
        return -1;
    }

    private static String textOf(Element e) {
        return e == null ? "" : e.text().strip();
    }

    /**
     * A count of digits with at most one dot, {@code raw[0, end)}, times ten to {@code exponent}, read as integers when
     * the product is a whole number of at most 15 digits (then the double reading rounds to the same number); else -1.
     */
    private static long exactCount(String raw, int end, int exponent) {
        long value = 0;
        int digits = 0;
        int fraction = -1; // digits after the dot, -1 before one
        for (int i = 0; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '.') {
                if (fraction >= 0) {
                    return -1;
                }
                fraction = 0;
            } else {
                value = value * 10 + (c - '0');
                digits++;
                fraction += fraction >= 0 ? 1 : 0;
            }
        }
        int scale = exponent - Math.max(fraction, 0);
        if (digits == 0 || scale < 0 || digits + scale > 15) {
            return -1;
        }
        for (int k = 0; k < scale; k++) {
            value *= 10;
        }
        return value;
    }

    /**
     * Reads an abbreviated count ("37.2K", "1.2M", "845").
     *
     * @param raw the count as shown
     * @return the number, 0 when unreadable
     */
    static long count(String raw) {
        int n = raw.length();
        boolean plain = n > 0; // digits and dots, then perhaps a suffix: what t.me writes ("845", "37.2K")
        for (int i = 0; plain && i < n; i++) {
            char c = raw.charAt(i);
            plain = c >= '0' && c <= '9' || c == '.' || i == n - 1 && "KMBkmb".indexOf(c) >= 0;
        }
        if (plain) {
            char last = raw.charAt(n - 1);
            double factor = last == 'K' || last == 'k' ? 1e3 : last == 'M' || last == 'm' ? 1e6
                    : last == 'B' || last == 'b' ? 1e9 : 1;
            long exact = exactCount(raw, factor == 1 ? n : n - 1, factor == 1 ? 0 : factor == 1e3 ? 3 : factor == 1e6
                    ? 6 : 9);
            if (exact >= 0) {
                return exact;
            }
            try {
                return Math.round(Double.parseDouble(factor == 1 ? raw : raw.substring(0, n - 1)) * factor);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        String s = raw.replace(",", "").replace(" ", "").toUpperCase(Locale.ROOT);
        if (s.isEmpty()) {
            return 0;
        }
        double factor = switch (s.charAt(s.length() - 1)) {
            case 'K' -> 1e3;
            case 'M' -> 1e6;
            case 'B' -> 1e9;
            default -> 1;
        };
        String digits = factor == 1 ? s : s.substring(0, s.length() - 1);
        try {
            return Math.round(Double.parseDouble(digits) * factor);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
