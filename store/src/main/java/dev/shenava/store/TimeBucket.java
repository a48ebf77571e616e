package dev.shenava.store;

import java.time.Instant;

/**
 * Mention counts in one time bucket, split by sentiment.
 *
 * @param time     start of the bucket
 * @param total    all mentions
 * @param positive positive mentions
 * @param negative negative mentions
 * @param neutral  neutral mentions
 */
public record TimeBucket(Instant time, long total, long positive, long negative, long neutral) {

    /**
     * Net sentiment as the field defines it: (pos - neg) / (pos + neg) * 100, 0 when both are 0.
     *
     * @return net sentiment in [-100, 100]
     */
    public double netSentiment() {
        return positive + negative == 0 ? 0 : (positive - negative) * 100.0 / (positive + negative);
    }
}
