package dev.shenava.store;

import java.util.List;

/**
 * One page of search results (the API's {@code {"items", "total", "cursor"}}).
 *
 * @param items  the mentions of this page
 * @param total  how many mentions match in all
 * @param cursor opaque cursor of the next page, or {@code null} when there is none
 */
public record MentionPage(List<Mention> items, long total, String cursor) {
    public MentionPage {
        items = List.copyOf(items);
    }
}
