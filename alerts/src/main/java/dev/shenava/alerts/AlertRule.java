package dev.shenava.alerts;

import java.util.List;
import java.util.Objects;

/**
 * What to watch and whom to tell: a brand, a signal, how readily to alert, and webhook targets.
 *
 * <p>The secret signs every webhook of the rule; it is write-only over the API (accepted on
 * create and update, shown only as {@code secretSet} in the {@link #view()}).
 *
 * @param id              rule id
 * @param brand           the brand id watched
 * @param signal          {@code negative_spike}, {@code volume_spike} or {@code sentiment_drop}
 * @param sensitivity     {@code low}, {@code medium} or {@code high}
 * @param minVolume       the smallest count in a window that may alert (mentions per evaluation step)
 * @param cooldownMinutes quiet time after an alert
 * @param targets         webhook targets, at most 10
 * @param enabled         whether the rule is evaluated
 * @param secret          the signing secret, or null for unsigned webhooks
 */
public record AlertRule(String id, String brand, Signal signal, Sensitivity sensitivity, double minVolume,
                        int cooldownMinutes, List<WebhookTarget> targets, boolean enabled,
                        String secret) {

    public AlertRule {
        if (id == null || !id.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("rule id must be 1-64 chars of a-z, 0-9, '-' or '_', was '" + id + "'");
        }
        if (brand == null || brand.isBlank()) {
            throw new IllegalArgumentException("a rule needs a brand");
        }
        Objects.requireNonNull(signal, "a rule needs a signal: negative_spike, volume_spike or sentiment_drop");
        if (signal == Signal.SOURCE_STALLED) {
            throw new IllegalArgumentException("signal must be negative_spike, volume_spike or sentiment_drop");
        }
        sensitivity = sensitivity == null ? Sensitivity.MEDIUM : sensitivity;
        if (minVolume < 0 || Double.isNaN(minVolume)) {
            throw new IllegalArgumentException("minVolume must be zero or more, was " + minVolume);
        }
        if (cooldownMinutes < 0 || cooldownMinutes > 7 * 24 * 60) {
            throw new IllegalArgumentException("cooldownMinutes must be between 0 and 10080 (a week), was " + cooldownMinutes);
        }
        targets = targets == null ? List.of() : List.copyOf(targets);
        if (targets.size() > 10) {
            throw new IllegalArgumentException("a rule has at most 10 targets, was " + targets.size());
        }
        secret = secret == null || secret.isEmpty() ? null : secret;
    }

    /**
     * The rule as the API shows it: everything but the secret, and whether one is set.
     *
     * @return the view
     */
    public View view() {
        return new View(id, brand, signal, sensitivity, minVolume, cooldownMinutes, targets, enabled, secret != null);
    }

    /**
     * A rule as the API shows it.
     *
     * @param id              rule id
     * @param brand           brand id
     * @param signal          the signal
     * @param sensitivity     the sensitivity
     * @param minVolume       minimum volume
     * @param cooldownMinutes cooldown
     * @param targets         webhook targets
     * @param enabled         whether it is evaluated
     * @param secretSet       whether webhooks are signed
     */
    public record View(String id, String brand, Signal signal, Sensitivity sensitivity, double minVolume,
                       int cooldownMinutes, List<WebhookTarget> targets, boolean enabled, boolean secretSet) {
    }

    /**
     * This rule with another secret.
     *
     * @param newSecret the secret, or null
     * @return a copy
     */
    public AlertRule withSecret(String newSecret) {
        return new AlertRule(id, brand, signal, sensitivity, minVolume, cooldownMinutes, targets, enabled, newSecret);
    }
}
