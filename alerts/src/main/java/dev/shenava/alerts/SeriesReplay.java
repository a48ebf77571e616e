package dev.shenava.alerts;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Replays a {@code timestamp,value} series through a {@link SpikeDetector} and writes
 * {@code timestamp,value,anomaly_score}: the same rows in the same order, each score from the
 * rows up to and including its own.
 */
public final class SeriesReplay {

    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]", Locale.ROOT);

    private final SpikeDetector.Builder detector;

    private SeriesReplay(SpikeDetector.Builder detector) {
        this.detector = detector;
    }

    /**
     * A replay that scores with detectors built from this builder; the step is learned from the series.
     *
     * @param detector detector settings (sensitivity, minimum volume, cooldown)
     * @return the replay
     */
    public static SeriesReplay create(SpikeDetector.Builder detector) {
        return new SeriesReplay(detector);
    }

    /** A row of the input: its timestamp as written, its parsed time, and its value. */
    record Row(String timestamp, Instant time, double value) {
    }

    /**
     * Reads the series and writes the scored series.
     *
     * @param in  CSV with a header and the columns {@code timestamp,value}
     * @param out where the scored CSV goes
     * @return the number of rows scored
     * @throws IOException when reading or writing fails
     * @throws IllegalArgumentException when a row is malformed (the message names the line)
     */
    public int replay(Reader in, Writer out) throws IOException {
        List<Row> rows = read(in);
        SpikeDetector d = detector.step(step(rows)).build();
        BufferedWriter w = new BufferedWriter(out);
        w.write("timestamp,value,anomaly_score\n");
        for (Row row : rows) {
            SpikeScore s = d.next(row.time(), row.value());
            w.write(row.timestamp() + "," + number(row.value()) + "," + String.format(Locale.ROOT, "%.6f", s.score()) + "\n");
        }
        w.flush();
        return rows.size();
    }

    static List<Row> read(Reader in) throws IOException {
        BufferedReader r = new BufferedReader(in);
        String header = r.readLine();
        if (header == null || !header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).startsWith("timestamp,value")) {
            throw new IllegalArgumentException("line 1: expected the header 'timestamp,value', was '" + header + "'");
        }
        List<Row> rows = new ArrayList<>();
        String line;
        int number = 1;
        while ((line = r.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length < 2) {
                throw new IllegalArgumentException("line " + number + ": expected 'timestamp,value', was '" + line + "'");
            }
            try {
                rows.add(new Row(cells[0], parseTime(cells[0].trim()), Double.parseDouble(cells[1].trim())));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new IllegalArgumentException("line " + number + ": " + e.getMessage(), e);
            }
        }
        return rows;
    }

    static Instant parseTime(String text) {
        if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return OffsetDateTime.parse(text).toInstant();
        }
        if (text.contains("T")) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
        return LocalDateTime.parse(text, SPACED).toInstant(ZoneOffset.UTC);
    }

    /** The typical spacing of the rows: the median gap, so one missing row does not skew it. */
    static Duration step(List<Row> rows) {
        int n = Math.min(rows.size() - 1, 1000);
        if (n < 1) {
            return Duration.ofMinutes(5);
        }
        long[] gaps = new long[n];
        for (int i = 0; i < n; i++) {
            gaps[i] = Duration.between(rows.get(i).time(), rows.get(i + 1).time()).toSeconds();
        }
        Arrays.sort(gaps);
        long gap = gaps[n / 2];
        return gap > 0 && gap <= 86_400 ? Duration.ofSeconds(gap) : Duration.ofMinutes(5);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
