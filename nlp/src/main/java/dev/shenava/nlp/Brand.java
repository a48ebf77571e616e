package dev.shenava.nlp;

import java.util.List;

/**
 * What is tracked: a brand's name, the terms that mention it, the terms that veto a false match,
 * and its competitors.
 *
 * @param id          stable identifier ({@code snapp})
 * @param name        display name
 * @param terms       terms that mention it, in any script and spelling ({@code Snapp}, {@code اسنپ}, {@code snapp.ir})
 * @param excludes    terms whose presence vetoes a match
 * @param competitors ids of competitor brands
 */
public record Brand(String id, String name, List<String> terms, List<String> excludes, List<String> competitors) {

    public Brand {
        if (id == null || !id.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw new IllegalArgumentException("brand id must be 1-64 chars of a-z, 0-9, '-' or '_', was '" + id + "'");
        }
        name = name == null || name.isBlank() ? id : name;
        terms = List.copyOf(terms);
        if (terms.isEmpty() || terms.stream().anyMatch(t -> t == null || t.isBlank())) {
            throw new IllegalArgumentException("brand '" + id + "' needs at least one non-blank term");
        }
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        competitors = competitors == null ? List.of() : List.copyOf(competitors);
    }
}
