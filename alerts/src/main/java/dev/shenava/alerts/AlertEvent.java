package dev.shenava.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an alert reports: the window seen, the count observed against the count expected, why in
 * words, the terms driving it, example mentions, and how its webhooks fared.
 *
 * @param id          event id; receivers deduplicate on it
 * @param ruleId      the rule that raised it (empty for a source-stalled event)
 * @param brand       the brand it is about (the source id for a source-stalled event)
 * @param signal      what was watched
 * @param windowStart start of the window that spiked
 * @param windowEnd   end of that window
 * @param observed    what was seen in the window (a count, or a share in percent for sentiment drops)
 * @param expected    what the past led us to expect
 * @param score       anomaly score in [0, 1]
 * @param reason      one sentence a person understands without opening the dashboard
 * @param terms       key phrases over-represented in the window against the baseline
 * @param examples    the most engaged matching mentions
 * @param createdAt   when the event was raised
 * @param deliveries  the state of each webhook delivery
 * @param test        whether it is a sample fired by {@code POST /alert-rules/{id}/test} rather than a real alert
 */
public record AlertEvent(String id, String ruleId, String brand, Signal signal, Instant windowStart,
                         Instant windowEnd, double observed, double expected, double score, String reason,
                         List<String> terms, List<Example> examples, Instant createdAt,
                         List<DeliverySummary> deliveries, boolean test) {

    public AlertEvent {
        Objects.requireNonNull(id, "id");
        ruleId = ruleId == null ? "" : ruleId;
        brand = brand == null ? "" : brand;
        Objects.requireNonNull(signal, "signal");
        Objects.requireNonNull(windowStart, "windowStart");
        Objects.requireNonNull(windowEnd, "windowEnd");
        reason = reason == null ? "" : reason;
        terms = terms == null ? List.of() : List.copyOf(terms);
        examples = examples == null ? List.of() : List.copyOf(examples);
        Objects.requireNonNull(createdAt, "createdAt");
        deliveries = deliveries == null ? List.of() : List.copyOf(deliveries);
    }

    /**
     * A real (not test) event.
     *
     * @param id          event id
     * @param ruleId      the rule that raised it
     * @param brand       the brand
     * @param signal      what was watched
     * @param windowStart start of the window
     * @param windowEnd   end of the window
     * @param observed    what was seen
     * @param expected    what was expected
     * @param score       anomaly score in [0, 1]
     * @param reason      one sentence
     * @param terms       driving terms
     * @param examples    example mentions
     * @param createdAt   when it was raised
     * @param deliveries  delivery states
     */
    public AlertEvent(String id, String ruleId, String brand, Signal signal, Instant windowStart, Instant windowEnd,
                      double observed, double expected, double score, String reason, List<String> terms,
                      List<Example> examples, Instant createdAt, List<DeliverySummary> deliveries) {
        this(id, ruleId, brand, signal, windowStart, windowEnd, observed, expected, score, reason, terms, examples,
                createdAt, deliveries, false);
    }

    /**
     * This event with the given delivery states.
     *
     * @param states one per target
     * @return a copy
     */
    public AlertEvent withDeliveries(List<DeliverySummary> states) {
        return new AlertEvent(id, ruleId, brand, signal, windowStart, windowEnd, observed, expected, score, reason,
                terms, examples, createdAt, states, test);
    }

    /**
     * A mention shown as an example of what drove an event.
     *
     * @param id         mention id
     * @param text       its original text (shortened)
     * @param url        its URL
     * @param engagement its total engagement
     */
    public record Example(String id, String text, String url, long engagement) {
        public Example {
            Objects.requireNonNull(id, "id");
            text = text == null ? "" : text;
            url = url == null ? "" : url;
        }
    }

    /**
     * How one webhook delivery of an event fared.
     *
     * @param target        the target URL
     * @param status        {@code pending}, {@code delivered}, {@code failed} or {@code paused}
     * @param attempts      attempts made so far
     * @param lastAttemptAt when the last attempt was made, or null
     * @param lastError     what went wrong last, or null
     */
    public record DeliverySummary(String target, String status, int attempts, Instant lastAttemptAt,
                                  String lastError) {
    }
}
