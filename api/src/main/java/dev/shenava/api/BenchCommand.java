package dev.shenava.api;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code shenava bench ...}: the benchmarks, programs that print figures.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures.",
        subcommands = {dev.shenava.nlp.NlpBenchmark.class, QueryBench.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
