package dev.shenava.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class NlpCommandTest {

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new NlpCommand());
        cli.setOut(new PrintWriter(out));
        assertEquals(0, cli.execute(args));
        return out.toString();
    }

    private static String fixture() throws URISyntaxException {
        return Path.of(NlpCommandTest.class.getResource("eval-fa.tsv").toURI()).toString();
    }

    @Test
    void analyzePrintsTheAnalysisAsJsonWithLowerCaseLabels() throws Exception {
        JsonNode json = new ObjectMapper().readTree(run("analyze", "The delivery was fast, but the driver was rude."));
        assertEquals("en", json.get("language").asText());
        assertTrue(List.of("positive", "negative", "neutral").contains(json.get("sentiment").get("label").asText()));
        assertEquals("delivery", json.get("touchpoints").get(0).get("touchpoint").asText());
        assertEquals("the delivery was fast but the driver was rude", json.get("normalizedText").asText());
        assertTrue(json.has("keyPhrases") && json.has("sentences") && json.has("truncated"));
    }

    @Test
    void evalEndsWithTheSummaryLineAndCountsSkippedRows() throws Exception {
        String out = run("eval", "--lang", "fa", fixture());
        String[] lines = out.strip().split("\n");
        assertTrue(lines[lines.length - 1].matches(
                "macro-F1=0\\.\\d{4} accuracy=0\\.\\d{4} macro-recall=0\\.\\d{4} n=7 texts/s=\\d+"), lines[lines.length - 1]);
        assertTrue(out.contains("skipped 1 rows"), out);
        assertTrue(out.contains("precision") && out.contains("gold \\ predicted"), out);
    }

    @Test
    void evalWithBinaryDropsNeutralRowsAndNeverPredictsNeutral() throws Exception {
        String out = run("eval", "--lang", "fa", "--binary", fixture());
        assertTrue(out.contains(" n=6 "), out);
        assertTrue(out.contains("skipped 2 rows"), out);
        String neutralColumn = out.lines().filter(l -> l.startsWith("positive ") || l.startsWith("negative "))
                .filter(l -> l.trim().split("\\s+")[1].matches("\\d+")).map(l -> l.trim().split("\\s+")[2])
                .reduce("", String::concat);
        assertEquals("00", neutralColumn);
    }
}
