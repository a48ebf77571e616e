package dev.shenava.store;

import java.util.List;

/**
 * One page of search results (the API's {@code {"items", "total", "totalExact", "cursor"}}).
 *
 * @param items      the mentions of this page
 * @param total      how many mentions match: exact when {@code totalExact}, else a lower bound
 *                   ({@link MentionIndex#TOTAL_CAP}, shown as "10,000+")
 * @param totalExact whether {@code total} is the exact count
 * @param cursor     opaque cursor of the next page, or {@code null} when there is none
 */
public record MentionPage(List<Mention> items, long total, boolean totalExact, String cursor) {
    public MentionPage {
        items = List.copyOf(items);
    }
}
