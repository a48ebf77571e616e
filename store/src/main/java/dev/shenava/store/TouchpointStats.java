package dev.shenava.store;

/**
 * Volume and sentiment of one customer-experience touchpoint.
 *
 * @param touchpoint   touchpoint name, e.g. {@code delivery}
 * @param mentions     mentions that speak of it
 * @param positive     mentions positive about it
 * @param negative     mentions negative about it
 * @param neutral      mentions neutral about it
 * @param netSentiment net sentiment about it
 */
public record TouchpointStats(String touchpoint, long mentions, long positive, long negative, long neutral,
                              double netSentiment) {
}
