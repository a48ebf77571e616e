package dev.shenava.crawler;

import java.util.List;

/**
 * Turns a source and its saved cursor into new posts and a new cursor, paging as the source pages.
 */
public interface Connector {

    /**
     * The kind of source this connector reads.
     *
     * @return the kind
     */
    SourceKind kind();

    /**
     * Polls a source once: fetches every page newer than the cursor (bounded by {@code crawler.max-pages}).
     *
     * @param source  the source
     * @param cursor  its saved cursor, {@link Cursor#EMPTY} the first time
     * @param context fetcher, credentials, robots rules
     * @return posts and the next cursor; failures are values, never exceptions
     */
    Harvest poll(Source source, Cursor cursor, CrawlContext context);

    /**
     * Parses one saved answer as {@link #poll} would, without fetching (for {@code crawl parse} and tests).
     *
     * @param source the source (its parameters shape the posts)
     * @param page   the saved answer
     * @return the posts found, possibly none
     * @throws CrawlException when the answer cannot be read at all
     */
    List<Post> parse(Source source, Fetched page);
}
