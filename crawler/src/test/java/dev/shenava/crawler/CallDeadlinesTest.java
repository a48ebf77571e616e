package dev.shenava.crawler;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class CallDeadlinesTest {

    private final OkHttpClient client = new OkHttpClient();

    @Test
    void cancelsACallAtItsDeadlineThenWaitsIdleAndWakesForTheNextCall() throws InterruptedException {
        Call first = call();
        CallDeadlines.Deadline deadline = CallDeadlines.start(first, Duration.ofMillis(150));
        assertTrue(within(Duration.ofSeconds(5), first::isCanceled), "the first call was not cancelled");
        assertTrue(deadline.expired());
        deadline.close();

        // with no call running, the watcher stops polling
        assertTrue(within(Duration.ofSeconds(5), CallDeadlines::idle), "the watcher kept polling with no call running");

        // and a call started while it waits is still cancelled at its deadline
        Call second = call();
        try (CallDeadlines.Deadline next = CallDeadlines.start(second, Duration.ofMillis(150))) {
            assertTrue(within(Duration.ofSeconds(5), second::isCanceled), "the watcher did not wake for the next call");
            assertTrue(next.expired());
        }
    }

    @Test
    void leavesACallThatEndedBeforeItsDeadline() throws InterruptedException {
        Call call = call();
        CallDeadlines.Deadline deadline = CallDeadlines.start(call, Duration.ofMillis(150));
        deadline.close();
        Thread.sleep(150 + 3 * CallDeadlines.PERIOD.toMillis());
        assertFalse(call.isCanceled());
        assertFalse(deadline.expired());
    }

    private Call call() {
        return client.newCall(new Request.Builder().url("http://127.0.0.1:9/").build());
    }

    private static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }
}
