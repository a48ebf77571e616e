package dev.shenava.crawler;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code shenava crawl}: crawler tools ({@code parse}; the api adds {@code once}).
 */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = "Crawler tools: parse saved responses, poll sources.",
        subcommands = {ParseCommand.class})
public final class CrawlCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
