package dev.shenava.alerts;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesReplayTest {

    @Test
    void writesTheSameRowsInTheSameOrderWithAScore() throws Exception {
        StringBuilder in = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < 500; i++) {
            in.append(String.format("2015-02-26 %02d:%02d:53,%d%n", (i / 12) % 24, (i % 12) * 5, 10 + i % 7));
        }
        StringWriter out = new StringWriter();
        int rows = SeriesReplay.create(SpikeDetector.builder()).replay(new StringReader(in.toString()), out);

        List<String> inLines = in.toString().lines().toList();
        List<String> outLines = out.toString().lines().toList();
        assertEquals(500, rows);
        assertEquals("timestamp,value,anomaly_score", outLines.getFirst());
        assertEquals(inLines.size(), outLines.size());
        for (int i = 1; i < inLines.size(); i++) {
            String[] cells = outLines.get(i).split(",");
            assertEquals(inLines.get(i), cells[0] + "," + cells[1]);
            double score = Double.parseDouble(cells[2]);
            assertTrue(score >= 0 && score <= 1, outLines.get(i));
        }
    }

    @Test
    void namesTheLineOfAMalformedRow() {
        String in = "timestamp,value\n2015-02-26 21:42:53,4\n2015-02-26 21:47:53,many\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeriesReplay.create(SpikeDetector.builder()).replay(new StringReader(in), new StringWriter()));
        assertTrue(e.getMessage().startsWith("line 3:"), e.getMessage());
    }

    @Test
    void learnsTheStepFromTheRows() {
        List<SeriesReplay.Row> rows = List.of(
                new SeriesReplay.Row("a", SeriesReplay.parseTime("2026-01-01T00:00:00Z"), 1),
                new SeriesReplay.Row("b", SeriesReplay.parseTime("2026-01-01T01:00:00Z"), 1),
                new SeriesReplay.Row("c", SeriesReplay.parseTime("2026-01-01 02:00:00"), 1));
        assertEquals(java.time.Duration.ofHours(1), SeriesReplay.step(rows));
    }
}
