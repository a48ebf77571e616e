package dev.shenava.store;

import java.util.Locale;

/**
 * Orders of mention search results; each ends on the hash of the unique {@code id} ({@code idHash}) so cursors
 * are stable.
 */
public enum MentionSort {
    /** Newest first. */
    NEWEST,
    /** Oldest first. */
    OLDEST,
    /** Most engagement first, then newest. */
    ENGAGEMENT;

    /**
     * Parses {@code newest}, {@code oldest} or {@code engagement}, ignoring case.
     *
     * @param id the name
     * @return the order
     */
    public static MentionSort parse(String id) {
        for (MentionSort s : values()) {
            if (s.name().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown sort '" + id + "'; expected newest, oldest or engagement");
    }

    /** @return how many sort values a hit has in this order (what a cursor holds after the sort's name) */
    int sortValues() {
        return this == ENGAGEMENT ? 3 : 2;
    }

    /** @return the lower-case name */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
