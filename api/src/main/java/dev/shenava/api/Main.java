package dev.shenava.api;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./shenava} command line: one entry point for every command.
 */
@Command(name = "shenava",
        mixinStandardHelpOptions = true,
        version = "Shenava 0.1.0",
        description = "Social listening and sentiment monitoring for Persian, Arabic and English.")
public final class Main implements Runnable {

    /**
     * Runs the command line.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
