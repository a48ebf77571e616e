package dev.shenava.crawler;

import java.util.List;
import java.util.Objects;

/**
 * What one poll of a source brought: new posts and the cursor to save once they are handed on.
 *
 * @param posts    new posts, newest first where the source orders them
 * @param cursor   the cursor to save after the posts are durably handed on
 * @param status   how the poll ended
 * @param problem  what went wrong, in words a person can act on; empty when fine
 * @param requests how many requests the poll made
 */
public record Harvest(List<Post> posts, Cursor cursor, CrawlStatus status, String problem, int requests) {

    public Harvest {
        posts = posts == null ? List.of() : List.copyOf(posts);
        Objects.requireNonNull(cursor, "cursor");
        Objects.requireNonNull(status, "status");
        problem = problem == null ? "" : problem;
    }

    /**
     * A poll that failed: no posts, the old cursor kept.
     *
     * @param cursor   the unchanged cursor
     * @param fetched  the failed answer
     * @param requests requests made
     * @return the harvest
     */
    static Harvest failed(Cursor cursor, Fetched fetched, int requests) {
        return new Harvest(List.of(), Cursor.notBefore(cursor, fetched), fetched.status(), fetched.reason(), requests);
    }

    /**
     * A poll that failed before any request.
     *
     * @param cursor  the unchanged cursor
     * @param problem what to fix
     * @return the harvest
     */
    static Harvest misconfigured(Cursor cursor, String problem) {
        return new Harvest(List.of(), cursor, CrawlStatus.ERROR, problem, 0);
    }
}
