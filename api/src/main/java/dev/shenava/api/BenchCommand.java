package dev.shenava.api;

import dev.shenava.crawler.CrawlBenchmark;
import dev.shenava.nlp.NlpBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code shenava bench ...}: benchmarks that print figures.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print figures (throughput, latency percentiles, memory).",
        subcommands = {NlpBenchmark.class, QueryBench.class, CrawlBenchmark.class, LoadBenchmark.class,
                ResilienceBenchmark.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
