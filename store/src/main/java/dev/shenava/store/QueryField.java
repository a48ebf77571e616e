package dev.shenava.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The field filters of the query language ({@code brand:}, {@code lang:}, ...).
 */
public enum QueryField {
    /** Brand id, e.g. {@code brand:snapp}. */
    BRAND,
    /** Language code, e.g. {@code lang:fa}. */
    LANG,
    /** Configured source id or source kind, e.g. {@code source:telegram}. */
    SOURCE,
    /** positive, negative or neutral. */
    SENTIMENT,
    /** A touchpoint, optionally with its sentiment: {@code touchpoint:delivery:negative}. */
    TOUCHPOINT,
    /** Author handle (with or without {@code @}) or display name. */
    AUTHOR,
    /** Host name without {@code www.}; also matches its sub-domains. */
    SITE,
    /** Words in the title, searched like the text. */
    TITLE;

    /**
     * The name used in queries.
     *
     * @return lower-case name without the colon
     */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Finds the field a query names.
     *
     * @param name name as typed, any case
     * @return the field, or empty if there is none of that name
     */
    public static Optional<QueryField> of(String name) {
        return Arrays.stream(values()).filter(f -> f.keyword().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * The field names for error messages.
     *
     * @return e.g. {@code brand, lang, source, ...}
     */
    public static String names() {
        return Arrays.stream(values()).map(QueryField::keyword).collect(Collectors.joining(", "));
    }
}
