package dev.shenava.store;

/**
 * One author's mentions.
 *
 * @param handle       author handle
 * @param name         display name, or empty
 * @param mentions     mentions by this author
 * @param engagement   sum of their mentions' public interaction counts
 * @param netSentiment net sentiment of their mentions
 */
public record AuthorStats(String handle, String name, long mentions, long engagement, double netSentiment) {
}
