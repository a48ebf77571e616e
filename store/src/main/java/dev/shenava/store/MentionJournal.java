package dev.shenava.store;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The durable hand-off in front of Elasticsearch. {@link #append(List)} returns once the mentions are
 * fsynced to a segment file; a drain thread bulk-writes them to the {@link MentionIndex} and commits its
 * offset only after Elasticsearch acknowledged them, retrying with backoff while the node is down or
 * overloaded. While it backs off from an unreachable node it probes the node every half second and writes
 * as soon as the node answers again, so a long backoff never delays recovery; a node that asks to slow
 * down gets the whole backoff. On open, whatever was not committed is replayed (ids make a replay harmless).
 * One process at a time owns a journal folder (a file lock).
 */
public final class MentionJournal implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MentionJournal.class.getName());
    private static final long SEGMENT_BYTES = 32L << 20;
    private static final long MIN_FREE_BYTES = 64L << 20;
    private static final int BATCH = 500;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Duration PROBE_INTERVAL = Duration.ofMillis(500);

    private volatile String refusal = "";
    private final Path dir;
    private final MentionIndex index;
    private final ObjectMapper json = ElasticsearchClients.objectMapper();
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock drainLock = new ReentrantLock();
    private final Condition changed = drainLock.newCondition();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final List<Consumer<BulkResult.ItemError>> rejectionListeners = new CopyOnWriteArrayList<>();
    private final JournalSegments segments;
    private final Thread drainer;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final AtomicLong recoveries = new AtomicLong();
    private volatile String lastError = "";
    private volatile boolean closed;

    private MentionJournal(Path dir, MentionIndex index, FileChannel lockChannel, FileLock lock, Duration firstBackoff,
                           Duration maxBackoff) throws IOException {
        this.dir = dir;
        this.index = index;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.segments = JournalSegments.open(dir, SEGMENT_BYTES);
        this.pending.set(segments.countPending());
        this.drainer = Thread.ofPlatform().daemon().name("shenava-journal-drain").unstarted(this::drainLoop);
    }

    /**
     * Opens (or creates) a journal folder, replays what it holds and starts draining into the index.
     *
     * @param dir   the journal folder
     * @param index where mentions go
     * @return the journal
     * @throws StoreException when the folder cannot be written or another process holds it
     */
    public static MentionJournal open(Path dir, MentionIndex index) {
        return open(dir, index, FIRST_BACKOFF, MAX_BACKOFF);
    }

    /** {@link #open(Path, MentionIndex)} with another backoff (tests). */
    static MentionJournal open(Path dir, MentionIndex index, Duration firstBackoff, Duration maxBackoff) {
        FileChannel ch = null;
        try {
            Files.createDirectories(dir);
            ch = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new StoreException("the journal " + dir + " is in use by another Shenava process");
            }
            MentionJournal j = new MentionJournal(dir, index, ch, lock, firstBackoff, maxBackoff);
            if (j.pending.get() > 0) {
                LOG.log(System.Logger.Level.INFO, "journal {0}: replaying {1} mentions not yet in Elasticsearch",
                        dir, j.pending.get());
            }
            j.drainer.start();
            return j;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new StoreException("cannot open the journal " + dir + ": " + e.getMessage()
                    + "; check that the folder is writable and the disk not full, or set store.data-dir", e);
        }
    }

    /**
     * Opens the first journal under {@code parent} that no other process holds ({@code parent/0},
     * {@code parent/1}, ...), so that a service and an import can run side by side; a folder left by a
     * crashed process is replayed by the next one to take it.
     *
     * @param parent the folder of journal slots
     * @param index  where mentions go
     * @return the journal
     */
    public static MentionJournal openFreeSlot(Path parent, MentionIndex index) {
        for (int slot = 0; ; slot++) {
            try {
                return open(parent.resolve(String.valueOf(slot)), index);
            } catch (StoreException e) {
                if (!e.getMessage().contains("in use by another Shenava process") || slot >= 63) {
                    throw e;
                }
            }
        }
    }

    /**
     * Durably accepts mentions: when this returns they are on disk and will reach Elasticsearch.
     *
     * @param mentions the mentions
     * @throws StoreException when the disk is full or unwritable; then none of them was accepted
     */
    public void append(List<Mention> mentions) {
        if (mentions.isEmpty()) {
            return;
        }
        if (closed) {
            throw new StoreException("the journal " + dir + " is closed");
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream(mentions.size() * 1024);
        try {
            for (Mention m : mentions) {
                json.writeValue(buf, MentionDocument.from(m));
                buf.write('\n');
            }
        } catch (IOException e) {
            throw new StoreException("cannot encode a mention for the journal: " + e.getMessage(), e);
        }
        writeLock.lock();
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < MIN_FREE_BYTES + buf.size()) {
                throw refuse(new StoreException("refusing new mentions: only " + (free >> 20) + " MiB free for the journal "
                        + dir + "; free disk space (nothing already accepted is lost)"));
            }
            segments.append(ByteBuffer.wrap(buf.toByteArray()));
            pending.addAndGet(mentions.size());
            refusal = "";
        } catch (IOException e) {
            throw refuse(new StoreException("refusing new mentions: the journal " + dir + " cannot be written (" + e.getMessage()
                    + "); free disk space or fix the folder's permissions (nothing already accepted is lost)", e));
        } finally {
            writeLock.unlock();
        }
        signal();
    }

    private StoreException refuse(StoreException e) {
        refusal = e.getMessage();
        return e;
    }

    /**
     * Why the journal refused the last append, so health checks can report it.
     *
     * @return the reason, empty while the journal takes new mentions
     */
    public String refusal() {
        return refusal;
    }

    /** @return mentions accepted but not yet acknowledged by Elasticsearch */
    public long pending() {
        return pending.get();
    }

    /** @return mentions written to Elasticsearch by this journal since it was opened */
    public long written() {
        return written.get();
    }

    /** @return mentions Elasticsearch refused for good (e.g. a value the mapping rejects) since opened */
    public long rejected() {
        return rejected.get();
    }

    /** @return the last reason the drain could not write, empty when it is writing fine */
    public String lastError() {
        return lastError;
    }

    /** @return how often the drain cut a backoff short because the node answered again, since opened */
    public long recoveries() {
        return recoveries.get();
    }

    /** @return the journal folder */
    public Path dir() {
        return dir;
    }

    /**
     * Registers a listener for mentions Elasticsearch refused for good; they are dropped from the journal.
     *
     * @param listener called on the drain thread
     * @return call it to remove the listener
     */
    public Runnable onRejected(Consumer<BulkResult.ItemError> listener) {
        rejectionListeners.add(listener);
        return () -> rejectionListeners.remove(listener);
    }

    /**
     * Waits until nothing is pending or the timeout passes.
     *
     * @param timeout how long at most
     * @return {@code true} when drained
     */
    public boolean awaitDrained(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        drainLock.lock();
        try {
            while (pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(Math.min(left, 200_000_000L));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return pending.get() == 0;
        } finally {
            drainLock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        drainer.interrupt();
        try {
            drainer.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        segments.close();
        try {
            lock.release();
        } catch (IOException ignored) {
            // the lock goes with the channel
        }
        closeQuietly(lockChannel);
    }

    private void drainLoop() {
        Duration backoff = firstBackoff;
        while (!closed) {
            try {
                JournalSegments.Batch batch = segments.read(BATCH);
                if (batch.lines().isEmpty()) {
                    awaitWork();
                    continue;
                }
                List<Mention> mentions = new ArrayList<>(batch.lines().size());
                for (byte[] line : batch.lines()) {
                    mentions.add(json.readValue(line, MentionDocument.class).toMention());
                }
                BulkResult result;
                try {
                    result = index.write(mentions);
                } catch (RuntimeException e) {
                    lastError = e.getMessage();
                    LOG.log(System.Logger.Level.WARNING, "journal: {0}; retrying within {1} ms, sooner once"
                            + " Elasticsearch answers", e.getMessage(), backoff.toMillis());
                    if (!backOff(backoff, true)) {
                        return;
                    }
                    backoff = longer(backoff);
                    continue;
                }
                if (result.errors().stream().anyMatch(BulkResult.ItemError::retryable)) {
                    lastError = "Elasticsearch asked to slow down: " + result.errors().getFirst().reason();
                    LOG.log(System.Logger.Level.WARNING, "journal: {0}; retrying in {1} ms", lastError, backoff.toMillis());
                    if (!backOff(backoff, false)) {
                        return;
                    }
                    backoff = longer(backoff);
                    continue;
                }
                result.errors().forEach(this::reject);
                segments.commit(batch.end());
                written.addAndGet(result.written());
                pending.addAndGet(-mentions.size());
                lastError = "";
                backoff = firstBackoff;
                signal();
            } catch (IOException | RuntimeException e) {
                lastError = "journal " + dir + ": " + e.getMessage();
                LOG.log(System.Logger.Level.ERROR, lastError, e);
                if (!backOff(maxBackoff, false)) {
                    return;
                }
            }
        }
    }

    private Duration longer(Duration backoff) {
        Duration twice = backoff.multipliedBy(2);
        return twice.compareTo(maxBackoff) > 0 ? maxBackoff : twice;
    }

    /**
     * Waits out a backoff. When {@code watch} and the node does not answer now, probes it every
     * {@link #PROBE_INTERVAL} and returns as soon as it answers again.
     *
     * @return false when closed meanwhile
     */
    private boolean backOff(Duration backoff, boolean watch) {
        long end = System.nanoTime() + backoff.toNanos();
        boolean down = watch && !answers();
        while (!closed) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            if (!sleep(Duration.ofNanos(Math.min(left, PROBE_INTERVAL.toNanos())))) {
                return false;
            }
            if (down && answers()) {
                recoveries.incrementAndGet();
                LOG.log(System.Logger.Level.INFO, "journal: Elasticsearch answers again; writing the {0} pending"
                        + " mentions now", pending.get());
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the cluster can take writes for the index again: it answers and the index is not red. A
     * refusal to say (no permission to read cluster health) counts as an answer.
     */
    private boolean answers() {
        try {
            return index.client().cluster().health(h -> h.index(index.name()).timeout(t -> t.time("1s"))
                            .masterTimeout(t -> t.time("1s")))
                    .status() != co.elastic.clients.elasticsearch._types.HealthStatus.Red;
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            return e.status() == 401 || e.status() == 403;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void reject(BulkResult.ItemError error) {
        rejected.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, "Elasticsearch refused mention {0}: {1}", error.id(), error.reason());
        rejectionListeners.forEach(l -> l.accept(error));
    }

    private void awaitWork() {
        drainLock.lock();
        try {
            if (!segments.hasUnread()) {
                changed.await(Duration.ofSeconds(1).toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            drainLock.unlock();
        }
    }

    private void signal() {
        drainLock.lock();
        try {
            changed.signalAll();
        } finally {
            drainLock.unlock();
        }
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
