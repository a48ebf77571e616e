package dev.shenava.alerts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Scores anomaly detectors the way the Numenta Anomaly Benchmark does, standard profile.
 *
 * <p>Each labelled window rewards its first detection by a scaled sigmoid of the detection's
 * relative position (earlier is better, 1.0 at the window's start); a window without detection
 * costs A_FN; a detection outside every window costs A_FP weighted by the sigmoid of its distance
 * after the previous window. The first rows of each file (its probation) are not scored. The
 * threshold is the single one that maximises the total over all files, and the result is
 * normalised: 0 is the detector that flags nothing, 100 the perfect one.
 */
final class NabScorer {

    static final double TP = 1.0;
    static final double FP = 0.11;
    static final double FN = 1.0;

    private final List<File> files = new ArrayList<>();

    /** One file: its scores, its windows as [first, last] row indexes, and its probation length. */
    record File(String name, double[] scores, List<int[]> windows, int probation) {
    }

    /** The best threshold and what it earned. */
    record Result(double threshold, double raw, double nullScore, double perfect, double normalized,
                  int detectedWindows, int windows, int falsePositives) {
    }

    void add(String name, double[] scores, List<int[]> windows, int probation) {
        files.add(new File(name, scores, windows, probation));
    }

    static double scaledSigmoid(double relativePosition) {
        if (relativePosition > 3.0) {
            return -1.0;
        }
        return 2 / (1 + Math.exp(5 * relativePosition)) - 1.0;
    }

    private record Point(double score, double weight, int window, boolean fp) {
    }

    /** The score at the single threshold that maximises it over all files, as NAB's optimiser picks it. */
    Result best() {
        return sweep(Double.NaN);
    }

    /** The score at a given threshold (a detection is a score at or above it), e.g. one chosen on other files. */
    Result at(double threshold) {
        return sweep(threshold);
    }

    private Result sweep(double fixed) {
        List<Point> points = new ArrayList<>();
        int windowCount = 0;
        for (File f : files) {
            points.addAll(points(f, windowCount));
            windowCount += f.windows().size();
        }
        points.sort(Comparator.comparingDouble(Point::score).reversed());
        double nullScore = -FN * windowCount;
        double[] tpByWindow = new double[windowCount];
        boolean[] detected = new boolean[windowCount];
        double fp = 0;
        double tp = 0;
        int hits = 0;
        int fps = 0;
        Result best = new Result(Double.isNaN(fixed) ? Double.POSITIVE_INFINITY : fixed, nullScore, nullScore,
                TP * windowCount, 0, 0, windowCount, 0);
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (!Double.isNaN(fixed) && p.score() < fixed) {
                break;
            }
            if (p.fp()) {
                fp += p.weight();
                fps++;
            } else if (!detected[p.window()] || p.weight() > tpByWindow[p.window()]) {
                tp += p.weight() - (detected[p.window()] ? tpByWindow[p.window()] : 0);
                if (!detected[p.window()]) {
                    hits++;
                }
                detected[p.window()] = true;
                tpByWindow[p.window()] = p.weight();
            }
            boolean boundary = i + 1 == points.size() || points.get(i + 1).score() < p.score();
            if (boundary) {
                double raw = tp + fp - FN * (windowCount - hits);
                if (!Double.isNaN(fixed) || raw > best.raw()) {
                    best = new Result(Double.isNaN(fixed) ? p.score() : fixed, raw, nullScore, TP * windowCount,
                            100 * (raw - nullScore) / (TP * windowCount - nullScore), hits, windowCount, fps);
                }
            }
        }
        return best;
    }

    /**
     * Where the points short of a perfect score go at a threshold, in normalised points (out of
     * 100): windows missed (the true positive not earned and the miss charged), windows found late
     * (the part of the true positive lost to a later detection) and false positives.
     */
    double[] losses(double threshold) {
        double missed = 0;
        double late = 0;
        double falsePositives = 0;
        int windowCount = 0;
        for (File f : files) {
            double[] best = new double[f.windows().size()];
            Arrays.fill(best, Double.NaN);
            for (Point p : points(f, 0)) {
                if (p.score() < threshold) {
                    continue;
                }
                if (p.fp()) {
                    falsePositives -= p.weight();
                } else if (Double.isNaN(best[p.window()]) || p.weight() > best[p.window()]) {
                    best[p.window()] = p.weight();
                }
            }
            for (double b : best) {
                if (Double.isNaN(b)) {
                    missed += TP + FN;
                } else {
                    late += TP - b;
                }
            }
            windowCount += f.windows().size();
        }
        double scale = 100 / (TP * windowCount + FN * windowCount);
        return new double[] {missed * scale, late * scale, falsePositives * scale};
    }

    private static List<Point> points(File f, int firstWindow) {
        double maxTp = scaledSigmoid(-1.0);
        List<Point> out = new ArrayList<>();
        int[] windowOf = new int[f.scores().length];
        Arrays.fill(windowOf, -1);
        for (int w = 0; w < f.windows().size(); w++) {
            int[] lim = f.windows().get(w);
            for (int i = lim[0]; i <= lim[1]; i++) {
                windowOf[i] = w;
            }
        }
        int prevRight = -1;
        int prevWidth = 0;
        for (int i = 0; i < f.scores().length; i++) {
            int w = windowOf[i];
            double weight;
            if (w >= 0) {
                int[] lim = f.windows().get(w);
                double width = lim[1] - lim[0] + 1;
                double position = -(lim[1] - i + 1) / width;
                weight = scaledSigmoid(position) * TP / maxTp;
                if (i == lim[1]) {
                    prevRight = lim[1];
                    prevWidth = (int) width;
                }
            } else if (prevRight < 0) {
                weight = -1.0 * FP;
            } else {
                weight = scaledSigmoid(Math.abs(prevRight - i) / (double) (prevWidth - 1)) * FP;
            }
            if (i >= f.probation()) {
                out.add(new Point(f.scores()[i], weight, w >= 0 ? firstWindow + w : -1, w < 0));
            }
        }
        return out;
    }

    static int probation(int rows) {
        return (int) Math.min(Math.floor(0.15 * rows), 750);
    }
}
