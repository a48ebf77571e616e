package dev.shenava.api;

import dev.shenava.nlp.Brand;
import dev.shenava.nlp.BrandMatcher;
import dev.shenava.nlp.Normalizer;
import dev.shenava.store.MatchTarget;
import dev.shenava.store.QueryException;
import dev.shenava.store.QueryMatcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The brands that match by an advanced query instead of their terms, each compiled once, with the
 * excludes that still veto it. Immutable and thread-safe.
 */
final class BrandQueries {

    static final BrandQueries NONE = new BrandQueries(List.of());
    private static final System.Logger LOG = System.getLogger(BrandQueries.class.getName());
    private static final Normalizer NORMALIZER = Normalizer.create();

    /** One brand's query and, when it has excludes, a matcher that finds them. */
    private record Entry(String id, QueryMatcher query, BrandMatcher excludes) {
        boolean vetoed(String matchable) {
            return excludes != null && !excludes.match(matchable).isEmpty();
        }
    }

    private final List<Entry> entries;
    private final Set<String> ids;

    private BrandQueries(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        this.ids = Set.copyOf(entries.stream().map(Entry::id).toList());
    }

    static BrandQueries compile(List<Brand> brands, Map<String, String> queries) {
        List<Entry> entries = new ArrayList<>();
        for (Brand b : brands) {
            String query = queries.get(b.id());
            if (query == null || query.isBlank()) {
                continue;
            }
            try {
                BrandMatcher excludes = b.excludes().isEmpty() ? null
                        : BrandMatcher.create(List.of(new Brand(b.id(), b.name(), b.excludes(), List.of(), List.of())));
                entries.add(new Entry(b.id(), QueryMatcher.compile(query), excludes));
            } catch (QueryException e) {
                LOG.log(System.Logger.Level.WARNING, "brand '" + b.id() + "' matches by its terms: its query cannot"
                        + " be used: " + e.getMessage());
            }
        }
        return entries.isEmpty() ? NONE : new BrandQueries(entries);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    boolean has(String brandId) {
        return ids.contains(brandId);
    }

    /** The text in its indexed form, for {@link MatchTarget}. */
    String normalize(String text) {
        return NORMALIZER.normalize(text);
    }

    /**
     * The brands whose query matches a post and whose excludes do not occur in it.
     *
     * @param target    the post
     * @param matchable title and text, where excludes are looked for (as for term matching)
     * @return brand ids in brand order
     */
    List<String> matching(MatchTarget target, String matchable) {
        List<String> out = new ArrayList<>(2);
        for (Entry e : entries) {
            if (e.query().matches(target) && !e.vetoed(matchable)) {
                out.add(e.id());
            }
        }
        return out;
    }
}
