package dev.shenava.store;

import dev.shenava.store.MatchTarget.Tokens;
import dev.shenava.store.QueryNode.And;
import dev.shenava.store.QueryNode.Field;
import dev.shenava.store.QueryNode.Near;
import dev.shenava.store.QueryNode.Not;
import dev.shenava.store.QueryNode.Or;
import dev.shenava.store.QueryNode.Phrase;
import dev.shenava.store.QueryNode.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A query of the query language evaluated in memory against a post before it is stored, meaning
 * exactly what the same query typed into search means ({@link QueryCompiler}): words and phrases over
 * the normalised text, wildcards, NEAR counted as {@code span_near} counts, boolean operators, and the
 * field filters a post has before analysis ({@code title:}, {@code author:}, {@code site:},
 * {@code source:}, {@code lang:}). Brand queries use it at ingestion.
 *
 * <p>{@code brand:}, {@code sentiment:} and {@code touchpoint:} are refused: they describe a stored
 * mention, not a post. Compile once, match many times; immutable and thread-safe.
 */
public final class QueryMatcher {

    private final String query;
    private final Predicate<MatchTarget> predicate;

    private QueryMatcher(String query, Predicate<MatchTarget> predicate) {
        this.query = query;
        this.predicate = predicate;
    }

    /**
     * Parses and compiles a query for matching posts.
     *
     * @param query the query text
     * @return the matcher
     * @throws QueryException if the query is malformed, could not be searched, or uses a field a
     *                        post does not have (with the column)
     */
    public static QueryMatcher compile(String query) {
        return new QueryMatcher(query, text(QueryParser.parse(query), MatchTarget::text));
    }

    /**
     * Whether the query matches a post.
     *
     * @param target the post, prepared once for all queries
     * @return true when a search with this query would find the post once stored
     */
    public boolean matches(MatchTarget target) {
        return predicate.test(target);
    }

    /**
     * The query text.
     *
     * @return the query as compiled
     */
    public String query() {
        return query;
    }

    @Override
    public String toString() {
        return query;
    }

    private static Predicate<MatchTarget> text(QueryNode node, Function<MatchTarget, Tokens> field) {
        return switch (node) {
            case Word word -> present(word.wildcard() ? span(word) : tokens(word.text(), word.position()), field);
            case Phrase phrase -> present(hasWildcard(phrase.text()) ? phraseSpan(phrase)
                    : tokens(phrase.text(), phrase.position()), field);
            case And and -> all(and.operands().stream().map(o -> text(o, field)).toList());
            case Or or -> any(or.operands().stream().map(o -> text(o, field)).toList());
            case Not not -> text(not.operand(), field).negate();
            case Near near -> present(span(near), field);
            case Field filter -> filter(filter);
        };
    }

    /**
     * The clauses of a query that can mark words of the text: its words, phrases, wildcards and NEARs,
     * except those under NOT and those of field filters ({@code title:} included), as the highlighter of a
     * search on the text marks them.
     *
     * @param node the parsed query
     * @return the clauses, each listing its spans in the text
     */
    static List<QuerySpans.Source> textClauses(QueryNode node) {
        List<QuerySpans.Source> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(QueryNode node, List<QuerySpans.Source> out) {
        switch (node) {
            case Word word -> out.add(word.wildcard() ? span(word) : tokens(word.text(), word.position()));
            case Phrase phrase -> out.add(hasWildcard(phrase.text()) ? phraseSpan(phrase)
                    : tokens(phrase.text(), phrase.position()));
            case And and -> and.operands().forEach(o -> collect(o, out));
            case Or or -> or.operands().forEach(o -> collect(o, out));
            case Near near -> out.add(nearWords(near));
            case Not not -> { }
            case Field filter -> { }
        }
    }

    /** The words of a NEAR's matches, not the words between them: its parts' spans inside its own. */
    private static QuerySpans.Source nearWords(Near near) {
        QuerySpans.Source whole = span(near);
        List<QuerySpans.Source> parts = new ArrayList<>();
        nearParts(near, parts);
        return tokens -> {
            List<QuerySpans.Span> matches = whole.spans(tokens);
            if (matches.isEmpty()) {
                return matches;
            }
            List<QuerySpans.Span> words = new ArrayList<>();
            for (QuerySpans.Source part : parts) {
                for (QuerySpans.Span s : part.spans(tokens)) {
                    if (matches.stream().anyMatch(m -> m.start() <= s.start() && s.end() <= m.end())) {
                        words.add(s);
                    }
                }
            }
            return words;
        };
    }

    private static void nearParts(QueryNode node, List<QuerySpans.Source> out) {
        switch (node) {
            case Near near -> {
                nearParts(near.left(), out);
                nearParts(near.right(), out);
            }
            case Or or -> or.operands().forEach(o -> nearParts(o, out));
            default -> out.add(span(node));
        }
    }

    private static Predicate<MatchTarget> present(QuerySpans.Source source, Function<MatchTarget, Tokens> field) {
        return target -> !source.spans(field.apply(target)).isEmpty();
    }

    static Predicate<MatchTarget> all(List<Predicate<MatchTarget>> operands) {
        return target -> {
            for (Predicate<MatchTarget> p : operands) {
                if (!p.test(target)) {
                    return false;
                }
            }
            return true;
        };
    }

    static Predicate<MatchTarget> any(List<Predicate<MatchTarget>> operands) {
        return target -> {
            for (Predicate<MatchTarget> p : operands) {
                if (p.test(target)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static QuerySpans.Source span(QueryNode node) {
        return switch (node) {
            case Word word when word.wildcard() -> QuerySpans.wildcard(QueryCompiler.checkedWildcard(word));
            case Word word -> tokens(word.text(), word.position());
            case Phrase phrase -> phraseSpan(phrase);
            case Or or -> QuerySpans.or(or.operands().stream().map(QueryMatcher::span).toList());
            case Near near -> QuerySpans.near(span(near.left()), span(near.right()), near.distance(), near.ordered());
            default -> throw new QueryException("NEAR joins words, phrases and OR groups of them", node.position());
        };
    }

    /** A phrase with wildcards: split at spaces first, as the compiler does, then each piece. */
    private static QuerySpans.Source phraseSpan(Phrase phrase) {
        List<QuerySpans.Source> clauses = new ArrayList<>();
        for (String piece : phrase.text().trim().split("\\s+")) {
            Word word = new Word(piece, phrase.position());
            if (word.wildcard()) {
                clauses.add(span(word));
            } else {
                SearchText.tokens(piece).forEach(t -> clauses.add(QuerySpans.terms(List.of(t))));
            }
        }
        if (clauses.isEmpty()) {
            throw noLetters(phrase.text(), phrase.position());
        }
        return QuerySpans.sequence(clauses);
    }

    private static QuerySpans.Source tokens(String text, int position) {
        List<String> tokens = SearchText.tokens(text);
        if (tokens.isEmpty()) {
            throw noLetters(text, position);
        }
        return QuerySpans.terms(List.copyOf(tokens));
    }

    private static QueryException noLetters(String text, int position) {
        return new QueryException("'" + text + "' has no letters or digits to search for", position);
    }

    private static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    private static Predicate<MatchTarget> filter(Field filter) {
        return switch (filter.field()) {
            case TITLE -> text(filter.value(), MatchTarget::title);
            case BRAND, SENTIMENT, TOUCHPOINT -> throw new QueryException("'" + filter.field().keyword()
                    + ":' is known only once a mention is analysed and stored, so a brand query cannot use it "
                    + "(use it in searches and alerts instead)", filter.position());
            default -> PostFields.compile(filter.field(), filter.value());
        };
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
