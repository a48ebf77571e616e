package dev.shenava.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import dev.shenava.alerts.AlertEvent;
import dev.shenava.alerts.Delivery;
import dev.shenava.alerts.DeliveryDispatcher;
import dev.shenava.alerts.DeliveryState;
import dev.shenava.alerts.MemoryOutbox;
import dev.shenava.alerts.NetworkGuard;
import dev.shenava.alerts.RetrySchedule;
import dev.shenava.alerts.Signal;
import dev.shenava.alerts.WebhookPayloads;
import dev.shenava.alerts.WebhookSender;
import dev.shenava.alerts.WebhookTarget;
import dev.shenava.crawler.CrawlContext;
import dev.shenava.crawler.Post;
import dev.shenava.crawler.Scheduler;
import dev.shenava.crawler.SourceKind;
import dev.shenava.crawler.SourceStatus;
import dev.shenava.crawler.StatusListener;
import dev.shenava.nlp.TextAnalyzer;
import dev.shenava.store.EmbeddedElasticsearch;
import dev.shenava.store.Mention;
import dev.shenava.store.MentionFilter;
import dev.shenava.store.MentionIndex;
import dev.shenava.store.MentionJournal;
import okhttp3.OkHttpClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * The fault cases behind {@code bench resilience} and ResilienceIT: each injects real faults (the
 * Elasticsearch node killed with -9, the crawl process killed with -9, a webhook receiver down) into real
 * parts and ends with exact counts of stored mentions and acknowledged deliveries.
 */
final class FaultSuite {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    private final EmbeddedElasticsearch node;
    private final ElasticsearchClient client;
    private final Path work;
    private final TextAnalyzer analyzer;
    private final Duration patience;

    /**
     * @param node     the node to kill and restart (its client keeps the same address across restarts)
     * @param client   a client of that node
     * @param work     a scratch folder for journals, cursors and child-process data
     * @param analyzer the text analyser
     * @param patience how long a case waits for counts to settle before it reports what it found
     */
    FaultSuite(EmbeddedElasticsearch node, ElasticsearchClient client, Path work, TextAnalyzer analyzer,
               Duration patience) {
        this.node = node;
        this.client = client;
        this.work = work;
        this.analyzer = analyzer;
        this.patience = patience;
    }

    /**
     * An import (batches appended to a journal) and a crawl of a growing feed (scheduler, journal) running
     * side by side while the node is killed with -9 and restarted; one row for each.
     */
    List<FaultRow> elasticsearchKilled(int mentions, int items, int kills) {
        MentionIndex imported = freshIndex("fault-import");
        MentionIndex crawled = freshIndex("fault-crawl");
        int killed = 0;
        String importNote;
        String crawlNote;
        try (FaultFeed feed = FaultFeed.start();
             MentionJournal importJournal = MentionJournal.open(work.resolve("import-journal-" + suffix()), imported);
             MentionJournal crawlJournal = MentionJournal.open(work.resolve("crawl-journal-" + suffix()), crawled);
             Scheduler scheduler = Scheduler.create(CrawlContext.create(CrawlWorker.crawlerConfig()),
                     new JournalSink(CrawlWorker.pipeline(analyzer, crawlJournal)), new MemoryCursors(),
                     StatusListener.NONE)) {
            scheduler.schedule(CrawlWorker.feedSource(feed.url(), Duration.ofSeconds(1)));
            int steps = 20;
            CompletableFuture<Void> restart = CompletableFuture.completedFuture(null);
            for (int step = 1; step <= steps; step++) {
                feed.publish(items * step / steps - feed.published());
                importBatch(importJournal, mentions * (step - 1) / steps, mentions * step / steps);
                if (killed < kills && step * (kills + 1) >= steps * (killed + 1)) {
                    restart.join();
                    node.kill();
                    killed++;
                    pause(Duration.ofSeconds(1));
                    // import and crawl go on into the journals while the node comes back
                    restart = CompletableFuture.runAsync(node::start);
                }
                pause(Duration.ofMillis(200));
            }
            restart.join();
            await(() -> scheduler.statuses().get("fault-feed").postsFetched() >= items);
            importJournal.awaitDrained(patience);
            crawlJournal.awaitDrained(patience);
            importNote = importJournal.lastError().isEmpty() ? "journal drained" : "journal: " + importJournal.lastError();
            crawlNote = "source state " + scheduler.statuses().get("fault-feed").state().id() + ", "
                    + feed.requests() + " polls";
        }
        String faults = killed + " x kill -9 + restart";
        return List.of(
                new FaultRow("import, Elasticsearch killed -9", faults, mentions, settledCount(imported, mentions),
                        -1, -1, importNote),
                new FaultRow("crawl, Elasticsearch killed -9", faults, items, settledCount(crawled, items), -1, -1,
                        crawlNote));
    }

    private void importBatch(MentionJournal journal, int from, int to) {
        List<Mention> list = new ArrayList<>();
        for (int j = from; j < to; j++) {
            list.add(JournalSink.mention(analyzer, post("import", j), List.of("acme")));
        }
        journal.append(list);
    }

    /** A growing feed crawled by a separate process that is killed with -9 and started again. */
    FaultRow serviceKilledDuringCrawl(int items, int kills) {
        MentionIndex index = freshIndex("fault-worker");
        Path data = work.resolve("worker-" + suffix());
        int killed = 0;
        try (FaultFeed feed = FaultFeed.start()) {
            Process worker = WorkerProcess.start(node.url(), index.name(), data, feed.url());
            int step = Math.max(1, items / 20);
            try {
                while (feed.published() < items) {
                    feed.publish(Math.min(step, items - feed.published()));
                    pause(Duration.ofMillis(300));
                    if (killed < kills && feed.published() >= items * (killed + 1) / (kills + 1)) {
                        worker.destroyForcibly().onExit().join();
                        killed++;
                        worker = WorkerProcess.start(node.url(), index.name(), data, feed.url());
                    }
                }
                long found = settledCount(index, items);
                return new FaultRow("crawl, crawl worker killed -9", killed + " x kill -9 + restart", items, found,
                        -1, -1, feed.requests() + " polls by " + (killed + 1) + " processes");
            } finally {
                worker.destroyForcibly().onExit().join();
            }
        }
    }

    /**
     * The real service ({@code shenava start} in a child JVM) crawling a growing feed and retrying webhooks
     * against a receiver that answers 500, killed with -9 mid-crawl and mid-retry and started again on the
     * same configuration; then the receiver comes back. One row for the crawl, one for the webhooks: every
     * item stored once, every event delivered once with a signature that verifies.
     *
     * @param items  feed items published while the service runs
     * @param events alert events test-fired through the outbox before the first kill
     * @param kills  kill -9 and restart of the service
     */
    List<FaultRow> serviceKilled(int items, int events, int kills) {
        String secret = "fault-suite-" + suffix();
        String indexName = "fault-service-" + suffix() + "-mentions";
        Duration ready = Duration.ofMinutes(3);
        int killed = 0;
        try (FaultFeed feed = FaultFeed.start();
             FaultReceiver receiver = FaultReceiver.start().verifying(secret).failing(500);
             ServiceProcess service = ServiceProcess.start(work.resolve("service-" + suffix()),
                     serviceConfig(indexName, feed.url()), ready)) {
            service.postOk("/api/v1/alert-rules", "application/json", "{\"id\":\"fault-rule\",\"brand\":\"acme\","
                    + "\"signal\":\"negative_spike\",\"secret\":\"" + secret + "\",\"targets\":[{\"url\":\""
                    + receiver.url() + "\",\"format\":\"json\"}]}");
            // fired side by side: each waits for the outbox index's refresh, and concurrent ones share it
            try (var firing = java.util.concurrent.Executors.newFixedThreadPool(16)) {
                List<java.util.concurrent.Future<String>> fired = new ArrayList<>();
                for (int i = 0; i < events; i++) {
                    fired.add(firing.submit(() -> service.postOk("/api/v1/alert-rules/fault-rule/test",
                            "application/json", "")));
                }
                for (var f : fired) {
                    f.get();
                }
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("cannot test-fire the rule: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            await(() -> !service.logLines("crawler polling ").isEmpty());
            if (!service.logLines("crawler polling ").equals(service.logLines("crawler polling 1 source(s)"))) {
                throw new IllegalStateException("the service should poll the fault feed only: "
                        + service.logLines("crawler polling "));
            }
            int retried = Math.min(events, 10);
            int step = Math.max(1, items / 20);
            while (feed.published() < items || killed < kills) {
                feed.publish(Math.min(step, items - feed.published()));
                pause(Duration.ofMillis(300));
                if (killed < kills && feed.published() >= items * (killed + 1) / (kills + 1)) {
                    // mid-retry: the service started since the last kill has had deliveries refused and retries them
                    int before = receiver.refused();
                    awaitOrFail(() -> receiver.refused() >= before + retried, "the service retrying deliveries");
                    service.kill();
                    killed++;
                    service.restart(ready);
                }
            }
            int beforeUp = receiver.refused();
            awaitOrFail(() -> receiver.refused() >= beforeUp + retried, "the restarted service retrying deliveries");
            receiver.up();
            // a delivery claimed by a killed process is taken over once the claim's lease (30 s here) runs out
            Duration takeover = Duration.ofSeconds(90);
            awaitUpTo(patience.compareTo(takeover) > 0 ? patience : takeover, () -> receiver.acknowledged().size() >= events);
            MentionIndex index = MentionIndex.create(client, indexName);
            long found = settledCount(index, items);
            pause(Duration.ofSeconds(2)); // a repeat would arrive now
            long received = receiver.acknowledged().values().stream().mapToLong(Integer::longValue).sum();
            long twice = receiver.acknowledged().values().stream().filter(n -> n > 1).count();
            String faults = killed + " x kill -9 + restart";
            return List.of(
                    new FaultRow("crawl, service killed -9", faults, items, found, -1, -1,
                            feed.requests() + " polls by " + (killed + 1) + " service processes"),
                    new FaultRow("webhook retry, service killed -9", faults + ", 500s", 0, 0, events, received,
                            receiver.acknowledged().size() + " distinct events, " + twice + " delivered twice, "
                                    + receiver.refused() + " answered 500, " + receiver.badSignatures()
                                    + " bad signatures"));
        }
    }

    private String serviceConfig(String indexName, String feedUrl) {
        return """
                store:
                  url: %s
                  data-dir: %s
                  index: %s
                brands:
                  - id: acme
                    name: Acme
                    terms: [acme]
                crawler:
                  enabled: true
                  allow-private-networks: true
                  host-delay: 0
                sources:
                  - id: fault-feed
                    kind: rss
                    params:
                      url: %s
                    brands: [acme]
                    interval-seconds: 1
                alerts:
                  allow-private-networks: true
                  interval: 1h
                  outbox-poll: 200ms
                  webhook-timeout: 2s
                  retry: {initial: 200ms, max-delay: 1s, give-up-after: 1h}
                  breaker: {failures: 1000000, pause: 1s, max-pause: 2s}
                """.formatted(node.url(), work.resolve("service-data-" + indexName), indexName, feedUrl);
    }

    /** Webhook events queued while the receiver is down for a long stretch; every one arrives once. */
    FaultRow webhookReceiverDown(int events, Duration downFor) {
        try (FaultReceiver receiver = FaultReceiver.startDown()) {
            MemoryOutbox outbox = new MemoryOutbox();
            List<Delivery> queued = new ArrayList<>();
            for (int i = 0; i < events; i++) {
                AlertEvent e = event(i);
                queued.add(Delivery.pending(e, 0, new WebhookTarget(receiver.url(), "json"),
                        WebhookPayloads.render(e, "json")));
            }
            outbox.add(queued);
            try (DeliveryDispatcher dispatcher = DeliveryDispatcher.builder()
                    .outbox(outbox)
                    .sender(WebhookSender.create(new OkHttpClient(), NetworkGuard.create(true), Duration.ofSeconds(2)))
                    .secrets(rule -> Optional.of("fault-suite-secret"))
                    .schedule(new RetrySchedule(Duration.ofMillis(100), 2, Duration.ofSeconds(2), Duration.ofHours(1)))
                    .breaker(5, Duration.ofSeconds(1), Duration.ofSeconds(3))
                    .poll(Duration.ofMillis(50))
                    .build()
                    .start()) {
                pause(downFor);
                receiver.up();
                await(() -> queued.stream().allMatch(d ->
                        outbox.forEvent(d.eventId()).getFirst().state() == DeliveryState.DELIVERED));
            }
            long failedAttempts = queued.stream().mapToLong(d -> outbox.forEvent(d.eventId()).getFirst().attempts() - 1)
                    .sum();
            long received = receiver.acknowledged().values().stream().mapToLong(Integer::longValue).sum();
            long twice = receiver.acknowledged().values().stream().filter(n -> n > 1).count();
            return new FaultRow("webhook receiver down " + downFor.toSeconds() + " s", failedAttempts
                    + " refused attempts", 0, 0, events, received,
                    receiver.acknowledged().size() + " distinct events, " + twice + " delivered twice");
        }
    }

    /**
     * A feed crawled into a journal on a small tmpfs that fills up midway: the source reports the refusal
     * in words and keeps its cursor, nothing accepted is lost, and crawling resumes once space is freed.
     * Empty when this process cannot mount a tmpfs (not root).
     */
    Optional<FaultRow> journalDiskFull(int items) {
        Optional<Tmpfs> mounted = Tmpfs.mount(work.resolve("tmpfs-" + suffix()), "80m");
        if (mounted.isEmpty()) {
            return Optional.empty();
        }
        MentionIndex index = freshIndex("fault-disk");
        int half = items / 2;
        String said;
        try (Tmpfs tmpfs = mounted.get();
             FaultFeed feed = FaultFeed.start();
             MentionJournal journal = MentionJournal.open(tmpfs.dir().resolve("journal"), index);
             Scheduler scheduler = Scheduler.create(CrawlContext.create(CrawlWorker.crawlerConfig()),
                     new JournalSink(CrawlWorker.pipeline(analyzer, journal)), new MemoryCursors(),
                     StatusListener.NONE)) {
            feed.publish(half);
            scheduler.schedule(CrawlWorker.feedSource(feed.url(), Duration.ofSeconds(1)));
            await(() -> scheduler.statuses().get("fault-feed").postsFetched() >= half);
            Path filler = tmpfs.fillLeaving(40L << 20);
            feed.publish(items - half);
            await(() -> scheduler.statuses().get("fault-feed").state() == SourceStatus.State.FAILING);
            said = scheduler.statuses().get("fault-feed").lastError();
            if (journal.refusal().isEmpty()) {
                throw new IllegalStateException("the journal refused mentions but its health does not say so");
            }
            long keptWhileFull = settledCount(index, half);
            java.nio.file.Files.delete(filler);
            await(() -> scheduler.statuses().get("fault-feed").postsFetched() >= items);
            if (!journal.refusal().isEmpty()) {
                throw new IllegalStateException("the journal takes mentions again but its health still says: "
                        + journal.refusal());
            }
            journal.awaitDrained(patience);
            return Optional.of(new FaultRow("journal disk full (tmpfs 80m)", "disk filled, then freed", items,
                    settledCount(index, items), -1, -1, keptWhileFull + " stored while full; source said: " + said));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot fill the tmpfs: " + e.getMessage(), e);
        }
    }

    static Post post(String source, int i) {
        return new Post(source, SourceKind.RSS, source + "-" + i, "http://127.0.0.1/" + source + "/" + i, null,
                "Acme " + i, FaultFeed.text(i), T0.plusSeconds(i), T0.plusSeconds(i), null);
    }

    private static AlertEvent event(int n) {
        Instant t = Instant.now().plusMillis(n);
        return new AlertEvent("evt-fault-" + n, "rule-fault", "acme", Signal.NEGATIVE_SPIKE, t.minusSeconds(3600), t,
                40, 5, 0.9, "Negative mentions of acme: 40 in the last hour against 5 expected.", List.of("delivery"),
                List.of(new AlertEvent.Example("m" + n, "Acme delivery late", "https://example.org/p/" + n, 3)), t,
                List.of());
    }

    MentionIndex freshIndex(String what) {
        return MentionIndex.create(client, what + "-" + suffix() + "-mentions").ensureCreated();
    }

    /** Counts what the index holds, waiting up to the patience for the expected count. */
    long settledCount(MentionIndex index, long expected) {
        long deadline = System.nanoTime() + patience.toNanos();
        long found = -1;
        while (System.nanoTime() < deadline) {
            try {
                index.refresh();
                found = index.count(MentionFilter.ALL);
                if (found >= expected) {
                    return found;
                }
            } catch (RuntimeException e) {
                // the node may still be starting
            }
            pause(Duration.ofMillis(500));
        }
        return found;
    }

    void await(BooleanSupplier done) {
        awaitUpTo(patience, done);
    }

    static void awaitUpTo(Duration limit, BooleanSupplier done) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            pause(Duration.ofMillis(100));
        }
    }

    /** Waits for a step the case needs; fails when it does not come within the patience. */
    void awaitOrFail(BooleanSupplier done, String what) {
        await(done);
        if (!done.getAsBoolean()) {
            throw new IllegalStateException("gave up waiting for " + what + " after " + patience.toSeconds() + " s");
        }
    }

    static String suffix() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    }

    static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
