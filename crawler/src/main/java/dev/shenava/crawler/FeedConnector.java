package dev.shenava.crawler;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * RSS 0.9x-2.0, Atom and RDF feeds (Google Alerts included: its google.com/url wrappers are unwrapped), read with
 * ROME and, when a feed is too broken for an XML parser, with a lenient tag-soup reader; a plain RSS 2.0 feed is read
 * by {@link Rss2Scanner} in one scan, or by {@link Rss2Reader} (StAX) when the scanner leaves it.
 */
final class FeedConnector implements Connector {

    @Override
    public SourceKind kind() {
        return SourceKind.RSS;
    }

    @Override
    public Harvest poll(Source source, Cursor cursor, CrawlContext context) {
        String url = source.param("url", "");
        Fetched page = context.fetcher().getConditional(url, cursor);
        if (page.status() == CrawlStatus.NOT_MODIFIED) {
            return new Harvest(List.of(), cursor, CrawlStatus.NOT_MODIFIED, "", 1);
        }
        if (!page.fetched()) {
            return Harvest.failed(cursor, page, 1);
        }
        List<Post> posts;
        try {
            posts = parse(source, page);
        } catch (CrawlException e) {
            return new Harvest(List.of(), cursor, CrawlStatus.ERROR, e.getMessage(), 1);
        }
        return fresh(posts, cursor, page);
    }

    static Harvest fresh(List<Post> posts, Cursor cursor, Fetched page) {
        Set<String> seen = new HashSet<>(cursor.seen());
        List<Post> fresh = posts.stream().filter(p -> !seen.contains(p.nativeId())).toList();
        Cursor next = cursor.withSeen(posts.stream().map(Post::nativeId).toList())
                .with("etag", page.header("etag").orElse(null))
                .with("last-modified", page.header("last-modified").orElse(null));
        return new Harvest(fresh, next, CrawlStatus.FETCHED, "", 1);
    }

    @Override
    public List<Post> parse(Source source, Fetched page) {
        return parse(source, page, true);
    }

    /**
     * Reads a feed.
     *
     * @param streaming whether a plain RSS 2.0 feed is read by {@link Rss2Scanner} or {@link Rss2Reader} (false:
     *                  always ROME, the reference both are tested against)
     */
    List<Post> parse(Source source, Fetched page, boolean streaming) {
        if (streaming && StandardCharsets.UTF_8.equals(page.charset())) {
            // a plain UTF-8 RSS 2.0 feed: each body turned into plain text while the scan holds it
            List<Rss2Reader.Entry> scanned = Rss2PlainScanner.readPlainUtf8(page.body());
            if (scanned != null) {
                List<Post> posts = new ArrayList<>(scanned.size());
                for (Rss2Reader.Entry e : scanned) {
                    posts.add(plainPost(source, page, e));
                }
                return posts;
            }
        }
        return parseRaw(source, page, streaming);
    }

    /** {@link #parse(Source, Fetched, boolean)} without the plain-text scan: every body kept raw, then cleaned. */
    List<Post> parseRaw(Source source, Fetched page, boolean streaming) {
        // a plain RSS 2.0 feed is read in one scan (a UTF-8 one straight from its bytes): it holds no C1 character
        // and no DOCTYPE for the repairs below
        String decoded = null;
        List<Rss2Reader.Entry> plain = null;
        if (streaming) {
            boolean utf8 = StandardCharsets.UTF_8.equals(page.charset());
            decoded = utf8 ? null : page.text();
            plain = utf8 ? Rss2Scanner.readUtf8(page.body()) : Rss2Scanner.read(decoded);
        }
        String text = "";
        String xml = "";
        if (plain == null) {
            decoded = decoded != null ? decoded : page.text();
            text = Text.demoronize(decoded);
            if (!Text.hasElement(text)) { // empty, or nothing but comments
                return List.of();
            }
            xml = Text.stripDoctype(text);
            plain = streaming ? Rss2Reader.read(xml) : null;
        }
        if (plain != null) {
            List<Post> posts = new ArrayList<>(plain.size());
            for (Rss2Reader.Entry e : plain) {
                String body = e.content() != null ? e.content() : "";
                body = body.isBlank() && e.description() != null ? e.description() : body;
                posts.add(post(source, page, e.link(), e.title(), body, e.uri(), e.author(), e.published()));
            }
            return posts;
        }
        try {
            return rome(source, page, xml, false); // fast path: well-formed XML
        } catch (Exception | StackOverflowError notWellFormed) {
            try {
                return rome(source, page, xml, true); // HTML entities and stray bytes repaired
            } catch (Exception | StackOverflowError strictParserFailed) {
                List<Post> posts = LenientFeedReader.read(source, page, text);
                if (posts.isEmpty() && !LenientFeedReader.looksLikeFeed(text)) {
                    throw new CrawlException("the answer from " + page.url() + " is not an RSS, Atom or RDF feed ("
                            + strictParserFailed.getMessage() + "); check the source's url");
                }
                return posts;
            }
        }
    }

    private static List<Post> rome(Source source, Fetched page, String xml, boolean heal) throws Exception {
        RomeFeedReader.Read read = RomeFeedReader.read(xml, heal);
        List<SyndEntry> entries = read.feed().getEntries();
        List<Post> posts = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry e = entries.get(i);
            Date published = e.getPublishedDate();
            Date updated = e.getUpdatedDate();
            Instant date = published != null ? published.toInstant() : read.published(i) != null ? read.published(i)
                    : updated != null ? updated.toInstant() : read.updated(i);
            posts.add(post(source, page, e, date));
        }
        return posts;
    }

    private static Post post(Source source, Fetched page, SyndEntry e, Instant date) {
        String body = "";
        for (SyndContent content : e.getContents()) {
            body = content.getValue() == null ? body : content.getValue();
        }
        if (body.isBlank() && e.getDescription() != null) {
            body = e.getDescription().getValue();
        }
        return post(source, page, e.getLink(), e.getTitleEx() != null ? e.getTitleEx().getValue() : e.getTitle(), body,
                e.getUri(), e.getAuthor(), date);
    }

    private static Post post(Source source, Fetched page, String rawLink, String rawTitle, String body, String uri,
                             String author, Instant date) {
        String link = resolve(page.url(), rawLink);
        String title = Html.text(rawTitle);
        String id = uri != null && !uri.isBlank() ? uri.trim() : !link.isEmpty() ? link : ContentHash.of(title, body);
        String authorName = author == null ? "" : author.trim();
        return new Post(source.id(), source.kind(), id, Urls.canonical(link), new Author("", authorName, -1),
                title, Html.text(body), date, page.fetchedAt(), Engagement.NONE);
    }

    /**
     * The post of an entry whose {@code content} is already the plain text of its body (and its title plain text) and
     * which has a guid or a link
     * ({@link Rss2PlainScanner#readPlainUtf8}): what {@link #post(Source, Fetched, String, String, String, String, String,
     * Instant)} gives for the raw entry, with the link checked once for both resolving and the canonical form.
     */
    private static Post plainPost(Source source, Fetched page, Rss2Reader.Entry e) {
        String rawLink = e.link();
        String link;
        String canonical;
        String trimmed = rawLink == null || rawLink.isBlank() ? "" : rawLink.trim();
        String simple = trimmed.isEmpty() ? "" : Urls.simpleCanonical(trimmed);
        if (simple != null) { // absolute, and written as OkHttp writes it: resolving changes nothing
            link = trimmed;
            canonical = simple;
        } else {
            link = resolve(page.url(), rawLink);
            canonical = Urls.canonical(link);
        }
        String uri = e.uri();
        String id = uri != null && !uri.isBlank() ? uri.trim() : link;
        String author = e.author() == null ? "" : e.author().trim();
        return new Post(source.id(), source.kind(), id, canonical, new Author("", author, -1),
                e.title() == null ? "" : e.title(),
                e.content(), e.published(), page.fetchedAt(), Engagement.NONE);
    }

    static String resolve(String base, String link) {
        if (link == null || link.isBlank()) {
            return "";
        }
        if (Urls.unchangedByParse(link.trim())) {
            return link.trim(); // absolute and canonical already: resolving changes nothing
        }
        String unwrapped = Urls.unwrap(link.trim());
        boolean absolute = unwrapped.regionMatches(true, 0, "https://", 0, 8)
                || unwrapped.regionMatches(true, 0, "http://", 0, 7);
        HttpUrl baseUrl = absolute ? null : HttpUrl.parse(base); // an absolute link ignores the base
        HttpUrl resolved = baseUrl == null ? HttpUrl.parse(unwrapped) : baseUrl.resolve(unwrapped);
        return resolved == null ? unwrapped : Urls.unwrap(resolved.toString());
    }

    static Instant date(Date date) {
        return date == null ? null : date.toInstant();
    }

    static List<Post> newestFirst(List<Post> posts) {
        List<Post> sorted = new ArrayList<>(posts);
        sorted.sort((a, b) -> b.publishedAt().compareTo(a.publishedAt()));
        return sorted;
    }
}
