package dev.shenava.alerts;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NabYardstickTest {

    private static NabData.Series series(int rows, double value) {
        Instant start = Instant.parse("2015-02-26T21:42:53Z");
        List<SeriesReplay.Row> out = IntStream.range(0, rows).mapToObj(i -> {
            Instant t = start.plus(Duration.ofMinutes(5L * i));
            return new SeriesReplay.Row(t.toString(), t, value);
        }).toList();
        return new NabData.Series("Twitter_volume_TEST.csv", out, List.of(new int[] {500, 700}));
    }

    @Test
    void thinningKeepsAboutItsShareOfEachCountAndTheWindows() {
        NabData.Series s = series(2000, 40);
        NabData.Series quarter = NabYardstick.thinned(s, 0.25, 42);
        double mean = quarter.rows().stream().mapToDouble(SeriesReplay.Row::value).average().orElseThrow();
        assertEquals(10, mean, 0.3, "a quarter of 40 per step");
        assertTrue(quarter.rows().stream().allMatch(r -> r.value() == Math.rint(r.value()) && r.value() <= 40), "whole counts, never more");
        assertArrayEquals(s.windows().getFirst(), quarter.windows().getFirst());
        assertEquals(quarter.rows(), NabYardstick.thinned(s, 0.25, 42).rows(), "a fixed seed gives the same series");
    }

    @Test
    void shiftingStartsTheSeriesLaterAndMovesItsWindowsWithIt() {
        NabData.Series s = series(2000, 3);
        NabData.Series later = NabYardstick.shifted(s, 3);
        assertEquals(2000 - 36, later.rows().size());
        assertEquals(s.rows().get(36).time(), later.rows().getFirst().time());
        assertArrayEquals(new int[] {464, 664}, later.windows().getFirst());
    }
}
