package dev.shenava.alerts;

import dev.shenava.store.MentionFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Evaluates one rule at a time from Elasticsearch aggregations and raises an {@link AlertEvent}
 * when its signal spikes.
 *
 * <p>Each evaluation reads the rule's counts per step over the configured history, the buckets
 * ending exactly now, and replays them through a fresh {@link SpikeDetector}; it alerts when the
 * newest bucket alerts and the rule's last event is older than its cooldown. So the evaluation
 * holds no state a restart could lose, and two evaluations of one window raise one event (the
 * event id derives from the rule and the window).
 */
public final class AlertEvaluator {

    private final MentionAggregations stats;
    private final AlertEventIndex events;
    private final AlertsConfig config;
    private final Clock clock;

    AlertEvaluator(MentionAggregations stats, AlertEventIndex events, AlertsConfig config, Clock clock) {
        this.stats = stats;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Evaluates a rule now.
     *
     * @param rule the rule
     * @return the event it raises, not yet stored
     */
    public Optional<AlertEvent> evaluate(AlertRule rule) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Optional<AlertEvent> last = events.latest(rule.id());
        if (last.isPresent() && last.get().createdAt().plus(Duration.ofMinutes(rule.cooldownMinutes())).isAfter(now)) {
            return Optional.empty();
        }
        return rule.signal() == Signal.SENTIMENT_DROP ? sentimentDrop(rule, now) : spike(rule, now);
    }

    private Optional<AlertEvent> spike(AlertRule rule, Instant now) {
        MentionFilter brand = MentionFilter.ALL.withBrands(List.of(rule.brand()));
        MentionFilter watched = rule.signal() == Signal.NEGATIVE_SPIKE ? brand.withSentiments(List.of("negative")) : brand;
        Duration step = config.step();
        int steps = (int) (config.history().toMillis() / step.toMillis());
        long[] counts = stats.series(watched, now, step, steps);
        SpikeDetector detector = SpikeDetector.builder().step(step).sensitivity(rule.sensitivity())
                .minVolume(rule.minVolume()).cooldown(Duration.ofMinutes(rule.cooldownMinutes())).build();
        Instant first = now.minus(step.multipliedBy(steps));
        SpikeScore last = null;
        for (int i = 0; i < counts.length; i++) {
            last = detector.next(first.plus(step.multipliedBy(i)), counts[i]);
        }
        if (last == null || !last.alert()) {
            return Optional.empty();
        }
        Instant windowStart = now.minus(step);
        MentionFilter window = watched.withRange(windowStart.minus(step), now);
        List<String> terms = stats.drivingTerms(window, brand.withRange(first, windowStart.minus(step)), 5);
        List<AlertEvent.Example> examples = stats.examples(window, 3);
        String what = rule.signal() == Signal.NEGATIVE_SPIKE ? "Negative mentions of " : "Mentions of ";
        String reason = String.format(Locale.ROOT, "%s%s: %s in the %s to %s, against %s expected (%s); anomaly score %.2f at %s sensitivity.%s",
                what, rule.brand(), WebhookPayloads.number(last.observed()), words(step), now, WebhookPayloads.number(round(last.expected())),
                ratio(last.observed(), last.expected()), last.score(), rule.sensitivity().id(),
                terms.isEmpty() ? "" : " Driving terms: " + String.join(", ", terms) + ".");
        return Optional.of(new AlertEvent(eventId(rule.id(), now), rule.id(), rule.brand(), rule.signal(), windowStart, now,
                last.observed(), round(last.expected()), last.score(), reason, terms, examples, now, List.of()));
    }

    private Optional<AlertEvent> sentimentDrop(AlertRule rule, Instant now) {
        Duration window = config.step().compareTo(Duration.ofHours(1)) > 0 ? config.step() : Duration.ofHours(1);
        Instant windowStart = now.minus(window);
        Instant baseStart = now.minus(config.history());
        MentionFilter brand = MentionFilter.ALL.withBrands(List.of(rule.brand()));
        MentionFilter negative = brand.withSentiments(List.of("negative"));
        long total = stats.count(brand.withRange(windowStart, now));
        long neg = stats.count(negative.withRange(windowStart, now));
        long baseTotal = stats.count(brand.withRange(baseStart, windowStart));
        long baseNeg = stats.count(negative.withRange(baseStart, windowStart));
        SentimentDropDetector.Result r = SentimentDropDetector.score(neg, total, baseNeg, baseTotal, rule.sensitivity(), rule.minVolume());
        if (!r.alert()) {
            return Optional.empty();
        }
        MentionFilter windowNeg = negative.withRange(windowStart, now);
        List<String> terms = stats.drivingTerms(windowNeg, brand.withRange(baseStart, windowStart), 5);
        String reason = String.format(Locale.ROOT, "Sentiment about %s is dropping: %.0f%% of %d mentions in the %s to %s are negative, against %.0f%% before; anomaly score %.2f at %s sensitivity.%s",
                rule.brand(), 100 * r.share(), total, words(window), now, 100 * r.baselineShare(), r.score(), rule.sensitivity().id(),
                terms.isEmpty() ? "" : " Driving terms: " + String.join(", ", terms) + ".");
        return Optional.of(new AlertEvent(eventId(rule.id(), now), rule.id(), rule.brand(), Signal.SENTIMENT_DROP, windowStart, now,
                round(100 * r.share()), round(100 * r.baselineShare()), r.score(), reason, terms,
                stats.examples(windowNeg, 3), now, List.of()));
    }

    static String eventId(String key, Instant at) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest((key + "\n" + at.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
            return "evt-" + HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String ratio(double observed, double expected) {
        return expected < 0.5 ? "from nearly none" : String.format(Locale.ROOT, "%.1f×", observed / expected);
    }

    static String words(Duration d) {
        if (d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays()))) {
            return d.toDays() == 1 ? "day" : d.toDays() + " days";
        }
        if (d.toHours() > 0 && d.equals(Duration.ofHours(d.toHours()))) {
            return d.toHours() == 1 ? "hour" : d.toHours() + " hours";
        }
        if (d.toMinutes() > 0 && d.equals(Duration.ofMinutes(d.toMinutes()))) {
            return d.toMinutes() == 1 ? "minute" : d.toMinutes() + " minutes";
        }
        return d.toSeconds() + " seconds";
    }
}
