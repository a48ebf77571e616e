package dev.shenava.alerts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How readily a rule alerts: the anomaly score at or above which a spike is reported.
 */
public enum Sensitivity {
    /** Only stark spikes: roughly a one-in-a-million surprise over the baseline. */
    LOW(0.7),
    /** The default: clear spikes that a person would call unusual. */
    MEDIUM(0.5),
    /** Early and small spikes too, at the cost of more alerts. */
    HIGH(0.35);

    private final double threshold;

    Sensitivity(double threshold) {
        this.threshold = threshold;
    }

    /**
     * The anomaly score in [0, 1] at or above which this sensitivity alerts.
     *
     * @return the threshold
     */
    public double threshold() {
        return threshold;
    }

    /**
     * Parses {@code low}, {@code medium} or {@code high}, ignoring case.
     *
     * @param text the name
     * @return the sensitivity
     * @throws IllegalArgumentException for any other text
     */
    @JsonCreator
    public static Sensitivity parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("sensitivity must be low, medium or high, was '" + text + "'");
        }
    }

    /**
     * The lower-case name used in JSON and configuration.
     *
     * @return {@code low}, {@code medium} or {@code high}
     */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
