package dev.shenava.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.shenava.nlp.Brand;
import dev.shenava.store.QueryException;
import dev.shenava.store.QueryMatcher;

import java.util.List;

/**
 * A brand as the API shows and stores it: the matching terms of {@link Brand} plus an optional
 * boolean query in the query language.
 *
 * @param id          stable id
 * @param name        display name
 * @param terms       terms that mention it
 * @param excludes    terms that veto a match
 * @param competitors ids of competitor brands
 * @param query       optional query that decides the match instead of the terms (which still give the
 *                    highlighted spans; excludes still veto); it may use every part of the query language
 *                    except {@code brand:}, {@code sentiment:} and {@code touchpoint:}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BrandBody(String id, String name, List<String> terms, List<String> excludes, List<String> competitors,
                        String query) {

    /**
     * Checks a brand and returns it in its stored form.
     *
     * @param id   the id (from the path, or the body's)
     * @param body the body
     * @return the validated brand
     * @throws IllegalArgumentException saying what to fix
     */
    public static BrandBody validated(String id, BrandBody body) {
        if (body.terms() == null) {
            throw new IllegalArgumentException("brand needs 'terms': the words that mention it, in any script");
        }
        Brand brand = new Brand(id, body.name(), body.terms(), body.excludes(), body.competitors());
        if (brand.competitors().contains(brand.id())) {
            throw new IllegalArgumentException("brand '" + id + "' cannot be its own competitor");
        }
        for (String competitor : brand.competitors()) {
            if (competitor == null || !competitor.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
                throw new IllegalArgumentException("competitor '" + competitor + "' is not a brand id");
            }
        }
        String query = body.query() == null || body.query().isBlank() ? null : body.query().strip();
        if (query != null) {
            try {
                QueryMatcher.compile(query);
            } catch (QueryException e) {
                throw new IllegalArgumentException("brand query: " + e.getMessage(), e);
            }
        }
        return new BrandBody(brand.id(), brand.name(), brand.terms(), brand.excludes(), brand.competitors(), query);
    }
}
