package dev.shenava.crawler;

import java.time.Instant;
import java.util.Objects;

/**
 * What a crawler hands on: one item a source published.
 *
 * @param source      the configured source's id
 * @param kind        the kind of that source
 * @param nativeId    the source's own id for the item, or the canonical URL when it has none
 * @param url         canonical URL of the item (tracking parameters and fragment stripped)
 * @param author      who wrote it
 * @param title       title, empty when the item has none
 * @param text        plain text of the item
 * @param publishedAt when the source says it was published (the fetch time when it does not say)
 * @param fetchedAt   when Shenava fetched it
 * @param engagement  public interaction counts
 */
public record Post(String source,
                   SourceKind kind,
                   String nativeId,
                   String url,
                   Author author,
                   String title,
                   String text,
                   Instant publishedAt,
                   Instant fetchedAt,
                   Engagement engagement) {

    public Post {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        if (nativeId == null || nativeId.isBlank()) {
            throw new IllegalArgumentException("a post needs a native id or canonical URL");
        }
        url = url == null ? "" : url;
        author = author == null ? Author.UNKNOWN : author;
        title = title == null ? "" : title;
        text = text == null ? "" : text;
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        publishedAt = publishedAt == null ? fetchedAt : publishedAt;
        engagement = engagement == null ? Engagement.NONE : engagement;
    }
}
