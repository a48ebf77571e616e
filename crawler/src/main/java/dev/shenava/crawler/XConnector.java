package dev.shenava.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * X posts through API v2 recent search with an app bearer token, {@code since_id} the newest post handed on,
 * paging with {@code next_token}.
 */
final class XConnector implements Connector {

    @Override
    public SourceKind kind() {
        return SourceKind.X;
    }

    @Override
    public Harvest poll(Source source, Cursor cursor, CrawlContext context) {
        Optional<String> token = context.credential(source);
        if (token.isEmpty()) {
            return Harvest.misconfigured(cursor, CrawlContext.missingCredential(source));
        }
        String sinceId = cursor.value("since-id").orElse("");
        String newest = sinceId;
        List<Post> collected = new ArrayList<>();
        String next = "";
        int requests = 0;
        for (int page = 0; page < context.maxPages(); page++) {
            Fetched answer = context.fetcher().get(url(source, sinceId, next), Map.of("Authorization", "Bearer " + token.get()));
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
            collected.addAll(posts(source, answer, root));
            newest = MastodonConnector.newer(newest, Json.text(root.path("meta"), "newest_id"));
            next = Json.text(root.path("meta"), "next_token");
            if (next.isEmpty() || sinceId.isEmpty()) {
                break;
            }
        }
        return new Harvest(collected, cursor.with("since-id", newest), CrawlStatus.FETCHED, "", requests);
    }

    private static String url(Source source, String sinceId, String next) {
        HttpUrl.Builder url = HttpUrl.parse(source.param("base-url", "https://api.x.com")).resolve("/2/tweets/search/recent")
                .newBuilder().addQueryParameter("query", source.param("query", ""))
                .addQueryParameter("max_results", "100")
                .addQueryParameter("tweet.fields", "created_at,public_metrics,author_id,lang")
                .addQueryParameter("expansions", "author_id")
                .addQueryParameter("user.fields", "username,name,public_metrics");
        if (!sinceId.isEmpty()) {
            url.addQueryParameter("since_id", sinceId);
        }
        if (!next.isEmpty()) {
            url.addQueryParameter("next_token", next);
        }
        return url.build().toString();
    }

    @Override
    public List<Post> parse(Source source, Fetched page) {
        return posts(source, page, Json.read(page));
    }

    private static List<Post> posts(Source source, Fetched page, JsonNode root) {
        Map<String, JsonNode> users = new HashMap<>();
        for (JsonNode u : root.path("includes").path("users")) {
            users.put(Json.text(u, "id"), u);
        }
        List<Post> posts = new ArrayList<>();
        for (JsonNode t : root.path("data")) {
            String id = Json.text(t, "id");
            if (id.isEmpty()) {
                continue;
            }
            JsonNode user = users.getOrDefault(Json.text(t, "author_id"), Json.MAPPER.createObjectNode());
            String handle = Json.text(user, "username");
            JsonNode m = t.path("public_metrics");
            long followers = user.path("public_metrics").has("followers_count")
                    ? Json.count(user.path("public_metrics"), "followers_count") : -1;
            posts.add(new Post(source.id(), SourceKind.X, id,
                    "https://x.com/" + (handle.isEmpty() ? "i/web" : handle) + "/status/" + id,
                    new Author(handle, Json.text(user, "name"), followers), "", Json.text(t, "text"),
                    Json.instant(Json.text(t, "created_at")), page.fetchedAt(),
                    new Engagement(Json.count(m, "like_count"), Json.count(m, "retweet_count") + Json.count(m, "quote_count"),
                            Json.count(m, "reply_count"), Json.count(m, "impression_count"))));
        }
        return posts;
    }
}
