package dev.shenava.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds tracked brands in a text. Immutable and thread-safe; build a new one when brands change.
 */
public final class BrandMatcher {

    private final List<Brand> brands;

    private BrandMatcher(List<Brand> brands) {
        this.brands = List.copyOf(brands);
    }

    /**
     * Creates a matcher for the given brands.
     *
     * @param brands the brands to find
     * @return the matcher
     */
    public static BrandMatcher create(List<Brand> brands) {
        return new BrandMatcher(brands);
    }

    /**
     * Finds the brands a text mentions.
     *
     * @param text the text
     * @return one match per brand found, in brand order
     */
    public List<BrandMatch> match(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        List<BrandMatch> found = new ArrayList<>();
        for (Brand brand : brands) {
            List<BrandMatch.Span> spans = new ArrayList<>();
            for (String term : brand.terms()) {
                String t = term.toLowerCase(Locale.ROOT);
                for (int i = lower.indexOf(t); i >= 0; i = lower.indexOf(t, i + t.length())) {
                    spans.add(new BrandMatch.Span(i, i + t.length(), term));
                }
            }
            boolean vetoed = brand.excludes().stream().anyMatch(x -> lower.contains(x.toLowerCase(Locale.ROOT)));
            if (!spans.isEmpty() && !vetoed) {
                found.add(new BrandMatch(brand.id(), spans));
            }
        }
        return found;
    }
}
