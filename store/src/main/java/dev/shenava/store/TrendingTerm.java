package dev.shenava.store;

/**
 * A key phrase that stands out in a period against the period of equal length before it.
 *
 * @param term          the key phrase
 * @param count         mentions holding it in the period
 * @param previousCount mentions holding it in the previous period
 * @param score         how much it stands out (higher is more)
 */
public record TrendingTerm(String term, long count, long previousCount, double score) {
}
