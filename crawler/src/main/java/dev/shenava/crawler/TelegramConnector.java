package dev.shenava.crawler;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Public Telegram channels through their web preview {@code https://t.me/s/<channel>}: text, views, dates, authors;
 * pages back with {@code ?before=} until the newest message already handed on.
 */
final class TelegramConnector implements Connector {

    // selectors compiled once: parsing a query costs as much as running it on a message
    private static final Evaluator MESSAGE = QueryParser.parse("div.tgme_widget_message, #widget_message");
    private static final Evaluator REPLY = QueryParser.parse(".tgme_widget_message_reply");
    private static final Evaluator PREVIEW = QueryParser.parse(".tgme_widget_message_link_preview");
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
        Document doc = Html.parse(page.text(), page.url());
        long subscribers = subscribers(doc);
        List<Post> posts = new ArrayList<>();
        for (Element message : doc.select(MESSAGE)) {
            if (message.hasClass("service_message") || insideMessage(message)) {
                continue;
            }
            Post post = post(source, page, message, subscribers);
            if (post != null) {
                posts.add(post);
            }
        }
        return posts;
    }

    private static boolean insideMessage(Element message) {
        for (Element p = message.parent(); p != null; p = p.parent()) {
            if (p.hasClass("tgme_widget_message")) {
                return true;
            }
        }
        return false;
    }

    /** The parts of a message a post is made of, found in one walk over it instead of one select per part. */
    private static final class Parts {
        Element dateLink;
        Element text;
        Element preview;
        Element time;
        Element owner;
        Element signed;
        Element views;

        static Parts of(Element message) {
            Parts p = new Parts();
            for (Element e : message.getAllElements()) { // document order, the message itself included, as select
                if (p.time == null && e.nameIs("time") && e.hasAttr("datetime")) {
                    p.time = e;
                }
                if (e.className().isEmpty()) {
                    continue;
                }
                if (p.dateLink == null && e.nameIs("a") && e.hasClass("tgme_widget_message_date")) {
                    p.dateLink = e;
                }
                if (p.text == null && e.hasClass("tgme_widget_message_text") && e.closest(REPLY) == null
                        && e.closest(PREVIEW) == null) {
                    p.text = e;
                }
                p.preview = p.preview == null && e.hasClass("tgme_widget_message_link_preview") ? e : p.preview;
                p.owner = p.owner == null && e.hasClass("tgme_widget_message_owner_name") ? e : p.owner;
                p.signed = p.signed == null && e.hasClass("tgme_widget_message_from_author") ? e : p.signed;
                p.views = p.views == null && e.hasClass("tgme_widget_message_views") ? e : p.views;
            }
            return p;
        }
    }

    private static Post post(Source source, Fetched page, Element m, long subscribers) {
        Parts parts = Parts.of(m);
        Element dateLink = parts.dateLink;
        String rawHref = dateLink == null ? "" : dateLink.attr("href");
        String href = rawHref.startsWith("https://") || rawHref.isEmpty() ? rawHref : dateLink.absUrl("href");
        String dataPost = m.attr("data-post");
        if (dataPost.isBlank() && !href.isBlank()) {
            HttpUrl u = HttpUrl.parse(href);
            dataPost = u == null || u.pathSize() < 2 ? "" : u.pathSegments().get(0) + "/" + u.pathSegments().get(1);
        }
        if (dataPost.isBlank()) {
            return null;
        }
        String channel = dataPost.substring(0, dataPost.indexOf('/') < 0 ? dataPost.length() : dataPost.indexOf('/'));
        String text = Html.text(parts.text);
        Element preview = parts.preview;
        String title = preview == null ? "" : Html.text(preview.selectFirst(PREVIEW_TITLE));
        Element time = parts.time;
        Instant published = null;
        if (time != null) {
            try {
                String datetime = time.attr("datetime");
                published = Timestamps.rfc3339(datetime);
                published = published != null ? published : OffsetDateTime.parse(datetime).toInstant();
            } catch (RuntimeException ignored) {
                published = null;
            }
        }
        String owner = textOf(parts.owner);
        String signed = textOf(parts.signed);
        Author author = new Author(channel, signed.isEmpty() ? owner : signed, signed.isEmpty() ? subscribers : -1);
        long views = count(textOf(parts.views));
        String url = href.isBlank() ? "https://t.me/" + dataPost
                : Urls.canonical(href.indexOf('?') < 0 ? href : href.substring(0, href.indexOf('?')));
        return new Post(source.id(), SourceKind.TELEGRAM, dataPost, url, author, title, text, published,
                page.fetchedAt(), new Engagement(0, 0, 0, views));
    }

    private static long subscribers(Document doc) {
        for (Element counter : doc.select(".tgme_channel_info_counter")) {
            if (textOf(counter.selectFirst(".counter_type")).toLowerCase(Locale.ROOT).startsWith("subscriber")) {
                return count(textOf(counter.selectFirst(".counter_value")));
            }
        }
        return -1;
    }

    private static String textOf(Element e) {
        return e == null ? "" : e.text().strip();
    }

    /**
     * Reads an abbreviated count ("37.2K", "1.2M", "845").
     *
     * @param raw the count as shown
     * @return the number, 0 when unreadable
     */
    static long count(String raw) {
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
