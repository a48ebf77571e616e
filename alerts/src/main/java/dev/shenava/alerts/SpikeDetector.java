package dev.shenava.alerts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Scores a series of counts point by point, each score from the past only, and reports spikes.
 *
 * <p>The baseline of a point is the median of the recent level, reshaped by the series' own
 * daily rhythm: the median over the past week of how much the count at this time of day differs
 * from the count in the hours before it. The spread is a median absolute deviation of past
 * log-residuals, floored by Poisson noise, so a noisy count does not alert and a quiet one needs
 * a clear jump; where the same hours of day have been noisier over the past week (automated
 * posts that burst every night, say), their own spread sets the bar instead. The surprise is the
 * normal tail probability of a short smoothed excess over the baseline; it is mapped to [0, 1]
 * against the larger of a fixed one-in-ten-thousand surprise and the series' usual daily peak
 * surprise (the median of its last three days' peaks), so a series that jumps every day needs a
 * bigger jump. On a quiet series (fewer than four counts per step over the past day) the fixed
 * bar is lowered with the square root of the level, since the same relative burst carries less
 * surprise where there are fewer counts; the series' usual daily peak still holds where it is
 * higher. That bar is then scaled by the jump's size against
 * the largest smoothed count of the past five days: a jump that stays under the recent maxima
 * needs more surprise, one that tops them needs less (a gentle power, 0.15, of the ratio), so the
 * everyday bursts of a busy series rank below a burst that is large for the series itself.
 * An empty bucket where many mentions are expected is taken for a collection gap and kept out of
 * the baseline. After a report the detector stays silent for its cooldown, so one incident makes
 * one alert.
 *
 * <pre>{@code
 * SpikeDetector detector = SpikeDetector.builder().step(Duration.ofMinutes(5)).build();
 * SpikeScore s = detector.next(time, count);
 * if (s.alert()) { ... }
 * }</pre>
 */
public final class SpikeDetector {

    private final double threshold;
    private final double minVolume;
    private final long cooldownPoints;
    private final int period;
    private final Tuning tuning;
    private final double[] values;
    private final double[] residuals;
    private final double[] pastResiduals;
    private final double[] dailyPeaks;
    private final long[] queue;
    private int queueHead;
    private int queueSize;
    private long nextQueued;
    private long count;
    private long lastAlert = Long.MIN_VALUE / 2;
    private Terms terms;

    private SpikeDetector(Builder builder) {
        this.threshold = Double.isNaN(builder.threshold) ? builder.sensitivity.threshold() : builder.threshold;
        this.minVolume = builder.minVolume;
        long stepSeconds = Math.max(1, builder.step.toSeconds());
        this.cooldownPoints = Math.max(0, builder.cooldown.toSeconds() / stepSeconds);
        this.period = (int) Math.max(1, Duration.ofDays(1).toSeconds() / stepSeconds);
        this.tuning = builder.tuning;
        int capacity = period * Math.max(tuning.seasonalDays(), tuning.maxDays()) + tuning.recentPoints() + tuning.smoothPoints() + 4;
        this.values = new double[Math.max(capacity, tuning.scalePoints() + 1)];
        this.residuals = new double[tuning.scalePoints()];
        this.pastResiduals = new double[tuning.localHalfWidth() > 0 ? tuning.seasonalDays() * period + tuning.localHalfWidth() + 1 : 0];
        Arrays.fill(pastResiduals, Double.NaN);
        this.dailyPeaks = new double[Math.max(1, tuning.peakDays()) + 1];
        this.queue = new long[Math.max(1, tuning.maxDays()) * period + 1];
    }

    /**
     * A builder with the defaults: 5-minute step, medium sensitivity, no minimum volume, 6-hour cooldown.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Scores the next point of the series.
     *
     * @param time  the point's time (reported back, not used for the arithmetic: points are
     *              taken as consecutive steps)
     * @param value the count in the point's bucket
     * @return the point's score
     */
    public SpikeScore next(Instant time, double value) {
        double v = Double.isFinite(value) ? Math.max(0, value) : 0;
        terms = null;
        long n = count;
        values[(int) (n % values.length)] = v;
        count++;
        if (pastResiduals.length > 0) {
            // written before any early return, so a warm-up point or a gap leaves no stale residual of days ago
            pastResiduals[(int) (n % pastResiduals.length)] = Double.NaN;
        }
        if (n < tuning.warmupPoints()) {
            return new SpikeScore(time, v, v, 0, false);
        }
        double expected = expected(n);
        if (v == 0 && expected >= tuning.gapLevel()) {
            // an empty bucket where many are expected is a collection gap, not news: keep it out of the
            // baseline, so that neither the gap nor the return to normal after it looks like a spike
            values[(int) (n % values.length)] = expected;
            return new SpikeScore(time, v, expected, 0, false);
        }
        double observed = smoothed(n);
        double scale = Math.max(scale(expected), localScale(n));
        double residual = Math.log((v + tuning.offset()) / (expected + tuning.offset()));
        residuals[(int) (n % residuals.length)] = residual;
        if (pastResiduals.length > 0) {
            pastResiduals[(int) (n % pastResiduals.length)] = residual;
        }
        double z = Math.log((observed + tuning.offset()) / (expected + tuning.offset())) / scale;
        double surprise = surprise(z);
        double typical = typicalDailyPeak(n);
        recordPeak(n, surprise);
        double half = Math.max(quietBar(n), tuning.peakFactor() * typical);
        if (tuning.maxWeight() > 0 && n >= period) {
            // a jump under the largest counts of the past days needs more surprise, one over them less
            double relative = observed / Math.max(1, recentMax(n));
            half /= Math.pow(Math.max(relative, 1e-3), tuning.maxWeight());
        }
        double score = surprise / (surprise + half);
        terms = new Terms(expected, observed, scale, z, surprise, typical, half, score);
        boolean cooling = n - lastAlert <= cooldownPoints;
        boolean alert = !cooling && score >= threshold && observed >= minVolume;
        if (alert) {
            lastAlert = n;
        } else if (cooling) {
            score = Math.min(score, threshold * tuning.coolingCap());
        }
        return new SpikeScore(time, v, expected, score, alert);
    }

    /** How the last scored point's score was built, for the benchmark's step-by-step traces. */
    record Terms(double expected, double observed, double scale, double z, double surprise, double typical,
                 double half, double score) {
    }

    /** The terms of the last point, or null where it was not scored (warm-up, or an empty bucket taken for a gap). */
    Terms lastTerms() {
        return terms;
    }

    /**
     * The fixed bar a surprise is measured against, lowered on a quiet series (a mean of the past
     * day's counts under {@code quietLevel}): the same relative burst carries less surprise there.
     */
    private double quietBar(long n) {
        if (tuning.quietLevel() <= 0 || n < period) {
            return tuning.surpriseHalf();
        }
        double sum = 0;
        for (long i = n - period; i < n; i++) {
            sum += value(i);
        }
        double level = sum / period;
        return tuning.surpriseHalf() * Math.min(1, Math.pow((level + 1) / tuning.quietLevel(), tuning.quietPower()));
    }

    /**
     * The largest smoothed count of the past {@code maxDays} days, up to an hour before this point
     * (so the onset of the burst being scored does not count against it). A monotone queue of
     * indexes keeps it at constant cost per point.
     */
    private double recentMax(long n) {
        long from = Math.max(tuning.smoothPoints() - 1, n - (long) tuning.maxDays() * period);
        long to = n - Math.max(1, period / 24);
        for (long i = Math.max(nextQueued, from); i < to; i++) {
            double s = smoothed(i);
            while (queueSize > 0 && smoothed(queue[(queueHead + queueSize - 1) % queue.length]) <= s) {
                queueSize--;
            }
            queue[(queueHead + queueSize) % queue.length] = i;
            queueSize++;
        }
        nextQueued = Math.max(nextQueued, to);
        while (queueSize > 0 && queue[queueHead] < from) {
            queueHead = (queueHead + 1) % queue.length;
            queueSize--;
        }
        return queueSize == 0 ? 0 : smoothed(queue[queueHead]);
    }

    private double value(long index) {
        return values[(int) (index % values.length)];
    }

    private double expected(long n) {
        int w = (int) Math.min(tuning.recentPoints(), n);
        double level = median(n - w, w);
        int days = (int) Math.min(tuning.seasonalDays(), (n - w) / period);
        if (days < tuning.minSeasonalDays()) {
            return level;
        }
        double[] ratios = new double[days];
        int h = tuning.seasonalHalfWidth();
        for (int d = 1; d <= days; d++) {
            long then = n - (long) d * period;
            double now = median(then - h, 2 * h + 1);
            double before = median(then - w, w);
            ratios[d - 1] = (now + 1) / (before + 1);
        }
        double ratio = median(ratios);
        double shaped = (level + 1) * ratio - 1;
        return Math.max(0, tuning.seasonalWeight() * shaped + (1 - tuning.seasonalWeight()) * level);
    }

    private double smoothed(long n) {
        int k = tuning.smoothPoints();
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += value(n - i);
        }
        return sum / k;
    }

    private double scale(double expected) {
        int filled = (int) Math.min(residuals.length, count - 1 - tuning.warmupPoints());
        // Poisson noise of a mean of k counts, in log space
        double poisson = Math.sqrt(expected + tuning.offset()) / (expected + tuning.offset()) / Math.sqrt(tuning.smoothPoints());
        if (filled < 12) {
            return poisson * tuning.poissonFloor();
        }
        double[] r = Arrays.copyOf(residuals, filled);
        double med = median(r);
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.abs(r[i] - med);
        }
        double mad = 1.4826 * median(r) * tuning.madFactor();
        return Math.max(mad, poisson * tuning.poissonFloor());
    }

    /**
     * The spread of the residuals at this time of day: a median absolute deviation over the same
     * hour (plus or minus {@code localHalfWidth} points) of each of the past {@code seasonalDays}
     * days. Where a series is noisier at some hours (bursts of automated posts at night, say) a
     * jump there needs to be larger; elsewhere the whole day's spread still sets the bar. Zero
     * until two days are known.
     */
    private double localScale(long n) {
        // with long steps (a day holds fewer than 2h + 1 points) the hours of neighbouring days would overlap
        int h = Math.min(tuning.localHalfWidth(), (period - 1) / 2);
        int days = (int) Math.min(tuning.seasonalDays(), (n - h) / period);
        if (h <= 0 || n <= 2L * period) {
            return 0;
        }
        double[] r = new double[days * (2 * h + 1)];
        int filled = 0;
        for (int d = 1; d <= days; d++) {
            for (long i = n - (long) d * period - h; i <= n - (long) d * period + h; i++) {
                double x = pastResiduals[(int) (i % pastResiduals.length)];
                if (!Double.isNaN(x)) {
                    r[filled++] = x;
                }
            }
        }
        if (filled < 24) {
            return 0;
        }
        r = Arrays.copyOf(r, filled);
        double med = median(r);
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.abs(r[i] - med);
        }
        return 1.4826 * median(r) * tuning.madFactor();
    }

    private static double surprise(double z) {
        return z <= 0 ? 0 : -Math.log10(Math.max(upperTail(z), 1e-300));
    }

    /**
     * How much this series usually jumps: a quantile over the past days of each day's largest
     * surprise. Days are consecutive blocks of one day's points; the current block is not used.
     */
    private double typicalDailyPeak(long n) {
        long block = n / period;
        int days = (int) Math.min(tuning.peakDays(), block - (tuning.warmupPoints() + period - 1) / period);
        if (days < 1) {
            return 0;
        }
        double[] peaks = new double[days];
        for (int d = 0; d < days; d++) {
            peaks[d] = dailyPeaks[(int) ((block - 1 - d) % dailyPeaks.length)];
        }
        Arrays.sort(peaks);
        return peaks[(int) Math.min(days - 1, Math.floor(tuning.peakQuantile() * days))];
    }

    private void recordPeak(long n, double surprise) {
        int slot = (int) ((n / period) % dailyPeaks.length);
        if (n % period == 0) {
            dailyPeaks[slot] = 0;
        }
        dailyPeaks[slot] = Math.max(dailyPeaks[slot], surprise);
    }

    /** Upper tail of the standard normal, accurate to about 1e-7 relative (Abramowitz and Stegun 26.2.17 via erfc). */
    static double upperTail(double z) {
        if (z > 37) {
            // log-space approximation of the far tail, so scores keep growing instead of saturating
            return Math.exp(-z * z / 2 - Math.log(z * Math.sqrt(2 * Math.PI)));
        }
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    private static double erfc(double x) {
        // Numerical Recipes erfcc: fractional error below 1.2e-7 everywhere
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double ans = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2 - ans;
    }

    private double median(long from, int length) {
        double[] a = new double[length];
        for (int i = 0; i < length; i++) {
            a[i] = value(Math.max(0, from + i));
        }
        return median(a);
    }

    private static double median(double[] a) {
        Arrays.sort(a);
        int m = a.length / 2;
        return a.length % 2 == 1 ? a[m] : (a[m - 1] + a[m]) / 2;
    }

    /** Internal knobs, fixed for users; exposed to the package so the benchmark can explore them. */
    record Tuning(int warmupPoints, int recentPoints, int smoothPoints, int scalePoints, int seasonalDays,
                  int minSeasonalDays, int seasonalHalfWidth, double seasonalWeight, double poissonFloor,
                  double surpriseHalf, double coolingCap, double madFactor,
                  int peakDays, double peakQuantile, double peakFactor, double gapLevel, int maxDays, double maxWeight,
                  int localHalfWidth, double offset, double quietLevel, double quietPower) {

        static final Tuning DEFAULT = new Tuning(12, 48, 2, 288, 7, 2, 2, 1.0, 1.0, 4.0, 0.9, 0.95, 3, 0.5, 1.0, 8, 5, 0.15, 12, 1.0, 5, 0.5);
    }

    /**
     * Configures a {@link SpikeDetector}.
     */
    public static final class Builder {
        private Duration step = Duration.ofMinutes(5);
        private Sensitivity sensitivity = Sensitivity.MEDIUM;
        private double minVolume;
        private Duration cooldown = Duration.ofHours(6);
        private Tuning tuning = Tuning.DEFAULT;
        private double threshold = Double.NaN;

        private Builder() {
        }

        /**
         * The length of one point's bucket; the daily rhythm is learned in these steps.
         *
         * @param step bucket length, at most one day
         * @return this builder
         */
        public Builder step(Duration step) {
            if (step.isNegative() || step.isZero() || step.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("step must be between 1 second and 1 day, was " + step);
            }
            this.step = step;
            return this;
        }

        /**
         * How readily to alert.
         *
         * @param sensitivity the preset
         * @return this builder
         */
        public Builder sensitivity(Sensitivity sensitivity) {
            this.sensitivity = Objects.requireNonNull(sensitivity, "sensitivity");
            return this;
        }

        /**
         * The smallest smoothed count that may alert, so that 1 complaint after 0 is not a spike.
         *
         * @param minVolume count per step, zero or more
         * @return this builder
         */
        public Builder minVolume(double minVolume) {
            if (minVolume < 0) {
                throw new IllegalArgumentException("minVolume must be zero or more, was " + minVolume);
            }
            this.minVolume = minVolume;
            return this;
        }

        /**
         * How long to stay silent after an alert.
         *
         * @param cooldown zero or more
         * @return this builder
         */
        public Builder cooldown(Duration cooldown) {
            if (cooldown.isNegative()) {
                throw new IllegalArgumentException("cooldown must be zero or more, was " + cooldown);
            }
            this.cooldown = cooldown;
            return this;
        }

        Builder threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        Builder tuning(Tuning tuning) {
            this.tuning = Objects.requireNonNull(tuning, "tuning");
            return this;
        }

        /**
         * Builds the detector.
         *
         * @return a detector with an empty history
         */
        public SpikeDetector build() {
            return new SpikeDetector(this);
        }
    }
}
