package dev.shenava.nlp;

import java.util.Locale;

/**
 * Customer-experience touchpoints: where in the customer journey a mention is about.
 */
public enum Touchpoint {
    SUPPORT, DELIVERY, PRICE, QUALITY, APP, STAFF, WAITING, PAYMENT, TRUST;

    /**
     * The lower-case name used in JSON and queries ({@code delivery}).
     *
     * @return the identifier
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a touchpoint, ignoring case.
     *
     * @param id identifier such as {@code support}
     * @return the touchpoint
     * @throws IllegalArgumentException when the identifier is unknown
     */
    public static Touchpoint parse(String id) {
        for (Touchpoint t : values()) {
            if (t.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown touchpoint '" + id + "'");
    }
}
