package dev.shenava.alerts;

/**
 * Spots a sentiment drop: the negative share of a brand's mentions in a recent window rising
 * sharply over its baseline share, with enough volume to mean it.
 *
 * <p>The test is binomial: under the baseline share {@code p0}, how surprising are {@code k}
 * negative mentions out of {@code n}? The surprise (minus log10 of the normal-approximated tail)
 * maps to [0, 1] the same way as {@link SpikeDetector}'s, and a drop also needs the share to rise
 * by at least half again and ten percentage points, so a large brand's tiny shift does not alert.
 */
public final class SentimentDropDetector {

    private SentimentDropDetector() {
    }

    /**
     * The outcome for one window.
     *
     * @param share         negative share in the window, 0..1
     * @param baselineShare negative share in the baseline, 0..1
     * @param score         anomaly score in [0, 1]
     * @param alert         whether this is a drop at the sensitivity, with enough volume
     */
    public record Result(double share, double baselineShare, double score, boolean alert) {
    }

    /**
     * Scores a window against a baseline.
     *
     * @param negative      negative mentions in the window
     * @param total         all mentions in the window
     * @param baseNegative  negative mentions in the baseline period
     * @param baseTotal     all mentions in the baseline period
     * @param sensitivity   the rule's sensitivity
     * @param minVolume     the smallest window total that may alert
     * @return the result
     */
    public static Result score(long negative, long total, long baseNegative, long baseTotal, Sensitivity sensitivity,
                               double minVolume) {
        double share = total == 0 ? 0 : (double) negative / total;
        // a weak prior keeps a brand-new brand's baseline from being exactly 0 or 1
        double p0 = (baseNegative + 1.0) / (baseTotal + 4.0);
        if (total == 0) {
            return new Result(0, p0, 0, false);
        }
        double z = (negative - total * p0) / Math.sqrt(total * p0 * (1 - p0));
        double surprise = z <= 0 ? 0 : -Math.log10(Math.max(SpikeDetector.upperTail(z), 1e-300));
        double score = surprise / (surprise + 4.0);
        boolean sharp = share >= 1.5 * p0 && share - p0 >= 0.10;
        boolean alert = sharp && score >= sensitivity.threshold() && total >= Math.max(1, minVolume);
        return new Result(share, p0, score, alert);
    }
}
