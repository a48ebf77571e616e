package dev.shenava.crawler;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
            Answer read;
            try {
                read = read(source, answer);
            } catch (CrawlException e) {
                return new Harvest(List.of(), cursor, CrawlStatus.ERROR, e.getMessage(), requests);
            }
            newest = Math.max(newest, read.newest());
            collected.addAll(read.posts());
            boolean last = page + 1 >= read.pages() || read.noHits();
            if (last || since == 0) {
                break;
            }
        }
        return new Harvest(collected, cursor.with("created-at-i", Long.toString(newest)), CrawlStatus.FETCHED, "",
                requests);
    }

    @Override
    public List<Post> parse(Source source, Fetched page) {
        return read(source, page).posts();
    }

    /**
     * One Algolia answer read.
     *
     * @param posts  the hits with an objectID as posts
     * @param newest the highest {@code created_at_i} among the hits (0 when none)
     * @param pages  {@code nbPages}
     * @param noHits whether {@code hits} is absent or empty
     */
    record Answer(List<Post> posts, long newest, int pages, boolean noHits) {
    }

    /** The fields of a hit the connector reads, as a tree would give them ({@link Json#text}, {@code asLong}). */
    static final class Hit {
        String objectId = "";
        String commentText = "";
        /** The comment's plain text, read from the parser's chars (no string of the raw comment); null when not. */
        String commentPlain;
        String storyTitle = "";
        String title = "";
        String storyText = "";
        String createdAt = "";
        String author = "";
        long createdAtI;
        long points;
        long comments;
    }

    /**
     * Reads an answer: a UTF-8 answer of the usual shape in one scan over its bytes ({@link HackerNewsScanner}, which
     * also checks the UTF-8 that charset detection would check), anything else with Jackson ({@link #readWithJackson}).
     */
    static Answer read(Source source, Fetched page) {
        int start = Json.utf8StartIfWellFormed(page); // the scanner checks every byte
        if (start >= 0) {
            Answer scanned = HackerNewsScanner.read(source, page, start);
            if (scanned != null) {
                return scanned;
            }
        }
        return readWithJackson(source, page);
    }

    /**
     * Reads an answer with Jackson's streaming parser straight into the fields a post needs (no tree of every field
     * of every hit); anything the stream cannot read goes to the tree reader, which words the problem as before.
     */
    static Answer readWithJackson(Source source, Fetched page) {
        int start = Json.utf8Start(page);
        if (start >= 0) {
            byte[] body = page.body();
            try (JsonParser p = Json.MAPPER.getFactory().createParser(body, start, body.length - start)) {
                return stream(source, page, p);
            } catch (IOException notJson) {
                // the tree reader below gives the reason
            }
        }
        return tree(source, page, Json.read(page));
    }

    private static Answer stream(Source source, Fetched page, JsonParser p) throws IOException {
        List<Post> posts = new ArrayList<>();
        long newest = 0;
        int pages = 0;
        boolean noHits = true;
        if (p.nextToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return new Answer(posts, 0, 0, true);
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if (field.equals("nbPages")) {
                pages = (int) Json.asLong(p);
            } else if (field.equals("hits") && (value == JsonToken.START_ARRAY || value == JsonToken.START_OBJECT)) {
                // a later "hits" replaces an earlier one, as in a tree
                posts.clear();
                newest = 0;
                noHits = true;
                JsonToken end = value == JsonToken.START_ARRAY ? JsonToken.END_ARRAY : JsonToken.END_OBJECT;
                for (JsonToken t = p.nextToken(); t != end; t = p.nextToken()) {
                    if (t == JsonToken.FIELD_NAME) {
                        t = p.nextToken(); // hits as an object: its values are the hits
                    }
                    noHits = false;
                    if (t != JsonToken.START_OBJECT) {
                        p.skipChildren();
                        continue;
                    }
                    Hit hit = hit(p);
                    newest = Math.max(newest, hit.createdAtI);
                    Post post = post(source, page, hit);
                    if (post != null) {
                        posts.add(post);
                    }
                }
            } else {
                if (field.equals("hits")) {
                    posts.clear();
                    newest = 0;
                    noHits = true;
                }
                p.skipChildren();
            }
        }
        return new Answer(posts, newest, pages, noHits);
    }

    private static Hit hit(JsonParser p) throws IOException {
        Hit hit = new Hit();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "objectID" -> hit.objectId = Json.text(p);
                case "comment_text" -> comment(p, hit);
                case "story_title" -> hit.storyTitle = Json.text(p);
                case "title" -> hit.title = Json.text(p);
                case "story_text" -> hit.storyText = Json.text(p);
                case "created_at" -> hit.createdAt = Json.text(p);
                case "author" -> hit.author = Json.text(p);
                case "created_at_i" -> hit.createdAtI = Json.asLong(p);
                case "points" -> hit.points = Math.max(0, Json.asLong(p));
                case "num_comments" -> hit.comments = Math.max(0, Json.asLong(p));
                default -> p.skipChildren();
            }
        }
        return hit;
    }

    private static void comment(JsonParser p, Hit hit) throws IOException {
        int length = p.currentToken() == JsonToken.VALUE_STRING ? p.getTextLength() : 0;
        hit.commentText = length > 0 ? "" : Json.text(p);
        hit.commentPlain = length > 0
                ? Html.text(p.getTextCharacters(), p.getTextOffset(), p.getTextOffset() + length) : null;
    }

    /** The same answer read from a Jackson tree: the reference the stream reader must agree with. */
    static Answer tree(Source source, Fetched page, JsonNode root) {
        List<Post> posts = new ArrayList<>();
        long newest = 0;
        for (JsonNode node : root.path("hits")) {
            Hit hit = new Hit();
            hit.objectId = Json.text(node, "objectID");
            hit.commentText = Json.text(node, "comment_text");
            hit.storyTitle = Json.text(node, "story_title");
            hit.title = Json.text(node, "title");
            hit.storyText = Json.text(node, "story_text");
            hit.createdAt = Json.text(node, "created_at");
            hit.author = Json.text(node, "author");
            hit.createdAtI = node.path("created_at_i").asLong(0);
            hit.points = Json.count(node, "points");
            hit.comments = Json.count(node, "num_comments");
            newest = Math.max(newest, hit.createdAtI);
            Post post = post(source, page, hit);
            if (post != null) {
                posts.add(post);
            }
        }
        return new Answer(posts, newest, root.path("nbPages").asInt(0), root.path("hits").isEmpty());
    }

    private static Post post(Source source, Fetched page, Hit hit) {
        if (hit.objectId.isBlank()) {
            return null; // no item to point to (a post needs an id)
        }
        boolean comment = hit.commentPlain != null || !hit.commentText.isEmpty();
        return post(source, page, hit, Html.text(comment ? hit.storyTitle : hit.title));
    }

    /** Whether a created_at_i is a time (positive, within what an Instant holds) rather than created_at. */
    static boolean epoch(long seconds) {
        return seconds > 0 && seconds <= Instant.MAX.getEpochSecond();
    }

    /**
     * The post of a hit with an objectID.
     *
     * @param titleText the plain text of its title (the story's for a comment)
     */
    static Post post(Source source, Fetched page, Hit hit, String titleText) {
        String id = hit.objectId;
        boolean comment = hit.commentPlain != null || !hit.commentText.isEmpty();
        String text = comment ? hit.commentText : hit.storyText;
        if (!comment && text.isEmpty()) {
            text = hit.title;
        }
        Instant at = epoch(hit.createdAtI) ? Instant.ofEpochSecond(hit.createdAtI) : Json.instant(hit.createdAt);
        String handle = hit.author;
        return new Post(source.id(), SourceKind.HACKERNEWS, id, "https://news.ycombinator.com/item?id=" + id,
                new Author(handle, handle, -1), titleText,
                hit.commentPlain != null ? hit.commentPlain : Html.text(text), at, page.fetchedAt(),
                new Engagement(hit.points, 0, hit.comments, 0));
    }
}
