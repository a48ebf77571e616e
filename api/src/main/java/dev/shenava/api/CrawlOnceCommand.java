package dev.shenava.api;

import io.helidon.logging.common.LogConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code shenava crawl once [--config F]}: polls every configured source once through the ingest pipeline and
 * prints a summary line per source.
 */
@Command(name = "once", mixinStandardHelpOptions = true,
        description = "Poll every configured source once (posts go through brand matching, analysis and the journal).")
final class CrawlOnceCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration overlaying the defaults")
    private Path config;

    @Override
    public Integer call() {
        LogConfig.configureRuntime();
        try (ShenavaRuntime runtime = ShenavaRuntime.open(ShenavaConfig.load(Optional.ofNullable(config)), () -> { });
             CrawlService crawl = CrawlService.create(runtime)) {
            crawl.once().forEach(System.out::println);
        }
        return 0;
    }
}
