package dev.shenava.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Mastodon statuses from hashtag timelines (anonymous) or v2 search (with a token) across several instances;
 * one {@code min_id} cursor per instance, pages forward through the {@code Link rel="prev"} header; boosts and
 * the same status seen on two instances collapse to one post keyed by its ActivityPub uri.
 */
final class MastodonConnector implements Connector {

    private static final Pattern LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?(\\w+)\"?");

    @Override
    public SourceKind kind() {
        return SourceKind.MASTODON;
    }

    @Override
    public Harvest poll(Source source, Cursor cursor, CrawlContext context) {
        Optional<String> token = context.credential(source);
        if (!source.credentialEnv().isEmpty() && token.isEmpty()) {
            return Harvest.misconfigured(cursor, CrawlContext.missingCredential(source));
        }
        Map<String, String> headers = new HashMap<>();
        token.ifPresent(t -> headers.put("Authorization", "Bearer " + t));
        Map<String, Post> byUri = new LinkedHashMap<>();
        Cursor next = cursor;
        int requests = 0;
        List<String> problems = new ArrayList<>();
        for (String instance : source.param("instances", "").split(",")) {
            if (instance.isBlank()) {
                continue;
            }
            String key = "min-id:" + instance.strip();
            String minId = cursor.value(key).orElse("");
            String url = firstUrl(source, instance.strip(), minId);
            String newest = minId;
            for (int page = 0; page < context.maxPages() && url != null; page++) {
                Fetched answer = context.fetcher().get(url, headers);
                requests++;
                if (!answer.fetched()) {
                    problems.add(instance.strip() + ": " + answer.reason());
                    newest = null;
                    break;
                }
                JsonNode root;
                try {
                    root = Json.read(answer);
                } catch (CrawlException e) {
                    problems.add(e.getMessage());
                    newest = null;
                    break;
                }
                JsonNode statuses = root.isArray() ? root : root.path("statuses");
                for (JsonNode status : statuses) {
                    String id = Json.text(status, "id");
                    newest = newer(newest, id);
                    if (!minId.isEmpty() && !newer(minId, id).equals(id)) {
                        continue; // search results do not honour min_id: drop what is not newer
                    }
                    Post post = post(source, answer, status);
                    byUri.putIfAbsent(post.nativeId(), post);
                }
                url = minId.isEmpty() || statuses.isEmpty() || root.isObject() ? null : link(answer, "prev");
            }
            if (newest != null) {
                next = next.with(key, newest);
            }
        }
        CrawlStatus status = problems.isEmpty() || !byUri.isEmpty() ? CrawlStatus.FETCHED : CrawlStatus.ERROR;
        return new Harvest(new ArrayList<>(byUri.values()), next, status, String.join("; ", problems), requests);
    }

    private static String firstUrl(Source source, String instance, String minId) {
        String base = instance.contains("://") ? instance : "https://" + instance;
        HttpUrl.Builder url = HttpUrl.parse(base).newBuilder();
        Optional<String> tag = source.param("tag").map(t -> t.replaceFirst("^#", ""));
        if (tag.isPresent()) {
            url.addPathSegments("api/v1/timelines/tag").addPathSegment(tag.get()).addQueryParameter("limit", "40");
        } else {
            url.addPathSegments("api/v2/search").addQueryParameter("q", source.param("query", ""))
                    .addQueryParameter("type", "statuses").addQueryParameter("resolve", "false")
                    .addQueryParameter("limit", "40");
        }
        if (!minId.isEmpty()) {
            url.addQueryParameter("min_id", minId);
        }
        return url.build().toString();
    }

    private static String link(Fetched answer, String rel) {
        Matcher m = LINK.matcher(answer.header("link").orElse(""));
        while (m.find()) {
            if (m.group(2).equals(rel)) {
                return m.group(1);
            }
        }
        return null;
    }

    static String newer(String a, String b) {
        if (a == null || a.isEmpty()) {
            return b;
        }
        if (b == null || b.isEmpty()) {
            return a;
        }
        try {
            return new BigInteger(a).compareTo(new BigInteger(b)) >= 0 ? a : b;
        } catch (NumberFormatException e) {
            return a.compareTo(b) >= 0 ? a : b;
        }
    }

    @Override
    public List<Post> parse(Source source, Fetched page) {
        JsonNode root = Json.read(page);
        JsonNode statuses = root.isArray() ? root : root.path("statuses");
        List<Post> posts = new ArrayList<>();
        for (JsonNode status : statuses) {
            posts.add(post(source, page, status));
        }
        return posts;
    }

    private static Post post(Source source, Fetched page, JsonNode outer) {
        JsonNode s = outer.path("reblog").isObject() ? outer.path("reblog") : outer;
        String uri = Json.text(s, "uri");
        String url = Json.text(s, "url");
        String id = !uri.isEmpty() ? uri : !url.isEmpty() ? url : Json.text(s, "id");
        JsonNode account = s.path("account");
        String spoiler = Json.text(s, "spoiler_text");
        String text = Html.text(Json.text(s, "content"));
        return new Post(source.id(), SourceKind.MASTODON, id, Urls.canonical(url.isEmpty() ? uri : url),
                new Author(Json.text(account, "acct"), Json.text(account, "display_name"),
                        account.has("followers_count") ? Json.count(account, "followers_count") : -1),
                spoiler, text, Json.instant(Json.text(s, "created_at")), page.fetchedAt(),
                new Engagement(Json.count(s, "favourites_count"), Json.count(s, "reblogs_count"),
                        Json.count(s, "replies_count"), 0));
    }
}
