package dev.shenava.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Bluesky posts through {@code app.bsky.feed.searchPosts} with an app-password session (created once, cached and
 * refreshed with its refresh token: createSession is limited to 30 calls in 5 minutes), newest first, {@code since}
 * the newest post handed on.
 */
final class BlueskyConnector implements Connector {

    private static final MediaType JSON = MediaType.get("application/json");
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public SourceKind kind() {
        return SourceKind.BLUESKY;
    }

    @Override
    public Harvest poll(Source source, Cursor cursor, CrawlContext context) {
        Optional<String> credential = context.credential(source);
        if (credential.isEmpty() || !credential.get().contains(":")) {
            return Harvest.misconfigured(cursor, credential.isEmpty() ? CrawlContext.missingCredential(source)
                    : source.credentialEnv() + " must hold handle:app-password");
        }
        String base = source.param("base-url", "https://bsky.social");
        String since = cursor.value("since").orElse("");
        List<Post> collected = new ArrayList<>();
        String newest = since;
        String pageCursor = "";
        int requests = 0;
        for (int page = 0; page < context.maxPages(); page++) {
            Fetched answer = null;
            for (int attempt = 0; attempt < 3; attempt++) { // cached, then refreshed, then a new login
                Obtained obtained = session(base, credential.get(), context);
                requests += obtained.requests();
                if (obtained.session() == null) {
                    return Harvest.failed(cursor, obtained.failure(), requests);
                }
                Session session = obtained.session();
                answer = context.fetcher().get(searchUrl(source, base, since, pageCursor),
                        Map.of("Authorization", "Bearer " + session.access));
                requests++;
                if (!tokenRefused(answer)) {
                    break;
                }
                // the access token expired or was revoked: refresh it once, and if that fails log in again
                sessions.put(credential.get(), session.refreshed || session.refresh.isEmpty()
                        ? Session.NONE : session.expired());
            }
            if (!answer.fetched()) {
                return Harvest.failed(cursor, answer, requests);
            }
            JsonNode root;
            try {
                root = Json.read(answer);
            } catch (CrawlException e) {
                return new Harvest(List.of(), cursor, CrawlStatus.ERROR, e.getMessage(), requests);
            }
            for (Post p : posts(source, answer, root)) {
                collected.add(p);
                String at = p.publishedAt().toString();
                newest = newest.isEmpty() || at.compareTo(newest) > 0 ? at : newest;
            }
            pageCursor = Json.text(root, "cursor");
            if (pageCursor.isEmpty() || since.isEmpty() || root.path("posts").isEmpty()) {
                break;
            }
        }
        return new Harvest(collected, cursor.with("since", newest), CrawlStatus.FETCHED, "", requests);
    }

    /**
     * The session for a credential: the cached one while its access token is valid, else one refreshed with
     * {@code com.atproto.server.refreshSession}, else a new one from {@code createSession} (limited to 30 calls in 5
     * minutes, so a refresh is always tried first).
     */
    private Obtained session(String base, String credential, CrawlContext context) {
        Session cached = sessions.get(credential);
        if (cached != null && cached != Session.NONE && cached.expires.isAfter(Instant.now())) {
            return new Obtained(cached, null, 0);
        }
        int requests = 0;
        if (cached != null && cached != Session.NONE && !cached.refresh.isEmpty()) {
            HttpUrl url = HttpUrl.parse(base).resolve("/xrpc/com.atproto.server.refreshSession");
            Fetched refreshed = context.fetcher().send(new Request.Builder().url(url)
                    .header("Authorization", "Bearer " + cached.refresh).post(RequestBody.create(new byte[0])).build());
            requests++;
            Session session = refreshed.fetched() ? Session.from(refreshed, true) : null;
            if (session != null) {
                sessions.put(credential, session);
                return new Obtained(session, null, requests);
            }
        }
        Fetched login = login(base, credential, context);
        requests++;
        Session session = login.fetched() ? Session.from(login, false) : null;
        if (session == null) {
            sessions.remove(credential);
            return new Obtained(null, login.fetched() ? Fetched.failed(login.url(), CrawlStatus.ERROR, 0,
                    "Bluesky createSession at " + base + " answered without an accessJwt; check the handle and app"
                    + " password") : login, requests);
        }
        sessions.put(credential, session);
        return new Obtained(session, null, requests);
    }

    /** A session, or the answer that refused one; and the requests spent on it. */
    private record Obtained(Session session, Fetched failure, int requests) {
    }

    private static boolean tokenRefused(Fetched answer) {
        return answer.code() == 401 || answer.reason().contains("ExpiredToken")
                || answer.reason().contains("InvalidToken");
    }

    private static Fetched login(String base, String credential, CrawlContext context) {
        int colon = credential.indexOf(':');
        String body = Json.MAPPER.createObjectNode().put("identifier", credential.substring(0, colon))
                .put("password", credential.substring(colon + 1)).toString();
        HttpUrl url = HttpUrl.parse(base).resolve("/xrpc/com.atproto.server.createSession");
        return context.fetcher().send(new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build());
    }

    private static String searchUrl(Source source, String base, String since, String pageCursor) {
        HttpUrl.Builder url = HttpUrl.parse(base).resolve("/xrpc/app.bsky.feed.searchPosts").newBuilder()
                .addQueryParameter("q", source.param("query", "")).addQueryParameter("sort", "latest")
                .addQueryParameter("limit", "100");
        source.param("lang").ifPresent(l -> url.addQueryParameter("lang", l));
        if (!since.isEmpty()) {
            url.addQueryParameter("since", since);
        }
        if (!pageCursor.isEmpty()) {
            url.addQueryParameter("cursor", pageCursor);
        }
        return url.build().toString();
    }

    @Override
    public List<Post> parse(Source source, Fetched page) {
        return posts(source, page, Json.read(page));
    }

    private static List<Post> posts(Source source, Fetched page, JsonNode root) {
        List<JsonNode> list = new ArrayList<>();
        if (root.has("posts") || root.isArray()) {
            (root.isArray() ? root : root.path("posts")).forEach(list::add);
        } else {
            JsonNode view = root.has("thread") ? root.path("thread") : root;
            list.add(view.has("post") ? view.path("post") : view); // a thread view or a single postView
        }
        List<Post> posts = new ArrayList<>();
        for (JsonNode p : list) {
            String uri = Json.text(p, "uri");
            if (uri.isEmpty()) {
                continue;
            }
            JsonNode author = p.path("author");
            String handle = Json.text(author, "handle");
            String rkey = uri.substring(uri.lastIndexOf('/') + 1);
            String profile = handle.isEmpty() ? uri.replaceFirst("^at://([^/]+)/.*$", "$1") : handle;
            JsonNode record = p.path("record");
            Instant at = Json.instant(Json.text(record, "createdAt"));
            posts.add(new Post(source.id(), SourceKind.BLUESKY, uri, "https://bsky.app/profile/" + profile + "/post/" + rkey,
                    new Author(handle, Json.text(author, "displayName"), -1), "", Json.text(record, "text"),
                    at == null ? Json.instant(Json.text(p, "indexedAt")) : at, page.fetchedAt(),
                    new Engagement(Json.count(p, "likeCount"), Json.count(p, "repostCount") + Json.count(p, "quoteCount"),
                            Json.count(p, "replyCount"), 0)));
        }
        return posts;
    }

    /**
     * An app-password session.
     *
     * @param access    the access JWT
     * @param refresh   the refresh JWT, empty when the server gave none
     * @param expires   when the access JWT stops working (its {@code exp} claim, a minute early)
     * @param refreshed whether it came from a refresh (a refused refreshed token means logging in again)
     */
    private record Session(String access, String refresh, Instant expires, boolean refreshed) {

        static final Session NONE = new Session("", "", Instant.EPOCH, false);

        static Session from(Fetched answer, boolean refreshed) {
            JsonNode root;
            try {
                root = Json.read(answer);
            } catch (CrawlException e) {
                return null;
            }
            String access = Json.text(root, "accessJwt");
            return access.isEmpty() ? null
                    : new Session(access, Json.text(root, "refreshJwt"), expiry(access), refreshed);
        }

        Session expired() {
            return new Session(access, refresh, Instant.EPOCH, refreshed);
        }

        /** The {@code exp} claim of a JWT less a minute; 90 minutes from now when the token does not say. */
        static Instant expiry(String jwt) {
            String[] parts = jwt.split("\\.");
            try {
                long exp = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1])).path("exp").asLong(0);
                if (exp > 0) {
                    return Instant.ofEpochSecond(exp).minusSeconds(60);
                }
            } catch (RuntimeException | java.io.IOException notAJwt) {
                // opaque token: fall through
            }
            return Instant.now().plusSeconds(90 * 60);
        }
    }
}
