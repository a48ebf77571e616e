package dev.shenava.store;

import java.util.List;

/**
 * Mentions per source and per language.
 *
 * @param sources   configured sources, most mentions first
 * @param languages languages, most mentions first
 */
public record SourceStats(List<SourceCount> sources, List<LanguageCount> languages) {

    public SourceStats {
        sources = List.copyOf(sources);
        languages = List.copyOf(languages);
    }

    /**
     * One source.
     *
     * @param source   configured source id
     * @param kind     source kind, e.g. {@code telegram}
     * @param mentions mentions from it
     */
    public record SourceCount(String source, String kind, long mentions) {
    }

    /**
     * One language.
     *
     * @param lang     ISO 639-1 code or {@code und}
     * @param mentions mentions in it
     */
    public record LanguageCount(String lang, long mentions) {
    }
}
