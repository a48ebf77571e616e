package dev.shenava.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Apple App Store customer reviews per storefront (the legacy customerreviews JSON feed): pages 1 to 10 of the
 * most recent reviews, stopping at an empty page, at the plain-text "page depth is limited to 10" answer, or at
 * reviews already handed on.
 */
final class AppStoreConnector implements Connector {

    /** Apple serves no more than ten pages per storefront. */
    static final int PAGE_LIMIT = 10;

    @Override
    public SourceKind kind() {
        return SourceKind.APPSTORE;
    }

    @Override
    public Harvest poll(Source source, Cursor cursor, CrawlContext context) {
        Set<String> seen = new HashSet<>(cursor.seen());
        List<Post> collected = new ArrayList<>();
        int requests = 0;
        String appId = source.param("appId", "").replaceFirst("^id", "");
        for (String country : source.param("country", "us").split(",")) {
            String cc = country.strip().toLowerCase(java.util.Locale.ROOT);
            for (int page = 1; page <= Math.min(PAGE_LIMIT, context.maxPages()) && !cc.isEmpty(); page++) {
                Fetched answer = context.fetcher().get(url(source, cc, appId, page), Map.of());
                requests++;
                if (!answer.fetched()) {
                    return Harvest.failed(cursor, answer, requests);
                }
                List<Post> posts;
                try {
                    posts = parse(source, answer);
                } catch (CrawlException e) {
                    return new Harvest(List.of(), cursor, CrawlStatus.ERROR, e.getMessage(), requests);
                }
                boolean reached = false;
                for (Post p : posts) {
                    reached |= seen.contains(p.nativeId());
                    if (!seen.contains(p.nativeId())) {
                        collected.add(p);
                    }
                }
                if (posts.isEmpty() || reached) {
                    break;
                }
            }
        }
        return new Harvest(collected, cursor.withSeen(collected.stream().map(Post::nativeId).toList()),
                CrawlStatus.FETCHED, "", requests);
    }

    private static String url(Source source, String country, String appId, int page) {
        return HttpUrl.parse(source.param("base-url", "https://itunes.apple.com")).newBuilder()
                .addPathSegment(country).addPathSegments("rss/customerreviews")
                .addPathSegment("page=" + page).addPathSegment("id=" + appId)
                .addPathSegment("sortby=mostrecent").addPathSegment("json").build().toString();
    }

    /**
     * Parses one page; the plain-text answer past page 10 and a feed without entries both give no posts.
     */
    @Override
    public List<Post> parse(Source source, Fetched page) {
        String text = page.text().strip();
        if (text.isEmpty() || text.startsWith("CustomerReviews RSS page depth is limited")
                || !text.startsWith("{") && !text.startsWith("[")) {
            return List.of();
        }
        JsonNode feed = Json.read(page).path("feed");
        JsonNode entries = feed.path("entry");
        List<JsonNode> list = new ArrayList<>();
        if (entries.isArray()) {
            entries.forEach(list::add);
        } else if (entries.isObject()) {
            list.add(entries);
        }
        List<Post> posts = new ArrayList<>();
        for (JsonNode e : list) {
            String id = label(e.path("id"));
            if (id.isEmpty() || !e.has("im:rating")) {
                continue; // the app's own metadata entry on old feeds
            }
            String rating = label(e.path("im:rating"));
            JsonNode link = e.path("link");
            String href = link.isArray() ? Json.text(link.path(0).path("attributes"), "href")
                    : Json.text(link.path("attributes"), "href");
            String title = label(e.path("title"));
            String body = label(e.path("content"));
            posts.add(new Post(source.id(), SourceKind.APPSTORE, id, Urls.canonical(href),
                    new Author(label(e.path("author").path("uri")), label(e.path("author").path("name")), -1),
                    rating.isEmpty() ? title : title + " (" + rating + "/5)", body,
                    Json.instant(label(e.path("updated"))), page.fetchedAt(),
                    new Engagement(Math.max(0, e.path("im:voteSum").path("label").asLong(0)), 0, 0, 0)));
        }
        return posts;
    }

    private static String label(JsonNode node) {
        return node.isTextual() ? node.asText() : Json.text(node, "label");
    }
}
