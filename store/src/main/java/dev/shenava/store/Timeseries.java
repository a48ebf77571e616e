package dev.shenava.store;

import java.util.List;

/**
 * Mentions over time, split by sentiment.
 *
 * @param interval bucket width: hour, day or week
 * @param buckets  one per interval in the range, empty ones included, oldest first
 * @param totals   the whole range
 */
public record Timeseries(String interval, List<Bucket> buckets, Totals totals) {

    public Timeseries {
        buckets = List.copyOf(buckets);
    }

    /**
     * One time bucket.
     *
     * @param time         start of the bucket, ISO-8601 UTC
     * @param total        mentions
     * @param positive     positive mentions
     * @param negative     negative mentions
     * @param neutral      neutral mentions
     * @param netSentiment (positive − negative) / (positive + negative) × 100
     */
    public record Bucket(String time, long total, long positive, long negative, long neutral, double netSentiment) {
    }

    /**
     * The whole range.
     *
     * @param total        mentions
     * @param positive     positive mentions
     * @param negative     negative mentions
     * @param neutral      neutral mentions
     * @param netSentiment (positive − negative) / (positive + negative) × 100
     * @param engagement   sum of the mentions' public interaction counts
     */
    public record Totals(long total, long positive, long negative, long neutral, double netSentiment,
                         long engagement) {
    }
}
