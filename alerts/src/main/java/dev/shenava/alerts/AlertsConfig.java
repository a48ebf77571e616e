package dev.shenava.alerts;

import io.helidon.config.Config;

import java.time.Duration;
import java.util.Locale;

/**
 * The {@code alerts} configuration subtree.
 *
 * <pre>
 * alerts:
 *   interval: 1m                 # how often every rule is evaluated
 *   step: 5m                     # the bucket of the counted series
 *   history: 8d                  # how much past each evaluation reads (a week of rhythm plus a day)
 *   allow-private-networks: false
 *   webhook-timeout: 10s
 *   outbox-poll: 2s
 *   retry: {initial: 30s, max-delay: 1h, give-up-after: 25h}
 *   breaker: {failures: 5, pause: 5m, max-pause: 1h}
 *   stalled-intervals: 3         # a source with no success for this many of its intervals has stalled
 * </pre>
 *
 * @param interval             evaluation interval
 * @param step                 series bucket
 * @param history              how far back each evaluation reads
 * @param allowPrivateNetworks allow loopback and private webhook targets
 * @param webhookTimeout       whole-call timeout of one webhook attempt
 * @param outboxPoll           how often the outbox is worked
 * @param retry                retry schedule
 * @param breakerFailures      consecutive failures that pause a receiver
 * @param breakerPause         first pause
 * @param breakerMaxPause      longest pause
 * @param stalledIntervals     missed source intervals that raise a source-stalled event
 */
public record AlertsConfig(Duration interval, Duration step, Duration history, boolean allowPrivateNetworks,
                           Duration webhookTimeout, Duration outboxPoll, RetrySchedule retry, int breakerFailures,
                           Duration breakerPause, Duration breakerMaxPause, int stalledIntervals) {

    public AlertsConfig {
        if (step.compareTo(Duration.ofSeconds(10)) < 0 || history.compareTo(step.multipliedBy(24)) < 0) {
            throw new IllegalArgumentException("alerts.step must be at least 10s and alerts.history at least 24 steps");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("alerts.interval must be positive");
        }
    }

    /**
     * The defaults: evaluate every minute over 5-minute buckets and 8 days of history.
     *
     * @return the defaults
     */
    public static AlertsConfig defaults() {
        return new AlertsConfig(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofDays(8), false,
                Duration.ofSeconds(10), Duration.ofSeconds(2), RetrySchedule.DEFAULT, 5, Duration.ofMinutes(5),
                Duration.ofHours(1), 3);
    }

    /**
     * Reads the {@code alerts} subtree; missing keys take the defaults.
     *
     * @param alerts the {@code alerts} node
     * @return the configuration
     */
    public static AlertsConfig create(Config alerts) {
        AlertsConfig d = defaults();
        RetrySchedule retry = new RetrySchedule(
                duration(alerts.get("retry.initial"), d.retry().initial()), 2.0,
                duration(alerts.get("retry.max-delay"), d.retry().maxDelay()),
                duration(alerts.get("retry.give-up-after"), d.retry().giveUpAfter()));
        return new AlertsConfig(
                duration(alerts.get("interval"), d.interval()),
                duration(alerts.get("step"), d.step()),
                duration(alerts.get("history"), d.history()),
                alerts.get("allow-private-networks").asBoolean().orElse(false),
                duration(alerts.get("webhook-timeout"), d.webhookTimeout()),
                duration(alerts.get("outbox-poll"), d.outboxPoll()),
                retry,
                alerts.get("breaker.failures").asInt().orElse(d.breakerFailures()),
                duration(alerts.get("breaker.pause"), d.breakerPause()),
                duration(alerts.get("breaker.max-pause"), d.breakerMaxPause()),
                alerts.get("stalled-intervals").asInt().orElse(d.stalledIntervals()));
    }

    private static Duration duration(Config node, Duration fallback) {
        return node.asString().asOptional().map(AlertsConfig::parseDuration).orElse(fallback);
    }

    /**
     * Parses {@code 250ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 8d} or ISO-8601 ({@code PT1M}).
     *
     * @param text the text
     * @return the duration
     */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1).trim());
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; use e.g. 250ms, 30s, 5m, 2h, 8d");
        }
    }

    /**
     * This configuration with other timings (tests use seconds).
     *
     * @param newInterval evaluation interval
     * @param newStep     series bucket
     * @param newHistory  history read
     * @return a copy
     */
    public AlertsConfig withTimings(Duration newInterval, Duration newStep, Duration newHistory) {
        return new AlertsConfig(newInterval, newStep, newHistory, allowPrivateNetworks, webhookTimeout, outboxPoll, retry,
                breakerFailures, breakerPause, breakerMaxPause, stalledIntervals);
    }

    /**
     * This configuration with private networks allowed or not.
     *
     * @param allow whether to allow them
     * @return a copy
     */
    public AlertsConfig withPrivateNetworks(boolean allow) {
        return new AlertsConfig(interval, step, history, allow, webhookTimeout, outboxPoll, retry,
                breakerFailures, breakerPause, breakerMaxPause, stalledIntervals);
    }

    /**
     * This configuration with another outbox poll and retry schedule.
     *
     * @param poll     outbox poll
     * @param schedule retry schedule
     * @return a copy
     */
    public AlertsConfig withDelivery(Duration poll, RetrySchedule schedule) {
        return new AlertsConfig(interval, step, history, allowPrivateNetworks, webhookTimeout, poll, schedule,
                breakerFailures, breakerPause, breakerMaxPause, stalledIntervals);
    }
}
