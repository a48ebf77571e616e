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

/** Reddit, Mastodon, Hacker News and X against MockWebServer. */
class SocialConnectorsIT {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private String base() {
        return server.url("/").toString();
    }

    private static List<String> ids(Harvest h) {
        return h.posts().stream().map(Post::nativeId).toList();
    }

    @Test
    void redditPagesWithAfterUntilASeenPostAndUsesOAuthWhenGiven() throws InterruptedException {
        Source source = Fixtures.source("rd", SourceKind.REDDIT, Map.of("subreddit", "r/shenava_demo",
                "query", "delivery", "base-url", base()), "REDDIT_APP");
        CrawlContext ctx = Fixtures.context(Map.of("REDDIT_APP", "client:secret"));
        server.enqueue(Fixtures.ok("{\"access_token\":\"tok\",\"expires_in\":3600}".getBytes(), "application/json"));
        server.enqueue(Fixtures.ok(Fixtures.ours("reddit_new_1.json"), "application/json"));
        server.enqueue(Fixtures.ok(Fixtures.ours("reddit_new_2.json"), "application/json"));
        Harvest h = new RedditConnector().poll(source, Cursor.EMPTY.withSeen(List.of("t3_b1")), ctx);
        assertEquals(List.of("t3_b4", "t3_b3", "t3_b2"), ids(h));
        assertEquals("Ordered on Monday, still nothing & no answer from support.", h.posts().getFirst().text());
        assertEquals("https://www.reddit.com/r/shenava_demo/comments/b4/delivery_delayed_again/", h.posts().getFirst().url());
        RecordedRequest token = server.takeRequest();
        assertEquals("/api/v1/access_token", token.getUrl().encodedPath());
        RecordedRequest search = server.takeRequest();
        assertEquals("Bearer tok", search.getHeaders().get("Authorization"));
        assertEquals("/r/shenava_demo/search", search.getUrl().encodedPath());
        assertEquals("new", search.getUrl().queryParameter("sort"));
        assertEquals("t3_b2", server.takeRequest().getUrl().queryParameter("after"));
    }

    @Test
    void redditReadsTheRecordedListings() {
        List<Post> posts = new RedditConnector().parse(Fixtures.source("rd", SourceKind.REDDIT, Map.of("query", "q")),
                Fetched.of("https://oauth.reddit.com/r/askreddit/new", Map.of(),
                        Fixtures.sharedBytes("reddit/praw_TestSubredditListings.test_new.1.body.json")));
        assertEquals(100, posts.size());
        assertTrue(posts.stream().allMatch(p -> p.nativeId().startsWith("t3_") && p.url().startsWith("https://www.reddit.com/r/")));
    }

    @Test
    void mastodonFollowsMinIdPerInstanceAndCollapsesBoosts() throws InterruptedException {
        Source source = Fixtures.source("md", SourceKind.MASTODON, Map.of("instances", base() + ", " + base(),
                "tag", "#snapp"));
        server.enqueue(Fixtures.ok(Fixtures.ours("mastodon_tag.json"), "application/json",
                Map.of("Link", "<" + base() + "api/v1/timelines/tag/snapp?max_id=1>; rel=\"next\", <" + base()
                        + "api/v1/timelines/tag/snapp?min_id=113500000000000003>; rel=\"prev\"")));
        server.enqueue(Fixtures.ok("[]".getBytes(), "application/json"));
        server.enqueue(Fixtures.ok(Fixtures.ours("mastodon_tag.json"), "application/json"));
        server.enqueue(Fixtures.ok("[]".getBytes(), "application/json"));
        Cursor cursor = Cursor.EMPTY.with("min-id:" + base(), "113400000000000000");
        Harvest h = new MastodonConnector().poll(source, cursor, Fixtures.context(Map.of()));
        assertEquals(2, h.posts().size(), "the boost and the same statuses from the second instance collapse");
        Post boosted = h.posts().get(1);
        assertEquals("https://other.example/users/a/statuses/9", boosted.nativeId());
        assertEquals("Late delivery again.\nThird time this month.", boosted.text());
        assertEquals(3, boosted.engagement().shares());
        RecordedRequest first = server.takeRequest();
        assertEquals("/api/v1/timelines/tag/snapp", first.getUrl().encodedPath());
        assertEquals("113400000000000000", first.getUrl().queryParameter("min_id"));
        assertEquals("113500000000000003", server.takeRequest().getUrl().queryParameter("min_id"), "follows rel=prev");
        assertEquals("113500000000000003", h.cursor().value("min-id:" + base()).orElseThrow());
    }

    @Test
    void mastodonReadsTheRecordedTimelineAndSearch() {
        Source source = Fixtures.source("md", SourceKind.MASTODON, Map.of("instances", "localhost", "tag", "hoot"));
        MastodonConnector c = new MastodonConnector();
        List<Post> tl = c.parse(source, Fetched.of("http://localhost:3000/", Map.of(),
                Fixtures.sharedBytes("mastodon/mastodonpy_test_hashtag_tl.1.body.json")));
        assertTrue(!tl.isEmpty() && tl.stream().allMatch(p -> p.text().contains("#hoot")), tl.toString());
        List<Post> search = c.parse(source, Fetched.of("http://localhost:3000/", Map.of(),
                Fixtures.sharedBytes("mastodon/mastodonpy_test_search.3.body.json")));
        assertEquals(List.of(), search);
    }

    @Test
    void hackerNewsPagesNewerThanTheCursorAndAdvancesIt() throws InterruptedException {
        Source source = Fixtures.source("hn", SourceKind.HACKERNEWS, Map.of("query", "snapp", "base-url", base()));
        server.enqueue(Fixtures.ok(Fixtures.ours("hn_page0.json"), "application/json"));
        server.enqueue(Fixtures.ok(Fixtures.ours("hn_page1.json"), "application/json"));
        Harvest h = new HackerNewsConnector().poll(source, Cursor.EMPTY.with("created-at-i", "1795240000"),
                Fixtures.context(Map.of()));
        assertEquals(List.of("46000003", "46000002", "46000001"), ids(h));
        assertEquals("The delivery was late 'again'.\nSecond paragraph.", h.posts().get(1).text());
        assertEquals("Ask HN: Food delivery apps?", h.posts().get(1).title());
        assertEquals("1795255200", h.cursor().value("created-at-i").orElseThrow());
        assertEquals("created_at_i>1795240000", server.takeRequest().getUrl().queryParameter("numericFilters"));
        assertEquals("1", server.takeRequest().getUrl().queryParameter("page"));
    }

    @Test
    void hackerNewsReadsTheRecordedCommentSearch() {
        List<Post> posts = new HackerNewsConnector().parse(
                Fixtures.source("hn", SourceKind.HACKERNEWS, Map.of("query", "nodejs")),
                Fetched.of("https://hn.algolia.com/api/v1/search_by_date", Map.of(),
                        Fixtures.sharedBytes("hn/hn-demo-app_search_by_date_nodejs.json")));
        assertTrue(posts.size() >= 10);
        assertTrue(posts.stream().noneMatch(p -> p.text().contains("&#x27;")), "entities decoded");
    }

    @Test
    void xSearchesSinceTheNewestIdWithTheBearerToken() throws InterruptedException {
        Source source = Fixtures.source("x", SourceKind.X, Map.of("query", "snapp lang:fa", "base-url", base()), "X_BEARER");
        server.enqueue(Fixtures.ok(Fixtures.ours("x_search.json"), "application/json"));
        Harvest h = new XConnector().poll(source, Cursor.EMPTY.with("since-id", "1850000000000000000"),
                Fixtures.context(Map.of("X_BEARER", "secret-token")));
        assertEquals(List.of("1860000000000000002", "1860000000000000001"), ids(h));
        Post first = h.posts().getFirst();
        assertEquals("https://x.com/reza/status/1860000000000000002", first.url());
        assertEquals(1500, first.author().followers());
        assertEquals(new Engagement(9, 3, 1, 340), first.engagement());
        assertEquals("1860000000000000002", h.cursor().value("since-id").orElseThrow());
        RecordedRequest r = server.takeRequest();
        assertEquals("Bearer secret-token", r.getHeaders().get("Authorization"));
        assertEquals("1850000000000000000", r.getUrl().queryParameter("since_id"));
    }

    @Test
    void xWithoutItsCredentialSaysWhichVariableToSet() {
        Source source = Fixtures.source("x", SourceKind.X, Map.of("query", "snapp", "base-url", base()), "X_BEARER");
        Harvest h = new XConnector().poll(source, Cursor.EMPTY, Fixtures.context(Map.of()));
        assertEquals(CrawlStatus.ERROR, h.status());
        assertTrue(h.problem().contains("X_BEARER"), h.problem());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void xReadsTheRecordedSearchAndRateLimitHeaders() {
        List<Post> posts = new XConnector().parse(Fixtures.source("x", SourceKind.X, Map.of("query", "q"), "T"),
                Fetched.of("https://api.twitter.com/2/tweets/search/recent", Map.of(),
                        Fixtures.sharedBytes("twitter/tweepy_test_client_search_recent_tweets.1.body.json")));
        assertTrue(!posts.isEmpty() && posts.stream().allMatch(p -> p.nativeId().matches("\\d+")));
    }

    @Test
    void unparsableJsonIsAnErrorThatKeepsTheCursor() {
        Source source = Fixtures.source("hn", SourceKind.HACKERNEWS, Map.of("query", "snapp", "base-url", base()));
        server.enqueue(Fixtures.ok("{\"hits\":[{\"objectID\":\"1\",".getBytes(), "application/json"));
        Cursor cursor = Cursor.EMPTY.with("created-at-i", "5");
        Harvest h = new HackerNewsConnector().poll(source, cursor, Fixtures.context(Map.of()));
        assertEquals(CrawlStatus.ERROR, h.status());
        assertTrue(h.problem().contains("malformed JSON"), h.problem());
        assertEquals(cursor, h.cursor());
    }

    @Test
    void rateLimitedSourceKeepsItsCursorAndSaysWhen() {
        Source source = Fixtures.source("x", SourceKind.X, Map.of("query", "q", "base-url", base()), "X_BEARER");
        server.enqueue(new MockResponse.Builder().code(429)
                .setHeader("x-rate-limit-reset", java.time.Instant.now().plusSeconds(900).getEpochSecond()).build());
        Harvest h = new XConnector().poll(source, Cursor.EMPTY, Fixtures.context(Map.of("X_BEARER", "t")));
        assertEquals(CrawlStatus.RATE_LIMITED, h.status());
        assertTrue(h.problem().contains("rate limited"), h.problem());
    }
}
