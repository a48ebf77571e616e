package dev.shenava.crawler;

import java.util.Arrays;
import java.util.Locale;

/**
 * The kinds of source Shenava can listen to.
 */
public enum SourceKind {
    RSS, WEB, TELEGRAM, REDDIT, MASTODON, HACKERNEWS, APPSTORE, X, YOUTUBE, BLUESKY;

    /**
     * The lower-case name used in configuration, JSON and queries ({@code telegram}).
     *
     * @return the identifier
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a kind from its identifier, ignoring case.
     *
     * @param id identifier such as {@code rss}
     * @return the kind
     * @throws IllegalArgumentException naming the accepted kinds when {@code id} is unknown
     */
    public static SourceKind parse(String id) {
        for (SourceKind kind : values()) {
            if (kind.id().equalsIgnoreCase(id == null ? "" : id.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown source kind '" + id + "'; expected one of "
                + Arrays.stream(values()).map(SourceKind::id).toList());
    }
}
