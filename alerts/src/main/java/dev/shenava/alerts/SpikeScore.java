package dev.shenava.alerts;

import java.time.Instant;

/**
 * One scored point of a series: what was seen, what the past led us to expect, and how surprising it is.
 *
 * @param time     the start of the point's bucket
 * @param observed the value of the point
 * @param expected the baseline for the point, from the past only (same time of day and recent level)
 * @param score    anomaly score in [0, 1]; 0.5 is roughly a one-in-ten-thousand surprise for a jump
 *                 as large as the past days' largest counts (a smaller jump needs more, a larger one less)
 * @param alert    whether the detector reports this point (score over its sensitivity, enough
 *                 volume, and not within the cooldown of the previous report)
 */
public record SpikeScore(Instant time, double observed, double expected, double score, boolean alert) {

    public SpikeScore {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score);
        }
    }
}
