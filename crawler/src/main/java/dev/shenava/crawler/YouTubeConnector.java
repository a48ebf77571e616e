package dev.shenava.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * YouTube comment threads on a video or a channel ({@code commentThreads.list}, newest first, one quota unit per
 * page) with an API key, paging with {@code pageToken} until threads already handed on.
 */
final class YouTubeConnector implements Connector {

    @Override
    public SourceKind kind() {
        return SourceKind.YOUTUBE;
    }

    @Override
    public Harvest poll(Source source, Cursor cursor, CrawlContext context) {
        Optional<String> key = context.credential(source);
        if (key.isEmpty()) {
            return Harvest.misconfigured(cursor, CrawlContext.missingCredential(source));
        }
        Set<String> seen = new HashSet<>(cursor.seen());
        List<Post> collected = new ArrayList<>();
        String pageToken = "";
        int requests = 0;
        for (int page = 0; page < context.maxPages(); page++) {
            Fetched answer = context.fetcher().get(url(source, key.get(), pageToken), Map.of());
            requests++;
            if (!answer.fetched()) {
                return Harvest.failed(cursor, answer, requests);
            }
            JsonNode root;
            List<Post> posts;
            try {
                root = Json.read(answer);
                posts = posts(source, answer, root);
            } catch (CrawlException e) {
                return new Harvest(List.of(), cursor, CrawlStatus.ERROR, e.getMessage(), requests);
            }
            boolean reached = false;
            for (Post p : posts) {
                if (seen.contains(p.nativeId())) {
                    reached = true;
                } else {
                    collected.add(p);
                }
            }
            pageToken = Json.text(root, "nextPageToken");
            if (reached || pageToken.isEmpty() || seen.isEmpty()) {
                break;
            }
        }
        return new Harvest(collected, cursor.withSeen(collected.stream().map(Post::nativeId).toList()),
                CrawlStatus.FETCHED, "", requests);
    }

    private static String url(Source source, String key, String pageToken) {
        HttpUrl.Builder url = HttpUrl.parse(source.param("base-url", "https://www.googleapis.com"))
                .resolve("/youtube/v3/commentThreads").newBuilder()
                .addQueryParameter("part", "snippet").addQueryParameter("order", "time")
                .addQueryParameter("maxResults", "100").addQueryParameter("textFormat", "plainText");
        source.param("videoId").ifPresentOrElse(v -> url.addQueryParameter("videoId", v),
                () -> url.addQueryParameter("allThreadsRelatedToChannelId", source.param("channelId", "")));
        source.param("query").ifPresent(q -> url.addQueryParameter("searchTerms", q));
        if (!pageToken.isEmpty()) {
            url.addQueryParameter("pageToken", pageToken);
        }
        return url.addQueryParameter("key", key).build().toString();
    }

    @Override
    public List<Post> parse(Source source, Fetched page) {
        return posts(source, page, Json.read(page));
    }

    private static List<Post> posts(Source source, Fetched page, JsonNode root) {
        List<Post> posts = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            JsonNode thread = item.path("snippet");
            JsonNode top = thread.path("topLevelComment");
            JsonNode c = top.isObject() ? top.path("snippet") : thread;
            String id = top.isObject() ? Json.text(top, "id") : Json.text(item, "id");
            id = id.isEmpty() ? Json.text(item, "id") : id;
            if (id.isEmpty()) {
                continue;
            }
            String videoId = Json.text(c, "videoId").isEmpty() ? Json.text(thread, "videoId") : Json.text(c, "videoId");
            String text = Json.text(c, "textOriginal");
            text = text.isEmpty() ? Html.text(Json.text(c, "textDisplay")) : text;
            String url = videoId.isEmpty() ? "" : "https://www.youtube.com/watch?v=" + videoId + "&lc=" + id;
            String channel = Json.text(c.path("authorChannelId"), "value");
            posts.add(new Post(source.id(), SourceKind.YOUTUBE, id, url,
                    new Author(channel, Json.text(c, "authorDisplayName"), -1), "", text,
                    Json.instant(Json.text(c, "publishedAt")), page.fetchedAt(),
                    new Engagement(Json.count(c, "likeCount"), 0, Json.count(thread, "totalReplyCount"), 0)));
        }
        return posts;
    }
}
