package dev.shenava.crawler;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Per-host politeness: one request at a time per host, a pause between requests (the larger of the configured
 * delay and robots.txt's crawl-delay, capped), and pauses asked for by rate-limit headers.
 */
final class Politeness {

    private final Duration delay;
    private final Duration maxCrawlDelay;
    private final Map<String, Gate> gates = new ConcurrentHashMap<>();

    Politeness(Duration delay, Duration maxCrawlDelay) {
        this.delay = delay;
        this.maxCrawlDelay = maxCrawlDelay;
    }

    /**
     * Sends one attempt of a request when its host's turn comes. {@link RetryInterceptor} calls this for each attempt
     * rather than the client holding a second interceptor: each one is two more frames that a virtual thread copies
     * out and back whenever it waits for the network.
     *
     * @param chain   the chain to proceed on
     * @param request the request
     * @return the answer
     * @throws IOException when the attempt fails, or the wait for the host is interrupted
     */
    Response proceed(Interceptor.Chain chain, Request request) throws IOException {
        Gate gate = gate(request.url().host());
        try {
            gate.permit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + request.url().host());
        }
        try {
            sleepUntil(gate.notBefore);
            return chain.proceed(request);
        } finally {
            long pause = Math.max(delay.toNanos(), gate.crawlDelay.toNanos());
            gate.notBefore = Math.max(gate.notBefore, System.nanoTime() + pause);
            gate.permit.release();
        }
    }

    /**
     * Records a robots.txt crawl-delay for a host, capped at {@code crawler.max-crawl-delay}.
     *
     * @param host      the host
     * @param requested the delay robots.txt asks for
     */
    void crawlDelay(String host, Duration requested) {
        Gate gate = gate(host);
        gate.crawlDelay = requested.compareTo(maxCrawlDelay) > 0 ? maxCrawlDelay : requested;
        // robots.txt itself was a request: the next one waits the delay too
        gate.notBefore = Math.max(gate.notBefore, System.nanoTime() + gate.crawlDelay.toNanos());
    }

    /**
     * Holds further requests to a host for a while (rate-limit headers said the budget is spent).
     *
     * @param host the host
     * @param wait how long
     */
    void pause(String host, Duration wait) {
        Gate gate = gate(host);
        gate.notBefore = Math.max(gate.notBefore, System.nanoTime() + wait.toNanos());
    }

    private Gate gate(String host) {
        Gate gate = gates.get(host); // the common case without computeIfAbsent's lambda and bin lock
        return gate != null ? gate : gates.computeIfAbsent(host, h -> new Gate());
    }

    private static void sleepUntil(long nanoTime) throws InterruptedIOException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted during politeness delay");
            }
        }
    }

    private static final class Gate {
        final Semaphore permit = new Semaphore(1, true);
        volatile long notBefore = System.nanoTime();
        volatile Duration crawlDelay = Duration.ZERO;
    }
}
