package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** YouTube, App Store and Bluesky against MockWebServer. */
class ReviewConnectorsIT {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private String base() {
        return server.url("/").toString();
    }

    @Test
    void youtubePagesWithPageTokenUntilASeenThread() throws InterruptedException {
        Source source = Fixtures.source("yt", SourceKind.YOUTUBE, Map.of("videoId", "vid123", "base-url", base()), "YT_KEY");
        server.enqueue(Fixtures.ok(Fixtures.ours("youtube_threads.json"), "application/json"));
        server.enqueue(Fixtures.ok(("{\"items\":[{\"id\":\"UgxOld\",\"snippet\":{\"videoId\":\"vid123\","
                + "\"topLevelComment\":{\"id\":\"UgxOld\",\"snippet\":{\"textOriginal\":\"old\"}}}}]}").getBytes(),
                "application/json"));
        Harvest h = new YouTubeConnector().poll(source, Cursor.EMPTY.withSeen(List.of("UgxOld")),
                Fixtures.context(Map.of("YT_KEY", "k")));
        assertEquals(List.of("UgxThreadA", "UgxThreadB"), h.posts().stream().map(Post::nativeId).toList());
        Post a = h.posts().getFirst();
        assertEquals("Love the new \"express\" option", a.text());
        assertEquals("https://www.youtube.com/watch?v=vid123&lc=UgxThreadA", a.url());
        assertEquals(2, a.engagement().replies());
        RecordedRequest first = server.takeRequest();
        assertEquals("k", first.getUrl().queryParameter("key"));
        assertEquals("vid123", first.getUrl().queryParameter("videoId"));
        assertEquals("PAGE2", server.takeRequest().getUrl().queryParameter("pageToken"));
    }

    @Test
    void youtubeReadsTheRecordedPagedThreads() {
        Source source = Fixtures.source("yt", SourceKind.YOUTUBE, Map.of("videoId", "v"), "K");
        for (String page : List.of("1", "2")) {
            String name = "youtube/comment_threads_comment_threads_by_video_paged_" + page + ".json";
            List<Post> posts = new YouTubeConnector().parse(source,
                    Fetched.of("https://www.googleapis.com/youtube/v3/commentThreads", Map.of(), Fixtures.sharedBytes(name)));
            assertTrue(!posts.isEmpty() && posts.stream().allMatch(p -> p.url().contains("&lc=")), name);
        }
    }

    @Test
    void appStoreStopsAtAnEmptyPageAndPerCountry() throws InterruptedException {
        Source source = Fixtures.source("as", SourceKind.APPSTORE, Map.of("appId", "id1000000001",
                "country", "ae, sa", "base-url", base()));
        server.enqueue(Fixtures.ok(Fixtures.ours("appstore_page1.json"), "application/json"));
        server.enqueue(Fixtures.ok(Fixtures.ours("appstore_empty.json"), "application/json"));
        server.enqueue(Fixtures.ok(Fixtures.ours("appstore_empty.json"), "application/json"));
        Harvest h = new AppStoreConnector().poll(source, Cursor.EMPTY, Fixtures.context(Map.of()));
        assertEquals(List.of("9000000002", "9000000001"), h.posts().stream().map(Post::nativeId).toList());
        assertEquals("التوصيل تأخر ساعتين", h.posts().getFirst().text());
        assertTrue(h.posts().getFirst().title().endsWith("(1/5)"), "the star rating travels with the title");
        assertEquals("/ae/rss/customerreviews/page=1/id=1000000001/sortby=mostrecent/json",
                server.takeRequest().getUrl().encodedPath());
        assertEquals("/ae/rss/customerreviews/page=2/id=1000000001/sortby=mostrecent/json",
                server.takeRequest().getUrl().encodedPath());
        assertTrue(server.takeRequest().getUrl().encodedPath().startsWith("/sa/"));
    }

    @Test
    void appStorePageElevenPlainTextIsHandledAsNoReviews() {
        Source source = Fixtures.source("as", SourceKind.APPSTORE, Map.of("appId", "555731861", "base-url", base()));
        server.enqueue(Fixtures.ok("CustomerReviews RSS page depth is limited to 10".getBytes(), "text/plain"));
        Harvest h = new AppStoreConnector().poll(source, Cursor.EMPTY, Fixtures.context(Map.of()));
        assertEquals(CrawlStatus.FETCHED, h.status());
        assertEquals(List.of(), h.posts());
        List<Post> recorded = new AppStoreConnector().parse(source, Fetched.of("https://itunes.apple.com/", Map.of(),
                Fixtures.sharedBytes("appstore/TestData_555731861_us_11.json")));
        assertEquals(List.of(), recorded);
    }

    @Test
    void appStoreReadsTheRecordedPagesAndTheirBrokenVariants() {
        Source source = Fixtures.source("as", SourceKind.APPSTORE, Map.of("appId", "497799835"));
        AppStoreConnector c = new AppStoreConnector();
        assertEquals(50, c.parse(source, Fetched.of("https://itunes.apple.com/", Map.of(),
                Fixtures.sharedBytes("appstore/TestData_497799835_fr_1.json"))).size());
        for (String name : List.of("TestData_1510826067_gb_2.json", "TestData_100000000_gb_1.json",
                "TestData_empty_page.json", "TestData_invalid_rating.json", "TestData_invalid_links.json",
                "TestData_invalid_entry_author_uri.json", "TestData_invalid_feed_author_uri.json")) {
            c.parse(source, Fetched.of("https://itunes.apple.com/", Map.of(), Fixtures.sharedBytes("appstore/" + name)));
        }
    }

    @Test
    void blueskyLogsInOnceAndReusesTheSession() throws InterruptedException {
        Source source = Fixtures.source("bs", SourceKind.BLUESKY, Map.of("query", "snapp", "base-url", base()), "BSKY");
        CrawlContext ctx = Fixtures.context(Map.of("BSKY", "me.bsky.social:app-pass"));
        BlueskyConnector c = new BlueskyConnector();
        server.enqueue(Fixtures.ok("{\"accessJwt\":\"jwt1\",\"refreshJwt\":\"r\"}".getBytes(), "application/json"));
        server.enqueue(Fixtures.ok(Fixtures.ours("bluesky_search.json"), "application/json"));
        Harvest first = c.poll(source, Cursor.EMPTY, ctx);
        server.enqueue(Fixtures.ok("{\"posts\":[]}".getBytes(), "application/json"));
        Harvest second = c.poll(source, first.cursor(), ctx);
        assertEquals(2, first.posts().size());
        Post p = first.posts().getFirst();
        assertEquals("https://bsky.app/profile/maryam.bsky.social/post/3lbxyz2", p.url());
        assertEquals(new Engagement(7, 3, 1, 0), p.engagement());
        assertEquals(List.of(), second.posts());
        assertEquals("/xrpc/com.atproto.server.createSession", server.takeRequest().getUrl().encodedPath());
        assertEquals("Bearer jwt1", server.takeRequest().getHeaders().get("Authorization"));
        RecordedRequest again = server.takeRequest();
        assertEquals("/xrpc/app.bsky.feed.searchPosts", again.getUrl().encodedPath(), "no second login");
        assertEquals("2026-11-21T10:00:00Z", again.getUrl().queryParameter("since"));
    }

    @Test
    void blueskyLogsInAgainWhenTheSessionExpires() {
        Source source = Fixtures.source("bs", SourceKind.BLUESKY, Map.of("query", "snapp", "base-url", base()), "BSKY");
        CrawlContext ctx = Fixtures.context(Map.of("BSKY", "me:pw"));
        server.enqueue(Fixtures.ok("{\"accessJwt\":\"old\"}".getBytes(), "application/json"));
        server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":\"ExpiredToken\"}").build());
        server.enqueue(Fixtures.ok("{\"accessJwt\":\"new\"}".getBytes(), "application/json"));
        server.enqueue(Fixtures.ok(Fixtures.ours("bluesky_search.json"), "application/json"));
        Harvest h = new BlueskyConnector().poll(source, Cursor.EMPTY, ctx);
        assertEquals(2, h.posts().size());
        assertEquals(4, server.getRequestCount());
    }

    @Test
    void blueskyRefreshesAnExpiredSessionInsteadOfLoggingInAgain() throws InterruptedException {
        Source source = Fixtures.source("bs", SourceKind.BLUESKY, Map.of("query", "snapp", "base-url", base()), "BSKY");
        CrawlContext ctx = Fixtures.context(Map.of("BSKY", "me.bsky.social:app-pass"));
        BlueskyConnector c = new BlueskyConnector();
        server.enqueue(Fixtures.ok("{\"accessJwt\":\"a1\",\"refreshJwt\":\"r1\"}".getBytes(), "application/json"));
        server.enqueue(Fixtures.ok(Fixtures.ours("bluesky_search.json"), "application/json"));
        server.enqueue(new MockResponse.Builder().code(400)
                .body("{\"error\":\"ExpiredToken\",\"message\":\"Token has expired\"}").build());
        server.enqueue(Fixtures.ok("{\"accessJwt\":\"a2\",\"refreshJwt\":\"r2\"}".getBytes(), "application/json"));
        server.enqueue(Fixtures.ok("{\"posts\":[]}".getBytes(), "application/json"));
        Harvest first = c.poll(source, Cursor.EMPTY, ctx);
        Harvest second = c.poll(source, first.cursor(), ctx);
        assertEquals(CrawlStatus.FETCHED, second.status(), second.problem());
        assertEquals(List.of("/xrpc/com.atproto.server.createSession", "/xrpc/app.bsky.feed.searchPosts",
                "/xrpc/app.bsky.feed.searchPosts", "/xrpc/com.atproto.server.refreshSession",
                "/xrpc/app.bsky.feed.searchPosts"), paths(5));
    }

    @Test
    void blueskyRefreshesBeforeTheAccessTokenRunsOutAndLogsInWhenTheRefreshIsRefused() throws InterruptedException {
        Source source = Fixtures.source("bs", SourceKind.BLUESKY, Map.of("query", "snapp", "base-url", base()), "BSKY");
        CrawlContext ctx = Fixtures.context(Map.of("BSKY", "me.bsky.social:app-pass"));
        BlueskyConnector c = new BlueskyConnector();
        String expired = jwt(1_000_000_000L); // exp in 2001: stale by the next poll
        server.enqueue(Fixtures.ok(("{\"accessJwt\":\"" + expired + "\",\"refreshJwt\":\"r1\"}").getBytes(),
                "application/json"));
        server.enqueue(Fixtures.ok("{\"posts\":[]}".getBytes(), "application/json"));
        server.enqueue(new MockResponse.Builder().code(400).body("{\"error\":\"ExpiredToken\"}").build());
        server.enqueue(Fixtures.ok(("{\"accessJwt\":\"" + jwt(4_000_000_000L) + "\",\"refreshJwt\":\"r2\"}")
                .getBytes(), "application/json"));
        server.enqueue(Fixtures.ok(Fixtures.ours("bluesky_search.json"), "application/json"));
        c.poll(source, Cursor.EMPTY, ctx);
        Harvest second = c.poll(source, Cursor.EMPTY, ctx);
        assertEquals(2, second.posts().size(), second.problem());
        assertEquals(List.of("/xrpc/com.atproto.server.createSession", "/xrpc/app.bsky.feed.searchPosts",
                "/xrpc/com.atproto.server.refreshSession", "/xrpc/com.atproto.server.createSession",
                "/xrpc/app.bsky.feed.searchPosts"), paths(5), "a refused refresh falls back to a new login");
    }

    private List<String> paths(int count) throws InterruptedException {
        List<String> paths = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordedRequest r = server.takeRequest();
            paths.add(r.getUrl().encodedPath());
            if (r.getUrl().encodedPath().endsWith("refreshSession")) {
                assertEquals("Bearer r1", r.getHeaders().get("Authorization"), "refreshed with the refresh token");
            }
        }
        return paths;
    }

    private static String jwt(long exp) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"ES256K\"}".getBytes()) + "."
                + b64.encodeToString(("{\"scope\":\"com.atproto.appPass\",\"exp\":" + exp + "}").getBytes()) + ".sig";
    }
}
