package dev.shenava.api;

import dev.shenava.crawler.CrawlContext;
import dev.shenava.crawler.CrawlerConfig;
import dev.shenava.crawler.FileCursorStore;
import dev.shenava.crawler.Scheduler;
import dev.shenava.crawler.Source;
import dev.shenava.crawler.SourceKind;
import dev.shenava.crawler.StatusListener;
import dev.shenava.nlp.Brand;
import dev.shenava.nlp.TextAnalyzer;
import dev.shenava.store.ElasticsearchClients;
import dev.shenava.store.MentionIndex;
import dev.shenava.store.MentionJournal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The crawl side of the service as its own process, for the fault cases that kill the process with -9:
 * scheduler, file cursors, brand matching, analysis and the journal in front of an Elasticsearch node, polling
 * one feed.
 * Arguments: {@code <elasticsearch url> <index> <data dir> <feed url>}. Prints {@code ready} once polling.
 */
public final class CrawlWorker {

    private CrawlWorker() {
    }

    /**
     * Runs until killed.
     *
     * @param args elasticsearch url, index, data dir, feed url
     * @throws InterruptedException never in practice: the process is killed
     */
    public static void main(String[] args) throws InterruptedException {
        MentionIndex index = MentionIndex.create(ElasticsearchClients.create(args[0]), args[1]).ensureCreated();
        Path data = Path.of(args[2]);
        MentionJournal journal = MentionJournal.open(data.resolve("journal"), index);
        Scheduler scheduler = Scheduler.create(CrawlContext.create(crawlerConfig()),
                new JournalSink(pipeline(TextAnalyzer.create(), journal)),
                FileCursorStore.create(data.resolve("cursors")),
                StatusListener.NONE);
        scheduler.schedule(feedSource(args[3], Duration.ofSeconds(1)));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    /** The brand the fault feed's items mention. */
    static final Brand ACME = new Brand("acme", "Acme", List.of("acme"), List.of(), List.of());

    /**
     * The ingest pipeline of the worker: brand matching as in the service, then analysis and the journal.
     *
     * @param analyzer the analyser
     * @param journal  the journal
     * @return the pipeline, tracking {@link #ACME}
     */
    static IngestPipeline pipeline(TextAnalyzer analyzer, MentionJournal journal) {
        return IngestPipeline.create(analyzer, journal, List.of(ACME));
    }

    static CrawlerConfig crawlerConfig() {
        return CrawlerConfig.defaults().withAllowPrivateNetworks(true)
                .withWaits(Duration.ofMillis(100), Duration.ofSeconds(5), Duration.ZERO);
    }

    static Source feedSource(String url, Duration interval) {
        return new Source("fault-feed", SourceKind.RSS, Map.of("url", url), List.of("acme"), interval, null, true);
    }
}
