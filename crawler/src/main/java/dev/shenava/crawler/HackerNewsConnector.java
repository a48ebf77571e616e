package dev.shenava.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * Hacker News stories and comments through Algolia's {@code search_by_date}, newest first, with a
 * {@code created_at_i} high-water mark as the cursor.
 */
final class HackerNewsConnector implements Connector {

    @Override
    public SourceKind kind() {
        return SourceKind.HACKERNEWS;
    }

    @Override
    public Harvest poll(Source source, Cursor cursor, CrawlContext context) {
        long since = cursor.value("created-at-i").map(Long::parseLong).orElse(0L);
        List<Post> collected = new ArrayList<>();
        long newest = since;
        int requests = 0;
        for (int page = 0; page < context.maxPages(); page++) {
            HttpUrl.Builder url = HttpUrl.parse(source.param("base-url", "https://hn.algolia.com"))
                    .newBuilder().addPathSegments("api/v1/search_by_date")
                    .addQueryParameter("query", source.param("query", ""))
                    .addQueryParameter("tags", source.param("tags", "(story,comment)"))
                    .addQueryParameter("hitsPerPage", since == 0 ? "50" : "200")
                    .addQueryParameter("page", Integer.toString(page));
            if (since > 0) {
                url.addQueryParameter("numericFilters", "created_at_i>" + since);
            }
            Fetched answer = context.fetcher().get(url.build().toString(), Map.of());
            requests++;
            if (!answer.fetched()) {
                return Harvest.failed(cursor, answer, requests);
            }
            JsonNode root;
            try {
                root = Json.read(answer);
            } catch (CrawlException e) {
                return new Harvest(List.of(), cursor, CrawlStatus.ERROR, e.getMessage(), requests);
            }
            for (JsonNode hit : root.path("hits")) {
                newest = Math.max(newest, hit.path("created_at_i").asLong(0));
            }
            collected.addAll(posts(source, answer, root));
            boolean last = page + 1 >= root.path("nbPages").asInt(0) || root.path("hits").isEmpty();
            if (last || since == 0) {
                break;
            }
        }
        return new Harvest(collected, cursor.with("created-at-i", Long.toString(newest)), CrawlStatus.FETCHED, "",
                requests);
    }

    @Override
    public List<Post> parse(Source source, Fetched page) {
        return posts(source, page, Json.read(page));
    }

    private static List<Post> posts(Source source, Fetched page, JsonNode root) {
        List<Post> posts = new ArrayList<>();
        for (JsonNode hit : root.path("hits")) {
            String id = Json.text(hit, "objectID");
            if (id.isEmpty()) {
                continue;
            }
            boolean comment = !Json.text(hit, "comment_text").isEmpty();
            String title = comment ? Json.text(hit, "story_title") : Json.text(hit, "title");
            String text = comment ? Json.text(hit, "comment_text") : Json.text(hit, "story_text");
            if (!comment && text.isEmpty()) {
                text = Json.text(hit, "title");
            }
            long created = hit.path("created_at_i").asLong(0);
            Instant at = created > 0 ? Instant.ofEpochSecond(created) : Json.instant(Json.text(hit, "created_at"));
            String handle = Json.text(hit, "author");
            posts.add(new Post(source.id(), SourceKind.HACKERNEWS, id, "https://news.ycombinator.com/item?id=" + id,
                    new Author(handle, handle, -1), Html.text(title), Html.text(text), at, page.fetchedAt(),
                    new Engagement(Json.count(hit, "points"), 0, Json.count(hit, "num_comments"), 0)));
        }
        return posts;
    }
}
