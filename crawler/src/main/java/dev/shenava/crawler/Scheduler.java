package dev.shenava.crawler;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Polls each enabled source at its interval (plus jitter; up to eight times less often while it brings nothing new,
 * never before a pause it asked for) on its own virtual thread: connector, dedupe, hand-off to the {@link PostSink},
 * and only then the new cursor saved. Per-host limits live in the shared fetcher.
 */
public final class Scheduler implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());

    private final CrawlContext context;
    private final Connectors connectors;
    private final PostSink sink;
    private final CursorStore cursors;
    private final StatusListener listener;
    private final double jitter;
    private final Deduper deduper = new Deduper(200_000);
    private final Map<String, Thread> loops = new ConcurrentHashMap<>();
    private final Map<String, SourceStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> pollLocks = new ConcurrentHashMap<>();

    private Scheduler(CrawlContext context, PostSink sink, CursorStore cursors, StatusListener listener) {
        this.context = context;
        this.connectors = Connectors.create();
        this.sink = sink;
        this.cursors = cursors;
        this.listener = listener;
        this.jitter = context.fetcher().config().jitter();
    }

    /**
     * A scheduler; nothing is polled until {@link #schedule(Source)} or {@link #pollOnce(Source)}.
     *
     * @param context  fetcher, credentials, robots
     * @param sink     where posts go
     * @param cursors  where cursors are kept
     * @param listener told of status changes
     * @return the scheduler
     */
    public static Scheduler create(CrawlContext context, PostSink sink, CursorStore cursors, StatusListener listener) {
        return new Scheduler(context, sink, cursors, listener);
    }

    /**
     * Starts polling a source (replacing its previous schedule); a disabled source is only unscheduled.
     *
     * @param source the source
     */
    public void schedule(Source source) {
        unschedule(source.id());
        update(SourceStatus.initial(source));
        if (source.enabled()) {
            loops.put(source.id(), Thread.ofVirtual().name("poll-" + source.id()).start(() -> loop(source)));
        }
    }

    /**
     * Stops polling a source.
     *
     * @param sourceId the source id
     */
    public void unschedule(String sourceId) {
        Thread loop = loops.remove(sourceId);
        if (loop != null) {
            loop.interrupt();
        }
    }

    /**
     * The current status of every known source.
     *
     * @return statuses by source id
     */
    public Map<String, SourceStatus> statuses() {
        return Map.copyOf(statuses);
    }

    /**
     * Polls a source once now: fetch, dedupe, hand on, then save the cursor.
     *
     * @param source the source
     * @return what the poll found (posts are those handed on)
     */
    public Harvest pollOnce(Source source) {
        ReentrantLock lock = pollLocks.computeIfAbsent(source.id(), id -> new ReentrantLock());
        lock.lock(); // a manual poll and the loop never run one source at the same time
        try {
            return poll(source);
        } finally {
            lock.unlock();
        }
    }

    private Harvest poll(Source source) {
        SourceStatus before = statuses.getOrDefault(source.id(), SourceStatus.initial(source));
        update(new SourceStatus(source.id(), before.lastSuccess(), before.lastError(), before.postsFetched(),
                null, SourceStatus.State.POLLING));
        Cursor cursor;
        Harvest harvest;
        try {
            cursor = cursors.load(source.id());
        } catch (RuntimeException e) {
            return finish(source, before, new Harvest(List.of(), Cursor.EMPTY, CrawlStatus.ERROR, e.getMessage(), 0),
                    List.of(), e.getMessage());
        }
        Instant notBefore = cursor.notBefore().orElse(Instant.EPOCH);
        if (notBefore.isAfter(Instant.now())) { // the source asked for a pause, perhaps before a restart
            String waiting = (before.lastError().isEmpty() ? "the source asked us to wait" : before.lastError())
                    + " (not polled before " + notBefore + ")";
            return finish(source, before, new Harvest(List.of(), cursor, CrawlStatus.RATE_LIMITED, waiting, 0),
                    List.of(), waiting);
        }
        try {
            harvest = connectors.forKind(source.kind()).poll(source, cursor, context);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "connector failed for source " + source.id(), e);
            harvest = new Harvest(List.of(), cursor, CrawlStatus.ERROR, "unexpected failure reading "
                    + source.kind().id() + " source: " + e, 0);
        }
        List<Post> fresh = deduper.fresh(source, harvest.posts());
        if (!harvest.status().ok()) {
            savePause(source, cursor, harvest.cursor());
            return finish(source, before, harvest, List.of(), harvest.problem());
        }
        harvest = new Harvest(harvest.posts(), harvest.cursor().withoutPause(), harvest.status(), harvest.problem(),
                harvest.requests());
        try {
            if (!fresh.isEmpty()) {
                sink.accept(source, fresh);
            }
            cursors.save(source.id(), harvest.cursor());
        } catch (RuntimeException e) {
            String problem = "could not store " + fresh.size() + " new posts (" + e.getMessage()
                    + "); they will be fetched again at the next poll";
            return finish(source, before, new Harvest(List.of(), cursor, CrawlStatus.ERROR, problem,
                    harvest.requests()), List.of(), problem);
        }
        deduper.remember(source, fresh);
        return finish(source, before, new Harvest(fresh, harvest.cursor(), harvest.status(), harvest.problem(),
                harvest.requests()), fresh, harvest.problem());
    }

    /** Keeps a pause the source asked for with its cursor (nothing else of a failed poll's cursor is saved). */
    private void savePause(Source source, Cursor loaded, Cursor failed) {
        Optional<Instant> pause = failed.notBefore();
        if (pause.isEmpty() || pause.equals(loaded.notBefore())) {
            return;
        }
        try {
            cursors.save(source.id(), loaded.with(Cursor.NOT_BEFORE, pause.get().toString()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not keep the pause asked by source " + source.id(), e);
        }
    }

    private Harvest finish(Source source, SourceStatus before, Harvest result, List<Post> handed, String problem) {
        boolean ok = result.status().ok();
        update(new SourceStatus(source.id(), ok ? Instant.now() : before.lastSuccess(), problem,
                before.postsFetched() + handed.size(), null, ok ? SourceStatus.State.OK : SourceStatus.State.FAILING));
        return result;
    }

    /** A quiet source is polled at most this many times less often than its configured interval. */
    static final int QUIET_SLOWDOWN = 8;

    /**
     * The interval before the next poll: the configured one while a source brings new posts (or fails), doubling with
     * each poll in a row that brought nothing new, up to {@link #QUIET_SLOWDOWN} times the configured interval.
     *
     * @param configured the source's interval
     * @param quietPolls polls in a row that brought nothing new
     * @return the interval, before jitter
     */
    static Duration adaptiveInterval(Duration configured, int quietPolls) {
        long factor = Math.min(QUIET_SLOWDOWN, 1L << Math.min(quietPolls, 30));
        return configured.multipliedBy(factor);
    }

    private void loop(Source source) {
        Duration wait = initialDelay(source);
        int quietPolls = 0;
        while (!Thread.currentThread().isInterrupted()) {
            SourceStatus s = statuses.get(source.id());
            update(new SourceStatus(source.id(), s.lastSuccess(), s.lastError(), s.postsFetched(),
                    Instant.now().plus(wait), s.state()));
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                return;
            }
            Harvest last = pollOnce(source);
            if (last.status().ok()) { // a failure says nothing about how busy the source is
                quietPolls = last.posts().isEmpty() ? quietPolls + 1 : 0;
            }
            wait = withJitter(adaptiveInterval(source.interval(), quietPolls));
            Duration asked = Duration.between(Instant.now(), last.cursor().notBefore().orElse(Instant.EPOCH));
            wait = asked.compareTo(wait) > 0 ? asked : wait; // never before the source said it would answer again
        }
    }

    private Duration initialDelay(Source source) {
        long spread = (long) (Math.min(source.interval().toMillis(), 30_000) * jitter * 2);
        return Duration.ofMillis(spread <= 0 ? 0 : ThreadLocalRandom.current().nextLong(spread + 1));
    }

    private Duration withJitter(Duration interval) {
        long extra = (long) (interval.toMillis() * jitter);
        return interval.plusMillis(extra <= 0 ? 0 : ThreadLocalRandom.current().nextLong(extra + 1));
    }

    private void update(SourceStatus status) {
        statuses.put(status.source(), status);
        try {
            listener.changed(status);
        } catch (RuntimeException e) {
            if (stopped(e)) { // polling stopped (shutdown, a source removed) while the status was being written
                Thread.currentThread().interrupt(); // the loop ends, also where the listener cleared the interrupt
                LOG.fine(() -> "status of source " + status.source() + " not written: polling stopped");
                return;
            }
            LOG.log(Level.WARNING, "status listener failed for source " + status.source(), e);
        }
    }

    /** Whether a failure comes from this thread's being interrupted: the listener was cut off, not broken. */
    private static boolean stopped(Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        List.copyOf(loops.keySet()).forEach(this::unschedule);
    }
}
