package dev.shenava.crawler;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;

/**
 * The whole-call timeout ({@code crawler.call-timeout}): a call still running at its deadline is cancelled.
 *
 * <p>OkHttp's own call timeout puts every call in okio's one watchdog queue, behind one lock that each call takes
 * twice; with several fetches at once the callers queue on that lock and wake each other, which cost about a tenth
 * of the crawler's CPU in {@code bench crawl}. Here a call is only added to and removed from a concurrent set, and
 * one daemon thread looks for expired calls every {@link #PERIOD}, so a call ends at most that much after its
 * deadline: a whole-call limit is minutes, where a tenth of a second does not matter.
 */
final class CallDeadlines {

    static final Duration PERIOD = Duration.ofMillis(100);

    private static final Set<Deadline> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean WATCHING = new AtomicBoolean();

    private CallDeadlines() {
    }

    /**
     * Starts the clock on a call; close the answer when the call is done (body read or failed).
     *
     * @param call    the call, not yet executed
     * @param timeout the whole-call limit, zero for none
     * @return the deadline
     */
    static Deadline start(Call call, Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) {
            return new Deadline(call, Long.MAX_VALUE, timeout);
        }
        Deadline deadline = new Deadline(call, System.nanoTime() + timeout.toNanos(), timeout);
        RUNNING.add(deadline);
        if (!WATCHING.get() && WATCHING.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("shenava-call-deadlines").inheritInheritableThreadLocals(false)
                    .start(CallDeadlines::watch); // lives as long as the process: holds nothing of its starter
        }
        return deadline;
    }

    private static void watch() {
        while (true) {
            try {
                Thread.sleep(PERIOD);
            } catch (InterruptedException e) {
                WATCHING.set(false);
                return;
            }
            long now = System.nanoTime();
            for (Deadline d : RUNNING) {
                if (now - d.at >= 0 && RUNNING.remove(d)) {
                    d.expired = true;
                    d.call.cancel();
                }
            }
        }
    }

    /** One call's deadline. */
    static final class Deadline implements AutoCloseable {

        private final Call call;
        private final long at;
        private final Duration timeout;
        private volatile boolean expired;

        private Deadline(Call call, long at, Duration timeout) {
            this.call = call;
            this.at = at;
            this.timeout = timeout;
        }

        /**
         * Whether the call was cancelled for running past its deadline.
         *
         * @return true when it was
         */
        boolean expired() {
            return expired;
        }

        /**
         * The limit, for messages.
         *
         * @return the whole-call timeout
         */
        Duration timeout() {
            return timeout;
        }

        @Override
        public void close() {
            RUNNING.remove(this);
        }
    }
}
