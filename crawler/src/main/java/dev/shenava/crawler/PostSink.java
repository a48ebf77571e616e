package dev.shenava.crawler;

import java.util.List;

/**
 * Where polled posts go (the api module's ingest pipeline).
 */
@FunctionalInterface
public interface PostSink {

    /**
     * Hands posts on; must return only once they are durably stored (journaled), because the source's cursor
     * advances right after.
     *
     * @param source the source they came from
     * @param posts  new posts, at least one
     * @throws RuntimeException when they could not be stored: the cursor then stays and the poll is repeated
     */
    void accept(Source source, List<Post> posts);
}
