package dev.shenava.api;

import dev.shenava.alerts.AlertsCommand;
import dev.shenava.crawler.CrawlCommand;
import dev.shenava.nlp.NlpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Shenava's command line: one entry point for every command.
 */
@Command(name = "shenava",
        mixinStandardHelpOptions = true,
        version = "Shenava 0.1.0",
        description = "Social listening and sentiment monitoring for Persian, Arabic and English.",
        subcommands = {ServeCommand.class, ImportCommand.class, TestCommand.class,
                NlpCommand.class, CrawlCommand.class, AlertsCommand.class, BenchCommand.class})
public final class Main implements Runnable {

    /**
     * Runs the command line.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        cli.getSubcommands().get("crawl").addSubcommand("once", new CrawlOnceCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof dev.shenava.store.StoreException || e instanceof IllegalArgumentException
                    || e instanceof IllegalStateException) {
                commandLine.getErr().println("shenava: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
