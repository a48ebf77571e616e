package dev.shenava.store;

/**
 * One term of a terms aggregation.
 *
 * @param term  the value
 * @param count how many mentions carry it
 */
public record TermCount(String term, long count) {
}
