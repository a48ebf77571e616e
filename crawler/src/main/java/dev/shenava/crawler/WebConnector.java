package dev.shenava.crawler;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Web pages and sitemaps: a sitemap (or sitemap index) leads to recent article pages, a page is read as one
 * article; robots.txt is obeyed for every address and its crawl-delay honoured (capped).
 */
final class WebConnector implements Connector {

    /** Sitemap entries older than this are skipped (news sitemaps keep about two days). */
    private static final Duration RECENT = Duration.ofDays(2);

    @Override
    public SourceKind kind() {
        return SourceKind.WEB;
    }

    @Override
    public Harvest poll(Source source, Cursor cursor, CrawlContext context) {
        String url = source.param("url", "");
        if (!context.robots().allowed(url)) {
            return new Harvest(List.of(), cursor, CrawlStatus.DISALLOWED, "robots.txt of " + URI.create(url).getHost()
                    + " disallows " + url + " for our user agent; choose another page or the site's feed", 1);
        }
        Fetched first = context.fetcher().getConditional(url, cursor);
        if (first.status() == CrawlStatus.NOT_MODIFIED) {
            return new Harvest(List.of(), cursor, CrawlStatus.NOT_MODIFIED, "", 1);
        }
        if (!first.fetched()) {
            return Harvest.failed(cursor, first, 1);
        }
        Cursor validators = cursor.with("etag", first.header("etag").orElse(null))
                .with("last-modified", first.header("last-modified").orElse(null));
        if (!isSitemap(first)) {
            List<Post> posts = parse(source, first);
            Set<String> seen = new HashSet<>(cursor.seen());
            List<String> hashes = posts.stream().map(p -> ContentHash.of(p.title(), p.text())).toList();
            List<Post> fresh = posts.stream().filter(p -> !seen.contains(ContentHash.of(p.title(), p.text()))).toList();
            return new Harvest(fresh, validators.withSeen(hashes), CrawlStatus.FETCHED, "", 1);
        }
        return crawlSitemap(source, validators, context, first);
    }

    private Harvest crawlSitemap(Source source, Cursor cursor, CrawlContext context, Fetched sitemap) {
        Set<String> seen = new HashSet<>(cursor.seen());
        List<String> pages = new ArrayList<>();
        int requests = 1;
        try {
            List<SiteMapURL> urls = new ArrayList<>();
            AbstractSiteMap parsed = new SiteMapParser(false).parseSiteMap(sitemap.body(), URI.create(sitemap.url()).toURL());
            if (parsed instanceof SiteMapIndex index) {
                for (AbstractSiteMap child : index.getSitemaps().stream().limit(3).toList()) {
                    Fetched answer = context.fetcher().get(child.getUrl().toString(), Map.of());
                    requests++;
                    if (answer.fetched()) {
                        AbstractSiteMap sub = new SiteMapParser(false).parseSiteMap(answer.body(), child.getUrl());
                        if (sub instanceof SiteMap map) {
                            urls.addAll(map.getSiteMapUrls());
                        }
                    }
                }
            } else if (parsed instanceof SiteMap map) {
                urls.addAll(map.getSiteMapUrls());
            }
            Instant cutoff = Instant.now().minus(RECENT);
            urls.stream()
                    .filter(u -> u.getLastModified() == null || u.getLastModified().toInstant().isAfter(cutoff))
                    .sorted(Comparator.comparing((SiteMapURL u) -> u.getLastModified() == null ? Instant.EPOCH
                            : u.getLastModified().toInstant()).reversed())
                    .map(u -> Urls.canonical(u.getUrl().toString()))
                    .filter(u -> !seen.contains(u))
                    .limit(context.maxPages())
                    .forEach(pages::add);
        } catch (Exception e) {
            return new Harvest(List.of(), cursor, CrawlStatus.ERROR, "unreadable sitemap at " + sitemap.url()
                    + ": " + e.getMessage(), requests);
        }
        List<Post> posts = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (String page : pages) {
            if (!context.robots().allowed(page)) {
                done.add(page); // never ask again
                continue;
            }
            Fetched answer = context.fetcher().get(page, Map.of());
            requests++;
            if (answer.fetched()) {
                posts.addAll(parse(source, answer));
                done.add(page);
            } else if (answer.code() >= 400 && answer.code() < 500) {
                done.add(page);
            }
        }
        return new Harvest(posts, cursor.withSeen(done), CrawlStatus.FETCHED, "", requests);
    }

    private static boolean isSitemap(Fetched page) {
        String type = page.header("content-type").orElse("").toLowerCase(Locale.ROOT);
        String head = new String(page.body(), 0, Math.min(page.body().length, 1024), page.charset());
        return (type.contains("xml") || head.stripLeading().startsWith("<?xml") || page.url().endsWith(".xml"))
                && (head.contains("<urlset") || head.contains("<sitemapindex"));
    }

    @Override
    public List<Post> parse(Source source, Fetched page) {
        ArticleExtractor.Article article = ArticleExtractor.extract(Html.parse(page.text(), page.url()), page.url());
        if (article.text().isBlank() && article.title().isBlank()) {
            return List.of();
        }
        return List.of(new Post(source.id(), SourceKind.WEB, article.url(), article.url(),
                new Author("", article.author(), -1), article.title(), article.text(), article.published(),
                page.fetchedAt(), Engagement.NONE));
    }
}
