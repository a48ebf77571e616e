package dev.shenava.alerts;

import dev.shenava.store.RecordIndex;
import dev.shenava.store.Store;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Alerting as the service runs it: rules in the {@code alert-rules} index, evaluated every
 * {@code alerts.interval}; events in the {@code alert-events} index; webhooks through the outbox
 * in the {@code alert-deliveries} index, receiver pauses in the {@code alert-receivers} index. Close it at shutdown.
 *
 * <pre>{@code
 * Alerts alerts = Alerts.create(store, AlertsConfig.create(config.get("alerts")), httpClient).start();
 * }</pre>
 */
public final class Alerts implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Alerts.class.getName());

    private final RecordIndex<AlertRule> rules;
    private final AlertEventIndex events;
    private final ElasticsearchOutbox outbox;
    private final AlertEvaluator evaluator;
    private final SourceWatch sources;
    private final NetworkGuard guard;
    private final DeliveryDispatcher dispatcher;
    private final AlertsConfig config;
    private final Clock clock;
    private ScheduledExecutorService timer;

    private Alerts(Store store, AlertsConfig config, OkHttpClient http, Clock clock) {
        String prefix = store.mentions().name().replaceFirst("mentions$", "");
        this.config = config;
        this.clock = clock;
        this.rules = store.records("alert-rules", AlertRule.class, AlertRule::id);
        this.events = AlertEventIndex.create(store.client(), prefix + "alert-events");
        this.outbox = ElasticsearchOutbox.create(store.client(), prefix + "alert-deliveries");
        this.evaluator = new AlertEvaluator(new MentionAggregations(store.client(), store.mentions().name()), events, config, clock);
        this.sources = new SourceWatch(store.client(), prefix + "sources", config.stalledIntervals());
        this.guard = NetworkGuard.create(config.allowPrivateNetworks());
        this.dispatcher = DeliveryDispatcher.builder()
                .outbox(outbox)
                .sender(WebhookSender.create(http, guard, config.webhookTimeout()))
                .secrets(id -> rules.get(id).map(AlertRule::secret))
                .schedule(config.retry())
                .breaker(config.breakerFailures(), config.breakerPause(), config.breakerMaxPause())
                .receivers(ElasticsearchReceiverStates.create(store.client(), prefix + "alert-receivers"))
                .lease(max(LEASE_FLOOR, config.webhookTimeout().multipliedBy(4)))
                .poll(config.outboxPoll())
                .clock(clock)
                .build();
    }

    /**
     * The shortest claim on a delivery: an attempt is bounded by the webhook timeout (the lease is four
     * of them), so a claim left by a sender that died is taken over within this long.
     */
    static final Duration LEASE_FLOOR = Duration.ofSeconds(30);

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Alerting over a store.
     *
     * @param store  the store (its client and mention index)
     * @param config the {@code alerts} configuration
     * @param http   the process's HTTP client
     * @return alerting, not yet started
     */
    public static Alerts create(Store store, AlertsConfig config, OkHttpClient http) {
        return new Alerts(store, config, http, Clock.systemUTC());
    }

    /**
     * Starts the evaluation schedule and the webhook outbox.
     *
     * @return this
     */
    public synchronized Alerts start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "shenava-alerts");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(this::evaluateSafely, config.interval().toMillis(), config.interval().toMillis(),
                    TimeUnit.MILLISECONDS);
            dispatcher.start();
        }
        return this;
    }

    private void evaluateSafely() {
        try {
            evaluateAll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "alert evaluation failed; retrying at the next interval: " + e.getMessage(), e);
        }
    }

    /**
     * Evaluates every enabled rule and every source once, now.
     *
     * @return the events raised
     */
    public List<AlertEvent> evaluateAll() {
        List<AlertEvent> raised = new ArrayList<>();
        List<AlertRule> all = rules.list(1000);
        for (AlertRule rule : all) {
            if (!rule.enabled()) {
                continue;
            }
            try {
                evaluator.evaluate(rule).filter(e -> raise(e, rule.targets())).ifPresent(raised::add);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "rule " + rule.id() + " could not be evaluated: " + e.getMessage(), e);
            }
        }
        for (SourceWatch.Stall stall : sources.stalled(clock.instant())) {
            Map<String, WebhookTarget> targets = new LinkedHashMap<>();
            all.stream().filter(r -> r.enabled() && stall.brands().contains(r.brand()))
                    .forEach(r -> r.targets().forEach(t -> targets.putIfAbsent(t.url(), t)));
            if (raise(stall.event(), List.copyOf(targets.values()))) {
                raised.add(stall.event());
            }
        }
        return raised;
    }

    private boolean raise(AlertEvent event, List<WebhookTarget> targets) {
        if (!events.create(event)) {
            return false;
        }
        LOG.info(() -> "alert " + event.id() + ": " + event.reason());
        outbox.add(deliveries(event, targets));
        return true;
    }

    private static List<Delivery> deliveries(AlertEvent event, List<WebhookTarget> targets) {
        List<Delivery> out = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            out.add(Delivery.pending(event, i, targets.get(i), WebhookPayloads.render(event, targets.get(i).format())));
        }
        return out;
    }

    /**
     * Fires a sample event of a rule through the real delivery path (outbox, signature, retries).
     * The event is stored marked as a test, so the delivery log shows it and lists can leave it out;
     * it does not count as the rule's last alert.
     *
     * @param ruleId the rule
     * @return the sample event with its pending deliveries, or empty when there is no such rule
     */
    public Optional<AlertEvent> test(String ruleId) {
        return rules.get(ruleId).map(rule -> {
            Instant now = clock.instant();
            AlertEvent sample = new AlertEvent("evt-test-" + UUID.randomUUID().toString().substring(0, 18), rule.id(),
                    rule.brand(), rule.signal(), now.minus(config.step()), now, 42, 6, 0.93,
                    "Test event for rule " + rule.id() + ": this is what an alert about " + rule.brand() + " looks like (42 observed against 6 expected).",
                    List.of("example term"), List.of(), now, List.of(), true);
            events.create(sample);
            LOG.info(() -> "test event " + sample.id() + " for rule " + rule.id());
            List<Delivery> deliveries = deliveries(sample, rule.targets());
            outbox.add(deliveries);
            return sample.withDeliveries(deliveries.stream().map(Delivery::summary).toList());
        });
    }

    /**
     * The rules.
     *
     * @return all rules, by id
     */
    public List<AlertRule> rules() {
        return rules.list(1000);
    }

    /**
     * A rule.
     *
     * @param id rule id
     * @return the rule, if any
     */
    public Optional<AlertRule> rule(String id) {
        return rules.get(id);
    }

    /**
     * Creates or replaces a rule after checking its targets against the network guard.
     *
     * @param rule the rule; a null secret keeps the stored one
     * @return true when it was new
     * @throws AlertsException when a target is refused
     */
    public boolean save(AlertRule rule) {
        rule.targets().forEach(t -> guard.check(t.url()));
        AlertRule stored = rule.secret() == null ? rule.withSecret(rules.get(rule.id()).map(AlertRule::secret).orElse(null)) : rule;
        return rules.put(stored);
    }

    /**
     * Deletes a rule (its events stay).
     *
     * @param id rule id
     * @return true when it existed
     */
    public boolean delete(String id) {
        return rules.delete(id);
    }

    /**
     * Events with their delivery states, newest first.
     *
     * @param brand only this brand, when present
     * @param from  created at or after, when present
     * @param to    created before, when present
     * @param size  at most this many
     * @return the events
     */
    public List<AlertEvent> events(Optional<String> brand, Optional<Instant> from, Optional<Instant> to, int size) {
        return events(brand, from, to, Optional.empty(), size);
    }

    /**
     * Events with their delivery states, newest first.
     *
     * @param brand only this brand, when present
     * @param from  created at or after, when present
     * @param to    created before, when present
     * @param test  only test events (true) or only real ones (false), when present
     * @param size  at most this many
     * @return the events
     */
    public List<AlertEvent> events(Optional<String> brand, Optional<Instant> from, Optional<Instant> to,
                                   Optional<Boolean> test, int size) {
        List<AlertEvent> found = events.list(brand, Optional.empty(), from, to, test, size);
        Map<String, List<AlertEvent.DeliverySummary>> states = new LinkedHashMap<>();
        for (Delivery d : outbox.forEvents(found.stream().map(AlertEvent::id).toList())) {
            states.computeIfAbsent(d.eventId(), k -> new ArrayList<>()).add(d.summary());
        }
        return found.stream().map(e -> e.withDeliveries(states.getOrDefault(e.id(), List.of()))).toList();
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        dispatcher.close();
    }
}
