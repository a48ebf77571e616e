package dev.shenava.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Works the outbox: sends each due delivery, marks it delivered only after a 2xx, schedules a
 * retry with backoff after a failure, pauses a receiver that keeps failing, and gives up when
 * the retry schedule ends. Every attempt goes to the delivery log ({@code dev.shenava.alerts.deliveries}).
 *
 * <p>Deliveries to one receiver go one after another; receivers are served in parallel on
 * virtual threads, so a slow receiver does not hold the others up. Several dispatchers may work
 * one outbox: each claims a delivery before its attempt ({@link Outbox#claim}), so no attempt is
 * made twice. A receiver's pause is kept in {@link ReceiverStates}, shared by them and kept
 * across restarts when that is Elasticsearch.
 */
public final class DeliveryDispatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("dev.shenava.alerts.deliveries");

    private final Outbox outbox;
    private final WebhookSender sender;
    private final Function<String, Optional<String>> secrets;
    private final RetrySchedule schedule;
    private final CircuitBreaker breaker;
    private final Duration poll;
    private final Duration lease;
    private final Clock clock;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private ScheduledExecutorService timer;

    private DeliveryDispatcher(Builder b) {
        this.outbox = Objects.requireNonNull(b.outbox, "outbox");
        this.sender = Objects.requireNonNull(b.sender, "sender");
        this.secrets = b.secrets;
        this.schedule = b.schedule;
        this.breaker = new CircuitBreaker(b.breakerFailures, b.breakerPause, b.breakerMaxPause, b.receivers);
        this.lease = b.lease;
        this.poll = b.poll;
        this.clock = b.clock;
    }

    /**
     * A builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts working the outbox every poll interval, until {@link #close()}.
     *
     * @return this dispatcher
     */
    public synchronized DeliveryDispatcher start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "shenava-webhooks");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::safeRun, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void safeRun() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "webhook outbox pass failed; retrying at the next poll", e);
        }
    }

    /**
     * Works the deliveries due now, and returns when their attempts are done.
     *
     * @return how many deliveries were looked at
     */
    public int runOnce() {
        List<Delivery> due = outbox.due(clock.instant(), 500);
        Map<String, List<Delivery>> byReceiver = new LinkedHashMap<>();
        for (Delivery d : due) {
            byReceiver.computeIfAbsent(d.target().url(), k -> new ArrayList<>()).add(d);
        }
        List<Future<?>> running = new ArrayList<>();
        for (List<Delivery> batch : byReceiver.values()) {
            running.add(workers.submit(() -> batch.forEach(this::work)));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.log(Level.WARNING, "webhook delivery failed unexpectedly", e.getCause());
            }
        }
        return due.size();
    }

    private void work(Delivery found) {
        Instant now = clock.instant();
        // another sender on the same outbox may have taken it since the search: attempt only what we hold
        Optional<Delivery> claimed = outbox.claim(found, now, lease);
        if (claimed.isEmpty()) {
            return;
        }
        Delivery d = claimed.get();
        String receiver = d.target().url();
        Optional<Instant> paused = breaker.pausedUntil(receiver, now);
        if (paused.isPresent()) {
            outbox.update(d.paused(paused.get()));
            return;
        }
        WebhookSender.Attempt a = sender.send(d, secrets.apply(d.ruleId()), now);
        if (a.delivered()) {
            breaker.success(receiver);
            outbox.update(d.attempted(DeliveryState.DELIVERED, now, now, a.status(), null));
            LOG.info(() -> "delivered " + d.id() + " to " + receiver + " (HTTP " + a.status() + ", attempt " + (d.attempts() + 1) + ")");
            return;
        }
        Instant next = now.plus(schedule.delay(d.attempts() + 1));
        Optional<Instant> opened = breaker.failure(receiver, now);
        DeliveryState state = DeliveryState.PENDING;
        if (opened.isPresent() && opened.get().isAfter(next)) {
            next = opened.get();
            state = DeliveryState.PAUSED;
        }
        if (schedule.exhausted(d.createdAt(), next)) {
            state = DeliveryState.FAILED;
        }
        outbox.update(d.attempted(state, now, next, a.status(), a.error()));
        DeliveryState s = state;
        Instant n = next;
        LOG.warning(() -> "attempt " + (d.attempts() + 1) + " of " + d.id() + " to " + receiver + " failed: " + a.error()
                + (s == DeliveryState.FAILED ? "; giving up" : "; next attempt at " + n + (s == DeliveryState.PAUSED ? " (receiver paused)" : "")));
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
        workers.shutdownNow();
    }

    /**
     * Configures a {@link DeliveryDispatcher}.
     */
    public static final class Builder {
        private Outbox outbox;
        private WebhookSender sender;
        private Function<String, Optional<String>> secrets = ruleId -> Optional.empty();
        private RetrySchedule schedule = RetrySchedule.DEFAULT;
        private int breakerFailures = 5;
        private Duration breakerPause = Duration.ofMinutes(5);
        private Duration breakerMaxPause = Duration.ofHours(1);
        private Duration poll = Duration.ofSeconds(2);
        private Duration lease = Duration.ofMinutes(5);
        private ReceiverStates receivers = ReceiverStates.inMemory();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** @param outbox where deliveries wait @return this builder */
        public Builder outbox(Outbox outbox) {
            this.outbox = outbox;
            return this;
        }

        /** @param sender what sends an attempt @return this builder */
        public Builder sender(WebhookSender sender) {
            this.sender = sender;
            return this;
        }

        /** @param secrets the signing secret of a rule id, empty when the rule has none @return this builder */
        public Builder secrets(Function<String, Optional<String>> secrets) {
            this.secrets = Objects.requireNonNull(secrets);
            return this;
        }

        /** @param schedule when to retry @return this builder */
        public Builder schedule(RetrySchedule schedule) {
            this.schedule = Objects.requireNonNull(schedule);
            return this;
        }

        /**
         * When to pause a receiver.
         *
         * @param failures consecutive failures that pause it
         * @param pause    the first pause; each failed probe doubles it
         * @param maxPause the longest pause
         * @return this builder
         */
        public Builder breaker(int failures, Duration pause, Duration maxPause) {
            this.breakerFailures = failures;
            this.breakerPause = pause;
            this.breakerMaxPause = maxPause;
            return this;
        }

        /**
         * Where receiver pause states are kept; in memory by default.
         *
         * @param receivers the states, e.g. {@link ElasticsearchReceiverStates}
         * @return this builder
         */
        public Builder receivers(ReceiverStates receivers) {
            this.receivers = Objects.requireNonNull(receivers);
            return this;
        }

        /**
         * How long a claim on a delivery holds before another sender may take it over; longer than
         * one attempt (the webhook timeout) takes. Five minutes by default.
         *
         * @param lease the lease
         * @return this builder
         */
        public Builder lease(Duration lease) {
            this.lease = Objects.requireNonNull(lease);
            return this;
        }

        /** @param poll how often to look for due deliveries @return this builder */
        public Builder poll(Duration poll) {
            this.poll = poll;
            return this;
        }

        /** @param clock the clock @return this builder */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** @return the dispatcher, not yet started */
        public DeliveryDispatcher build() {
            return new DeliveryDispatcher(this);
        }
    }
}
