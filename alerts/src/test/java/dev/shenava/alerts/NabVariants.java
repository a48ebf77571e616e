package dev.shenava.alerts;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A quick scorer for detector variants: each variant's NAB figures on the shared realTweets
 * series (all series, each series at the shared threshold, leave one series out with the
 * threshold alone), without the sweep {@link NabBenchmarkTest} runs, so a loop over variants
 * takes seconds per variant. With {@code -Dnab.table=true} it also prints every row the first
 * variant reports at the chosen threshold (the first of each window, and every false positive)
 * with the features that might tell them apart: hour, weekday, the count's rank among all past
 * smoothed counts, its ratio to the largest of them (whole past, 14 days, 5 days), the length of
 * the rise (steps over twice the expected), whether a score of 0.4 or more came 6, 12 or 24 hours
 * before, and the counts from half an hour before to two hours after, over the expected. With
 * {@code -Dnab.yardstick=true} it also scores each variant on stand-ins for unseen series
 * ({@link NabYardstick}: the series thinned to 50%, 25% and 10%, and started 3 or 8 hours later),
 * each set pooled with the real five under one threshold. With {@code -Dnab.trace=GOOG:2} it prints,
 * for each variant, how the score is built step by step (expected, smoothed count, spread, z,
 * surprise, usual daily peak, bar, score) in the second window of GOOG, on the real series and
 * thinned to 50%, 25% and 10%. {@code cooldownHours=18} sets the cooldown (24 hours otherwise).
 *
 * <p>Not part of the suite (the name does not end in Test); run it by name, variants separated by
 * {@code ;}, knobs of one variant by {@code ,} as {@link SpikeDetector.Tuning} components:
 * <pre>{@code
 * mvn -B -ntp -o -pl alerts -am test -Dtest=NabVariants -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dnab.variants='shipped;poissonFloor=2;smoothPoints=3,maxWeight=0.3' -Dnab.table=true
 * nice -n 19 mvn -B -ntp -o -pl alerts -am test -Dtest=NabVariants -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dnab.variants='shipped;localHalfWidth=6;cooldownHours=18' -Dnab.yardstick=true
 * }</pre>
 */
class NabVariants {

    @Test
    void printsTheFiguresOfEachVariant() throws Exception {
        Optional<Path> dir = NabData.folder();
        Assumptions.assumeTrue(dir.isPresent(), "skipped: ../shared/datasets/spikes/realTweets is absent (property shenava.shared)");
        List<NabData.Series> series = NabData.load(dir.get());
        String[] variants = System.getProperty("nab.variants", "shipped").split(";");
        List<NabYardstick.StandIn> standIns = Boolean.getBoolean("nab.yardstick") ? NabYardstick.standIns(series) : List.of();
        for (int k = 0; k < variants.length; k++) {
            SpikeDetector.Tuning tuning = tuning(SpikeDetector.Tuning.DEFAULT, variants[k].trim());
            Duration cooldown = cooldown(variants[k].trim());
            List<double[]> scores = series.parallelStream().map(s -> NabData.score(s, detector(tuning, cooldown))).toList();
            assertTrue(scoresThePastOnly(series.getFirst(), scores.getFirst(), detector(tuning, cooldown)), variants[k] + " looks ahead");
            System.out.println(variants[k].trim() + ": " + figures(series, scores));
            if (!standIns.isEmpty()) {
                System.out.println("  yardstick: " + NabYardstick.describe(
                        NabYardstick.measure(series, scores, standIns, s -> NabData.score(s, detector(tuning, cooldown)))));
            }
            if (Boolean.getBoolean("nab.grid")) {
                System.out.println("  over the benchmark's candidate settings: " + overCandidates(series, variants[k].trim()));
            }
            if (System.getProperty("nab.trace") != null) {
                printTrace(series, tuning, cooldown, System.getProperty("nab.trace"));
            }
            if (k == 0 && Boolean.getBoolean("nab.table")) {
                printTable(series, scores, tuning);
            }
        }
    }

    /** A variant must stay streaming: scoring the first two thirds of a series alone gives the same scores there. */
    private static boolean scoresThePastOnly(NabData.Series s, double[] whole, SpikeDetector.Builder detector) {
        int cut = s.rows().size() * 2 / 3;
        double[] prefix = NabData.score(new NabData.Series(s.name(), s.rows().subList(0, cut), List.of()), detector);
        return Arrays.equals(prefix, Arrays.copyOf(whole, cut));
    }

    /**
     * The variant applied to each of the settings leave-one-out chooses from: a change that helps
     * only the shipped setting is a lucky draw, one that lifts the whole grid is not.
     */
    static String overCandidates(List<NabData.Series> series, String variant) throws ReflectiveOperationException {
        List<SpikeDetector.Tuning> grid = new ArrayList<>();
        for (SpikeDetector.Tuning candidate : NabBenchmarkTest.candidates()) {
            grid.add(tuning(candidate, variant));
        }
        List<Integer> everyone = IntStream.range(0, series.size()).boxed().toList();
        double[][] figures = grid.parallelStream().map(t -> {
            List<double[]> scores = series.stream().map(s -> NabData.score(s, NabBenchmarkTest.detector(t))).toList();
            return new double[] {NabBenchmarkTest.scorer(series, scores, everyone).best().normalized(),
                    NabBenchmarkTest.leaveOneOut(series, scores).normalized()};
        }).toArray(double[][]::new);
        double[] all = Arrays.stream(figures).mapToDouble(f -> f[0]).sorted().toArray();
        double[] loo = Arrays.stream(figures).mapToDouble(f -> f[1]).sorted().toArray();
        return String.format("%d settings, all %.1f to %.1f (median %.1f, mean %.1f), leave one out %.1f to %.1f (median %.1f, mean %.1f)",
                all.length, all[0], all[all.length - 1], all[all.length / 2], Arrays.stream(all).average().orElse(0),
                loo[0], loo[loo.length - 1], loo[loo.length / 2], Arrays.stream(loo).average().orElse(0));
    }

    private static SpikeDetector.Builder detector(SpikeDetector.Tuning tuning, Duration cooldown) {
        return NabBenchmarkTest.detector(tuning).cooldown(cooldown);
    }

    /** The variant's {@code cooldownHours} (not a tuning knob: users set it per rule), or the benchmark's. */
    static Duration cooldown(String variant) {
        for (String knob : variant.split(",")) {
            String[] kv = knob.trim().split("=");
            if (kv[0].equals("cooldownHours")) {
                return Duration.ofMinutes(Math.round(Double.parseDouble(kv[1]) * 60));
            }
        }
        return NabBenchmarkTest.COOLDOWN;
    }

    /** A tuning with the knobs of a variant such as {@code poissonFloor=2,smoothPoints=3} changed. */
    static SpikeDetector.Tuning tuning(SpikeDetector.Tuning base, String variant) throws ReflectiveOperationException {
        RecordComponent[] components = SpikeDetector.Tuning.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = components[i].getAccessor().invoke(base);
        }
        if (!variant.isEmpty() && !variant.equals("shipped")) {
            for (String knob : variant.split(",")) {
                String[] kv = knob.trim().split("=");
                if (kv[0].equals("cooldownHours")) {
                    continue;
                }
                int i = IntStream.range(0, components.length).filter(c -> components[c].getName().equals(kv[0])).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no knob " + kv[0]));
                args[i] = types[i] == int.class ? (Object) Integer.parseInt(kv[1]) : (Object) Double.parseDouble(kv[1]);
            }
        }
        return SpikeDetector.Tuning.class.getDeclaredConstructor(types).newInstance(args);
    }

    static String figures(List<NabData.Series> series, List<double[]> scores) {
        List<Integer> everyone = IntStream.range(0, series.size()).boxed().toList();
        NabScorer.Result all = NabBenchmarkTest.scorer(series, scores, everyone).best();
        StringBuilder text = new StringBuilder(String.format("all %.1f (threshold %.4f, windows %d/%d, false positives %d);",
                all.normalized(), all.threshold(), all.detectedWindows(), all.windows(), all.falsePositives()));
        for (int i = 0; i < series.size(); i++) {
            NabScorer.Result one = NabBenchmarkTest.scorer(series, scores, List.of(i)).at(all.threshold());
            text.append(String.format(" %s %.1f (%d/%d, %d)", shortName(series.get(i)), one.normalized(),
                    one.detectedWindows(), one.windows(), one.falsePositives()));
        }
        return text.append(String.format("; leave one out %.1f", NabBenchmarkTest.leaveOneOut(series, scores).normalized())).toString();
    }

    private static String shortName(NabData.Series s) {
        return s.name().replace("Twitter_volume_", "").replace(".csv", "");
    }

    /**
     * Step by step, how the score is built at the rows of one window ({@code -Dnab.trace=GOOG:2}, the
     * second window of GOOG) on the real series and on its stand-ins thinned to 50%, 25% and 10%
     * (first seed): every row scoring over {@code nab.traceFloor} (0.3), and the window's best row.
     */
    private static void printTrace(List<NabData.Series> series, SpikeDetector.Tuning tuning, Duration cooldown, String which) {
        String[] parts = which.split(":");
        int si = IntStream.range(0, series.size()).filter(i -> shortName(series.get(i)).equals(parts[0])).findFirst().orElseThrow();
        int w = Integer.parseInt(parts[1]) - 1;
        double floor = Double.parseDouble(System.getProperty("nab.traceFloor", "0.3"));
        NabData.Series real = series.get(si);
        List<NabData.Series> versions = new ArrayList<>(List.of(real));
        List<String> labels = new ArrayList<>(List.of("real"));
        for (double p : new double[] {0.5, 0.25, 0.1}) {
            versions.add(NabYardstick.thinned(real, p, NabYardstick.thinningSeed(1, p, si)));
            labels.add(String.format("thinned %d%% #1", Math.round(p * 100)));
        }
        int[] window = real.windows().get(w);
        for (int k = 0; k < versions.size(); k++) {
            NabData.Series s = versions.get(k);
            SpikeDetector d = detector(tuning, cooldown).step(SeriesReplay.step(s.rows())).build();
            System.out.printf("trace %s window %d %s: time count expected observed scale z surprise typical half score%n",
                    parts[0], w + 1, labels.get(k));
            double best = -1;
            String bestLine = "";
            for (int i = 0; i <= window[1]; i++) {
                SeriesReplay.Row r = s.rows().get(i);
                SpikeScore score = d.next(r.time(), r.value());
                SpikeDetector.Terms t = d.lastTerms();
                if (i < window[0] || t == null) {
                    continue;
                }
                String line = String.format("  %s %.0f %.2f %.2f %.3f %.2f %.3f %.3f %.3f %.3f%s", r.time(), r.value(), t.expected(),
                        t.observed(), t.scale(), t.z(), t.surprise(), t.typical(), t.half(), t.score(), score.alert() ? " ALERT" : "");
                if (t.score() >= floor) {
                    System.out.println(line);
                }
                if (t.score() > best) {
                    best = t.score();
                    bestLine = line;
                }
            }
            System.out.println("  best:" + bestLine);
        }
    }

    private static void printTable(List<NabData.Series> series, List<double[]> scores, SpikeDetector.Tuning tuning) {
        double threshold = NabBenchmarkTest.scorer(series, scores, IntStream.range(0, series.size()).boxed().toList()).best().threshold();
        System.out.println("series row time count expected score hour day rank ratioAll ratio14d ratio5d rise ev6h ev12h ev24h | counts/expected");
        for (int si = 0; si < series.size(); si++) {
            NabData.Series s = series.get(si);
            double[] v = s.rows().stream().mapToDouble(SeriesReplay.Row::value).toArray();
            double[] expected = expected(s, tuning);
            int[] window = new int[v.length];
            Arrays.fill(window, -1);
            for (int w = 0; w < s.windows().size(); w++) {
                for (int i = s.windows().get(w)[0]; i <= s.windows().get(w)[1]; i++) {
                    window[i] = w;
                }
            }
            Set<Integer> seen = new HashSet<>();
            for (int i = NabScorer.probation(v.length); i < v.length; i++) {
                if (scores.get(si)[i] >= threshold && (window[i] < 0 || seen.add(window[i]))) {
                    System.out.println(row(s, v, expected, scores.get(si), i, window[i]));
                }
            }
        }
    }

    private static double[] expected(NabData.Series s, SpikeDetector.Tuning tuning) {
        SpikeDetector d = NabBenchmarkTest.detector(tuning).step(SeriesReplay.step(s.rows())).build();
        return s.rows().stream().mapToDouble(r -> d.next(r.time(), r.value()).expected()).toArray();
    }

    private static String row(NabData.Series s, double[] v, double[] expected, double[] scores, int i, int window) {
        double now = (v[i] + v[i - 1]) / 2;
        int rank = 0;
        double[] max = new double[3];
        for (int j = 1; j < i - 12; j++) {
            double then = (v[j] + v[j - 1]) / 2;
            rank += then >= now ? 1 : 0;
            max[0] = Math.max(max[0], then);
            max[1] = i - j <= 14 * 288 ? Math.max(max[1], then) : max[1];
            max[2] = i - j <= 5 * 288 ? Math.max(max[2], then) : max[2];
        }
        int rise = 0;
        for (int j = i; j > 0 && v[j] > 2 * expected[j]; j--) {
            rise++;
        }
        List<String> before = new ArrayList<>();
        for (int hours : new int[] {6, 12, 24}) {
            boolean earlier = IntStream.range(Math.max(0, i - hours * 12), Math.max(0, i - 6)).anyMatch(j -> scores[j] >= 0.4);
            before.add(earlier ? "yes" : "no");
        }
        StringBuilder shape = new StringBuilder();
        for (int j = Math.max(0, i - 6); j <= Math.min(v.length - 1, i + 24); j++) {
            shape.append(String.format(j == i ? " [%.1f]" : " %.1f", v[j] / Math.max(1, expected[i])));
        }
        ZonedDateTime t = s.rows().get(i).time().atZone(ZoneOffset.UTC);
        return String.format("%s %s %s %.0f %.1f %.3f %d %s %d %.2f %.2f %.2f %d %s |%s", shortName(s),
                window >= 0 ? "window" + (window + 1) : "fp", t.toLocalDateTime(), v[i], expected[i], scores[i], t.getHour(),
                t.getDayOfWeek().toString().substring(0, 3), rank, now / max[0], now / max[1], now / max[2], rise,
                String.join(" ", before), shape);
    }
}
