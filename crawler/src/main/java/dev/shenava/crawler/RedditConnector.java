package dev.shenava.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * Reddit posts: search JSON (site-wide or within a subreddit) or a subreddit's newest posts, sorted by new,
 * paging with {@code after} until posts already handed on; OAuth (application-only) when the source's credential
 * {@code client_id:secret} is set.
 */
final class RedditConnector implements Connector {

    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    @Override
    public SourceKind kind() {
        return SourceKind.REDDIT;
    }

    @Override
    public Harvest poll(Source source, Cursor cursor, CrawlContext context) {
        Optional<String> credential = context.credential(source);
        if (!source.credentialEnv().isEmpty() && credential.isEmpty()) {
            return Harvest.misconfigured(cursor, CrawlContext.missingCredential(source));
        }
        Map<String, String> headers = new HashMap<>();
        int requests = 0;
        if (credential.isPresent()) {
            Token token = tokens.get(credential.get());
            if (token == null || token.expires.isBefore(Instant.now())) {
                Fetched answer = fetchToken(source, credential.get(), context);
                requests++;
                if (!answer.fetched()) {
                    return Harvest.failed(cursor, answer, requests);
                }
                JsonNode json;
                try {
                    json = Json.read(answer);
                } catch (CrawlException e) {
                    return new Harvest(List.of(), cursor, CrawlStatus.ERROR, e.getMessage(), requests);
                }
                token = new Token(Json.text(json, "access_token"),
                        Instant.now().plusSeconds(Math.max(60, json.path("expires_in").asLong(3600) - 60)));
                tokens.put(credential.get(), token);
            }
            headers.put("Authorization", "Bearer " + token.value);
        }
        Set<String> seen = new HashSet<>(cursor.seen());
        List<Post> collected = new ArrayList<>();
        String after = "";
        while (requests < context.maxPages() + 1) {
            Fetched answer = context.fetcher().get(listingUrl(source, credential.isPresent(), after), headers);
            requests++;
            if (!answer.fetched()) {
                return Harvest.failed(cursor, answer, requests);
            }
            List<Post> page;
            JsonNode root;
            try {
                root = Json.read(answer);
                page = posts(source, answer, root);
            } catch (CrawlException e) {
                return new Harvest(List.of(), cursor, CrawlStatus.ERROR, e.getMessage(), requests);
            }
            boolean reached = false;
            for (Post p : page) {
                if (seen.contains(p.nativeId())) {
                    reached = true;
                } else {
                    collected.add(p);
                }
            }
            after = Json.text(root.path("data"), "after");
            if (reached || after.isEmpty() || seen.isEmpty()) {
                break;
            }
        }
        Cursor next = cursor.withSeen(collected.stream().map(Post::nativeId).toList());
        return new Harvest(collected, next, CrawlStatus.FETCHED, "", requests);
    }

    private static Fetched fetchToken(Source source, String credential, CrawlContext context) {
        int colon = credential.indexOf(':');
        String id = colon < 0 ? credential : credential.substring(0, colon);
        String secret = colon < 0 ? "" : credential.substring(colon + 1);
        HttpUrl url = HttpUrl.parse(source.param("base-url", "https://www.reddit.com")).resolve("/api/v1/access_token");
        return context.fetcher().send(new Request.Builder().url(url)
                .header("Authorization", Credentials.basic(id, secret))
                .post(new FormBody.Builder().add("grant_type", "client_credentials").build()).build());
    }

    private static String listingUrl(Source source, boolean oauth, String after) {
        String base = source.param("base-url", oauth ? "https://oauth.reddit.com" : "https://www.reddit.com");
        String suffix = oauth ? "" : ".json";
        Optional<String> sub = source.param("subreddit").map(s -> s.replaceFirst("^/?r/", ""));
        Optional<String> query = source.param("query");
        HttpUrl.Builder url = HttpUrl.parse(base).newBuilder();
        if (sub.isPresent()) {
            url.addPathSegment("r").addPathSegment(sub.get());
        }
        url.addPathSegment((query.isPresent() ? "search" : "new") + suffix);
        query.ifPresent(q -> url.addQueryParameter("q", q).addQueryParameter("sort", "new"));
        if (sub.isPresent() && query.isPresent()) {
            url.addQueryParameter("restrict_sr", "1");
        }
        url.addQueryParameter("limit", "100").addQueryParameter("raw_json", "1");
        if (!after.isEmpty()) {
            url.addQueryParameter("after", after);
        }
        return url.build().toString();
    }

    @Override
    public List<Post> parse(Source source, Fetched page) {
        return posts(source, page, Json.read(page));
    }

    private static List<Post> posts(Source source, Fetched page, JsonNode root) {
        List<Post> posts = new ArrayList<>();
        for (JsonNode child : root.path("data").path("children")) {
            JsonNode d = child.path("data");
            String name = Json.text(d, "name");
            name = name.isEmpty() && !Json.text(d, "id").isEmpty() ? "t3_" + Json.text(d, "id") : name;
            if (name.isEmpty()) {
                continue;
            }
            String permalink = Json.text(d, "permalink");
            String url = permalink.isEmpty() ? Json.text(d, "url") : "https://www.reddit.com" + permalink;
            double created = d.path("created_utc").asDouble(0);
            String handle = Json.text(d, "author");
            String text = Json.text(d, "selftext");
            if (text.isEmpty() && !Json.text(d, "body").isEmpty()) {
                text = Json.text(d, "body");
            }
            posts.add(new Post(source.id(), SourceKind.REDDIT, name, Urls.canonical(url), new Author(handle, handle, -1),
                    Json.text(d, "title"), text.contains("&amp;") ? Html.text(text) : text,
                    created > 0 ? Instant.ofEpochMilli((long) (created * 1000)) : null, page.fetchedAt(),
                    new Engagement(Json.count(d, "score"), Json.count(d, "num_crossposts"),
                            Json.count(d, "num_comments"), 0)));
        }
        return posts;
    }

    private record Token(String value, Instant expires) {
    }
}
