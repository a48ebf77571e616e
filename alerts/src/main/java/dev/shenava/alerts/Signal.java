package dev.shenava.alerts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What an alert watches.
 */
public enum Signal {
    /** Negative mentions of a brand rise over their baseline. */
    NEGATIVE_SPIKE,
    /** All mentions of a brand rise over their baseline. */
    VOLUME_SPIKE,
    /** The negative share of a brand's mentions rises sharply over its baseline. */
    SENTIMENT_DROP,
    /** A source stopped delivering posts, or keeps failing (raised by the evaluator, not by rules). */
    SOURCE_STALLED;

    /**
     * The snake-case id used in JSON ({@code negative_spike}).
     *
     * @return the id
     */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an id such as {@code negative_spike}, ignoring case.
     *
     * @param text the id
     * @return the signal
     * @throws IllegalArgumentException for an unknown id
     */
    @JsonCreator
    public static Signal parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "signal must be negative_spike, volume_spike or sentiment_drop, was '" + text + "'");
        }
    }
}
