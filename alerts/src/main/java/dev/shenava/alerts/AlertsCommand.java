package dev.shenava.alerts;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code shenava alerts}: alerting tools on the command line.
 */
@Command(name = "alerts",
        mixinStandardHelpOptions = true,
        description = "Spike detection and webhook tools.",
        subcommands = AlertsCommand.Replay.class)
public final class AlertsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * {@code shenava alerts replay --in SERIES.csv --out SCORES.csv}: scores a series as the live
     * detector would, each row from the rows before it only.
     */
    @Command(name = "replay",
            mixinStandardHelpOptions = true,
            description = {"Replays a timestamp,value series through the spike detector.",
                    "Writes timestamp,value,anomaly_score: the same rows in the same order, each score in [0,1]"
                            + " computed from that row and the rows before it."})
    static final class Replay implements Callable<Integer> {

        @Option(names = "--in", required = true, paramLabel = "SERIES.csv", description = "CSV with a header and the columns timestamp,value.")
        Path in;

        @Option(names = "--out", paramLabel = "SCORES.csv", description = "Where to write the scores (default: standard output).")
        Path out;

        @Option(names = "--sensitivity", defaultValue = "medium", paramLabel = "low|medium|high",
                description = "Alerting sensitivity; sets where the cooldown starts (default: ${DEFAULT-VALUE}).")
        String sensitivity;

        @Option(names = "--cooldown-minutes", defaultValue = "1440",
                description = "Quiet time after an alert, in minutes (default: ${DEFAULT-VALUE}).")
        long cooldownMinutes;

        @Option(names = "--min-volume", defaultValue = "0", description = "Smallest count that may alert (default: ${DEFAULT-VALUE}).")
        double minVolume;

        @Override
        public Integer call() throws IOException {
            SpikeDetector.Builder detector = SpikeDetector.builder()
                    .sensitivity(Sensitivity.parse(sensitivity))
                    .cooldown(Duration.ofMinutes(cooldownMinutes))
                    .minVolume(minVolume);
            SeriesReplay replay = SeriesReplay.create(detector);
            try (var reader = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
                int rows;
                if (out == null) {
                    Writer w = new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                    rows = replay.replay(reader, w);
                } else {
                    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                        rows = replay.replay(reader, w);
                    }
                    System.err.println("alerts replay: scored " + rows + " rows of " + in + " into " + out);
                }
            } catch (IllegalArgumentException e) {
                System.err.println("alerts replay: " + in + ": " + e.getMessage());
                return 2;
            }
            return 0;
        }
    }
}
