package dev.shenava.api;

import dev.shenava.nlp.TextAnalyzer;
import dev.shenava.store.ElasticsearchClients;
import dev.shenava.store.EmbeddedElasticsearch;
import dev.shenava.store.StoreConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code bench resilience}: the long fault suite. Starts its own Elasticsearch node (so it can kill it),
 * runs every case and prints one line per case: injected faults, mentions expected against found,
 * webhook deliveries expected against received.
 */
@Command(name = "resilience", mixinStandardHelpOptions = true,
        description = "Kill Elasticsearch, the crawl process and the whole service with -9, take a webhook receiver"
                + " down, fill the journal's disk; print expected against found mentions and deliveries.")
public final class ResilienceBenchmark implements Callable<Integer> {

    @Option(names = "--mentions", defaultValue = "5000", description = "Mentions imported in the import case (default: ${DEFAULT-VALUE}).")
    int mentions;

    @Option(names = "--items", defaultValue = "600", description = "Feed items crawled in each crawl case (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--kills", defaultValue = "3", description = "kill -9 per kill case (default: ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--events", defaultValue = "200", description = "Webhook events queued while the receiver is down,"
            + " and test-fired into the service that is killed mid-retry (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--down", defaultValue = "PT60S", description = "How long the webhook receiver stays down, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration down;

    @Override
    public Integer call() throws IOException {
        Path work = Files.createTempDirectory("shenava-resilience");
        System.out.println("Starting a throw-away Elasticsearch node under " + work + " ...");
        try (EmbeddedElasticsearch node = EmbeddedElasticsearch.create(installDir(work), work.resolve("node"), 0,
                "512m", Duration.ofMinutes(3)).start();
             var client = ElasticsearchClients.create(node.url())) {
            FaultSuite suite = new FaultSuite(node, client, work, TextAnalyzer.create(), Duration.ofMinutes(5));
            List<FaultRow> rows = new ArrayList<>();
            System.out.println(FaultRow.header());
            suite.elasticsearchKilled(mentions, items, kills).forEach(r -> run(rows, r));
            run(rows, suite.serviceKilledDuringCrawl(items, kills));
            suite.serviceKilled(items, events, kills).forEach(r -> run(rows, r));
            run(rows, suite.webhookReceiverDown(events, down));
            suite.journalDiskFull(items).ifPresentOrElse(r -> run(rows, r),
                    () -> System.out.println("journal disk full: skipped (mounting a tmpfs needs root)"));
            long exact = rows.stream().filter(FaultRow::exact).count();
            System.out.printf("%d of %d cases exact.%n", exact, rows.size());
            return exact == rows.size() ? 0 : 1;
        } finally {
            deleteTree(work);
        }
    }

    private static void run(List<FaultRow> rows, FaultRow row) {
        rows.add(row);
        System.out.println(row.line());
    }

    /** Reuses the distribution the service already unpacked, if any, instead of unpacking another copy. */
    private static Path installDir(Path work) {
        Path unpacked = EmbeddedElasticsearch.create(StoreConfig.defaults()).installDir();
        return Files.isDirectory(unpacked.resolve("bin")) ? unpacked : work.resolve("elasticsearch");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder
        }
    }
}
