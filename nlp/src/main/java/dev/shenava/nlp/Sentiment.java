package dev.shenava.nlp;

import java.util.Locale;

/**
 * The three sentiment classes.
 */
public enum Sentiment {
    POSITIVE, NEGATIVE, NEUTRAL;

    /**
     * The lower-case name used in JSON, queries and training files.
     *
     * @return the identifier
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a label, ignoring case.
     *
     * @param id {@code positive}, {@code negative} or {@code neutral}
     * @return the sentiment
     * @throws IllegalArgumentException when the label is none of them
     */
    public static Sentiment parse(String id) {
        for (Sentiment s : values()) {
            if (s.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sentiment '" + id + "'; expected positive, negative or neutral");
    }
}
