package dev.shenava.nlp;

import java.util.List;

/**
 * A brand found in a text, with where.
 *
 * @param brandId the brand's id
 * @param spans   the matched spans, in text order
 */
public record BrandMatch(String brandId, List<Span> spans) {

    public BrandMatch {
        spans = List.copyOf(spans);
    }

    /**
     * One matched span of the original text.
     *
     * @param start offset of the first char
     * @param end   offset after the last char
     * @param term  the brand term that matched
     */
    public record Span(int start, int end, String term) {
    }
}
