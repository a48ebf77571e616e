package dev.shenava.crawler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code crawl once}: polls every enabled source one time (in parallel, politeness still per host) and reports a
 * summary line per source.
 */
public final class CrawlOnce {

    private final Scheduler scheduler;

    private CrawlOnce(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * A runner over a scheduler (whose sink and cursor store decide where posts and cursors go).
     *
     * @param scheduler the scheduler
     * @return the runner
     */
    public static CrawlOnce create(Scheduler scheduler) {
        return new CrawlOnce(scheduler);
    }

    /**
     * Polls each enabled source once.
     *
     * @param sources the configured sources
     * @return one summary line per source, in the given order
     */
    public List<String> run(List<Source> sources) {
        List<String> lines = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Harvest>> polls = new ArrayList<>();
            for (Source s : sources) {
                polls.add(s.enabled() ? pool.submit(() -> scheduler.pollOnce(s)) : null);
            }
            for (int i = 0; i < sources.size(); i++) {
                lines.add(line(sources.get(i), polls.get(i)));
            }
        }
        return lines;
    }

    private static String line(Source source, Future<Harvest> poll) {
        String head = String.format("%-24s %-10s ", source.id(), source.kind().id());
        if (poll == null) {
            return head + "disabled";
        }
        try {
            Harvest h = poll.get();
            return head + String.format("%-12s %4d new posts, %d requests", h.status().name().toLowerCase(),
                    h.posts().size(), h.requests()) + (h.problem().isEmpty() ? "" : ": " + h.problem());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return head + "interrupted";
        } catch (ExecutionException e) {
            return head + "error: " + e.getCause();
        }
    }
}
