package dev.shenava.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NAB realTweets series in the shared datasets folder, with their labelled windows.
 */
final class NabData {

    record Series(String name, List<SeriesReplay.Row> rows, List<int[]> windows) {
    }

    private NabData() {
    }

    /** The folder, or empty when {@code ../shared} is absent (as in a user's clone). */
    static Optional<Path> folder() {
        String shared = System.getProperty("shenava.shared");
        if (shared == null) {
            return Optional.empty();
        }
        Path dir = Path.of(shared, "datasets", "spikes", "realTweets");
        return Files.isRegularFile(dir.resolve("windows.json")) ? Optional.of(dir) : Optional.empty();
    }

    static List<Series> load(Path dir) throws IOException {
        JsonNode windows = new ObjectMapper().readTree(dir.resolve("windows.json").toFile());
        List<Series> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = windows.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path csv = dir.resolve(Path.of(e.getKey()).getFileName().toString());
            if (!Files.isRegularFile(csv)) {
                continue;
            }
            List<SeriesReplay.Row> rows;
            try (var reader = Files.newBufferedReader(csv)) {
                rows = SeriesReplay.read(reader);
            }
            List<int[]> limits = new ArrayList<>();
            for (JsonNode w : e.getValue()) {
                limits.add(indexes(rows, SeriesReplay.parseTime(w.get(0).asText()), SeriesReplay.parseTime(w.get(1).asText())));
            }
            out.add(new Series(csv.getFileName().toString(), rows, limits));
        }
        return out;
    }

    private static int[] indexes(List<SeriesReplay.Row> rows, Instant start, Instant end) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < rows.size(); i++) {
            Instant t = rows.get(i).time();
            if (first < 0 && !t.isBefore(start)) {
                first = i;
            }
            if (!t.isAfter(end)) {
                last = i;
            }
        }
        return new int[] {first, last};
    }

    static double[] score(Series series, SpikeDetector.Builder builder) {
        SpikeDetector d = builder.step(SeriesReplay.step(series.rows())).build();
        double[] scores = new double[series.rows().size()];
        for (int i = 0; i < scores.length; i++) {
            SeriesReplay.Row r = series.rows().get(i);
            scores[i] = d.next(r.time(), r.value()).score();
        }
        return scores;
    }

    static NabScorer.Result evaluate(List<Series> all, SpikeDetector.Builder builder) {
        NabScorer scorer = new NabScorer();
        for (Series s : all) {
            scorer.add(s.name(), score(s, builder), s.windows(), NabScorer.probation(s.rows().size()));
        }
        return scorer.best();
    }
}
