package dev.shenava.crawler;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;

/**
 * The whole-call timeout ({@code crawler.call-timeout}): a call still running at its deadline is cancelled.
 *
 * <p>OkHttp's own call timeout puts every call in okio's one watchdog queue, behind one lock that each call takes
 * twice; with several fetches at once the callers queue on that lock and wake each other, which cost about a tenth
 * of the crawler's CPU in {@code bench crawl}. Here a call is only added to and removed from a concurrent set, and
 * one daemon thread looks for expired calls every {@link #PERIOD}, so a call ends at most that much after its
 * deadline: a whole-call limit is minutes, where a tenth of a second does not matter. Between polls, when no call is
 * running, the thread waits without waking until the next call starts: a service polling its sources every few
 * minutes is idle most of the time.
 */
final class CallDeadlines {

    static final Duration PERIOD = Duration.ofMillis(100);

    private static final Set<Deadline> RUNNING = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean WATCHING = new AtomicBoolean();
    /** Set by the watcher before it waits for a call, cleared by the first call that wakes it. */
    private static final AtomicBoolean IDLE = new AtomicBoolean();
    private static volatile Thread watcher;

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
            watcher = Thread.ofPlatform().daemon().name("shenava-call-deadlines").inheritInheritableThreadLocals(false)
                    .start(CallDeadlines::watch); // lives as long as the process: holds nothing of its starter
        } else if (IDLE.get() && IDLE.compareAndSet(true, false)) {
            LockSupport.unpark(watcher); // added before the wake: the watcher's next look finds this call
        }
        return deadline;
    }

    private static void watch() {
        while (true) {
            if (RUNNING.isEmpty()) {
                IDLE.set(true);
                // a call added after the set above sees IDLE and unparks; one added before is seen here
                while (IDLE.get() && RUNNING.isEmpty() && !Thread.currentThread().isInterrupted()) {
                    LockSupport.park(CallDeadlines.class);
                }
                IDLE.set(false);
            }
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

    /**
     * Whether the watcher is waiting for a call rather than polling (for tests).
     *
     * @return true when it is parked with no call running
     */
    static boolean idle() {
        Thread t = watcher;
        return t != null && IDLE.get() && t.getState() == Thread.State.WAITING;
    }
}
