package dev.shenava.alerts;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Stand-ins for series the detector has not seen, made from the shared ones without looking at
 * any other: the counts thinned (binomial, fixed seeds) to 50%, 25% and 10%, as a quieter
 * company's tweets would be (four seeds each, {@code -Dnab.seeds}: two seeds of one rate differ
 * by up to five points), and the series started a few hours later, so that the detector's days
 * begin at another hour of the series' rhythm (the detector reads no clock, so this is what
 * another time zone's rhythm changes for it). The labelled windows stay where they are.
 *
 * <p>Each stand-in set is pooled with the five real series under one threshold, as NAB pools its
 * ten; a setting that only suits the real five's levels loses points on the stand-in half there.
 */
final class NabYardstick {

    /** One way of making stand-ins, applied to every series. */
    record StandIn(String label, List<NabData.Series> series) {
    }

    /** What one setting scored on one stand-in set. */
    record Figure(String label, double ten, double threshold, double half, int windows, int detected, int falsePositives,
                  double[] losses) {
    }

    private NabYardstick() {
    }

    static List<StandIn> standIns(List<NabData.Series> series) {
        List<StandIn> out = new ArrayList<>();
        int seeds = Integer.getInteger("nab.seeds", 4);
        for (double p : new double[] {0.5, 0.25, 0.1}) {
            for (int seed = 1; seed <= seeds; seed++) {
                int set = seed;
                out.add(new StandIn(String.format("thinned %d%% #%d", Math.round(p * 100), seed), IntStream.range(0,
                        series.size()).mapToObj(i -> thinned(series.get(i), p, thinningSeed(set, p, i))).toList()));
            }
        }
        for (int hours : new int[] {3, 8}) {
            out.add(new StandIn("shifted " + hours + " h", series.stream().map(s -> shifted(s, hours)).toList()));
        }
        return out;
    }

    /** The random seed of the {@code index}th series in the stand-in set {@code set} (1, 2 ...) thinned to {@code p}. */
    static long thinningSeed(int set, double p, int index) {
        return (7919L * set + Math.round(p * 1000)) * 31 + index;
    }

    /** Each count kept mention by mention with probability {@code p}: a quieter series with the same bursts in proportion. */
    static NabData.Series thinned(NabData.Series s, double p, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SeriesReplay.Row> rows = s.rows().stream().map(r -> {
            long kept = 0;
            for (long c = Math.round(r.value()); c > 0; c--) {
                kept += random.nextDouble() < p ? 1 : 0;
            }
            return new SeriesReplay.Row(r.timestamp(), r.time(), kept);
        }).toList();
        return new NabData.Series(s.name(), rows, s.windows());
    }

    /** The series from {@code hours} after its start, its windows moved with it. */
    static NabData.Series shifted(NabData.Series s, int hours) {
        Duration step = SeriesReplay.step(s.rows());
        int k = (int) (Duration.ofHours(hours).toSeconds() / step.toSeconds());
        List<int[]> windows = s.windows().stream().map(w -> new int[] {w[0] - k, w[1] - k}).toList();
        return new NabData.Series(s.name(), s.rows().subList(k, s.rows().size()), windows);
    }

    /**
     * Each stand-in set pooled with the real series under the one threshold best for the ten, and
     * the stand-in half's own figure at that threshold.
     */
    static List<Figure> measure(List<NabData.Series> real, List<double[]> realScores, List<StandIn> standIns,
                                Function<NabData.Series, double[]> detector) {
        return standIns.stream().map(set -> {
            List<double[]> scores = set.series().parallelStream().map(detector).toList();
            NabScorer ten = new NabScorer();
            NabScorer half = new NabScorer();
            for (int i = 0; i < real.size(); i++) {
                NabData.Series s = real.get(i);
                ten.add(s.name(), realScores.get(i), s.windows(), NabScorer.probation(s.rows().size()));
                NabData.Series t = set.series().get(i);
                ten.add(t.name() + " " + set.label(), scores.get(i), t.windows(), NabScorer.probation(t.rows().size()));
                half.add(t.name() + " " + set.label(), scores.get(i), t.windows(), NabScorer.probation(t.rows().size()));
            }
            NabScorer.Result pooled = ten.best();
            NabScorer.Result standIn = half.at(pooled.threshold());
            return new Figure(set.label(), pooled.normalized(), pooled.threshold(), standIn.normalized(), standIn.windows(),
                    standIn.detectedWindows(), standIn.falsePositives(), half.losses(pooled.threshold()));
        }).toList();
    }

    /** One line: each set's ten-series figure (its threshold) and stand-in half, then the worst and mean of both. */
    static String describe(List<Figure> figures) {
        StringBuilder text = new StringBuilder();
        for (Figure f : figures) {
            text.append(String.format("; %s: ten %.1f at %.4f, stand-ins %.1f (%d/%d, %d; lost %.1f missed, %.1f late, %.1f fp)",
                    f.label(), f.ten(), f.threshold(), f.half(), f.detected(), f.windows(), f.falsePositives(),
                    f.losses()[0], f.losses()[1], f.losses()[2]));
        }
        double[] lost = new double[3];
        for (Figure f : figures) {
            for (int i = 0; i < 3; i++) {
                lost[i] += f.losses()[i] / figures.size();
            }
        }
        double[] ten = figures.stream().mapToDouble(Figure::ten).toArray();
        double[] half = figures.stream().mapToDouble(Figure::half).toArray();
        return String.format("ten worst %.1f mean %.1f, stand-ins worst %.1f mean %.1f (lost on average %.1f to missed windows, "
                        + "%.1f to late detection, %.1f to false positives)%s",
                Arrays.stream(ten).min().orElse(0), Arrays.stream(ten).average().orElse(0),
                Arrays.stream(half).min().orElse(0), Arrays.stream(half).average().orElse(0), lost[0], lost[1], lost[2], text);
    }
}
