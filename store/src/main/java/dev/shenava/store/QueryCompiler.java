package dev.shenava.store;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SpanQuery;
import dev.shenava.store.QueryNode.And;
import dev.shenava.store.QueryNode.Field;
import dev.shenava.store.QueryNode.Near;
import dev.shenava.store.QueryNode.Not;
import dev.shenava.store.QueryNode.Or;
import dev.shenava.store.QueryNode.Phrase;
import dev.shenava.store.QueryNode.Word;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a parsed query into an Elasticsearch query over the mention fields.
 *
 * <p>Words and phrases become {@code match_phrase} on the normalised {@code text} (so Elasticsearch
 * splits them exactly as it split the indexed text), wildcards become {@code wildcard}, NEAR becomes
 * {@code span_near} over {@code span_term}, {@code span_multi} and {@code span_or}, and field filters
 * become term filters on keyword fields. Nothing is passed through as {@code query_string}.
 */
public final class QueryCompiler {

    /**
     * Queries compiled before, by their text: dashboards and analysts repeat their queries, and normalising
     * the terms again on every request cost more than answering it from the cache. Elasticsearch's query
     * objects are immutable.
     */
    private static final Map<String, Query> COMPILED = new ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 10_000;

    static final String TEXT = "text";
    private static final int MIN_WILDCARD_LETTERS = 2;
    private static final String SPAN_REWRITE = "top_terms_256";

    private QueryCompiler() {
    }

    /**
     * Parses and compiles a query.
     *
     * @param query query text
     * @return the Elasticsearch query
     * @throws QueryException if the query is malformed or asks for something impossible
     */
    public static Query compile(String query) {
        Query known = COMPILED.get(query);
        if (known != null) {
            return known;
        }
        Query compiled = compile(QueryParser.parse(query));
        if (COMPILED.size() >= MAX_COMPILED) {
            COMPILED.clear();
        }
        COMPILED.put(query, compiled);
        return compiled;
    }

    /**
     * Compiles a parsed query.
     *
     * @param node the syntax tree
     * @return the Elasticsearch query
     * @throws QueryException if a part of it cannot be searched (e.g. a word without letters)
     */
    public static Query compile(QueryNode node) {
        return text(node, TEXT);
    }

    static Query text(QueryNode node, String field) {
        return switch (node) {
            case Word word -> word.wildcard() ? wildcard(word, field) : phrase(word.text(), word.position(), field);
            case Phrase phrase -> hasWildcard(phrase.text())
                    ? query(phraseSpan(phrase, field))
                    : phrase(phrase.text(), phrase.position(), field);
            case And and -> and(and.operands(), child -> text(child, field));
            case Or or -> or(or.operands(), child -> text(child, field));
            case Not not -> Query.of(q -> q.bool(b -> b.mustNot(text(not.operand(), field))));
            case Near near -> query(span(near, field));
            case Field filter -> FieldFilters.compile(filter);
        };
    }

    private static Query query(SpanQuery span) {
        return switch (span._kind()) {
            case SpanNear -> Query.of(q -> q.spanNear(span.spanNear()));
            case SpanTerm -> Query.of(q -> q.spanTerm(span.spanTerm()));
            case SpanMulti -> Query.of(q -> q.spanMulti(span.spanMulti()));
            case SpanOr -> Query.of(q -> q.spanOr(span.spanOr()));
            default -> throw new IllegalStateException("unexpected span " + span._kind());
        };
    }

    static Query and(List<QueryNode> operands, java.util.function.Function<QueryNode, Query> compile) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        for (QueryNode operand : operands) {
            if (operand instanceof Not not) {
                bool.mustNot(compile.apply(not.operand()));
            } else {
                bool.must(compile.apply(operand));
            }
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    static Query or(List<QueryNode> operands, java.util.function.Function<QueryNode, Query> compile) {
        List<Query> should = operands.stream().map(compile).toList();
        return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1")));
    }

    private static Query phrase(String text, int position, String field) {
        String normalized = SearchText.normalize(text);
        if (SearchText.tokens(text).isEmpty()) {
            throw new QueryException("'" + text + "' has no letters or digits to search for", position);
        }
        return Query.of(q -> q.matchPhrase(m -> m.field(field).query(normalized)));
    }

    private static Query wildcard(Word word, String field) {
        String pattern = checkedWildcard(word);
        return Query.of(q -> q.wildcard(w -> w.field(field).value(pattern)));
    }

    static String checkedWildcard(Word word) {
        String pattern = SearchText.wildcard(word.text());
        if (SearchText.literalLength(pattern) < MIN_WILDCARD_LETTERS) {
            throw new QueryException("a wildcard needs at least " + MIN_WILDCARD_LETTERS
                    + " letters besides * and ?, found '" + word.text() + "'", word.position());
        }
        return pattern;
    }

    private static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    private static SpanQuery span(QueryNode node, String field) {
        return switch (node) {
            case Word word when word.wildcard() -> SpanQuery.of(s -> s.spanMulti(m -> m.match(q -> q.wildcard(
                    w -> w.field(field).value(checkedWildcard(word)).rewrite(SPAN_REWRITE)))));
            case Word word -> tokensSpan(word.text(), word.position(), field);
            case Phrase phrase -> phraseSpan(phrase, field);
            case Or or -> SpanQuery.of(s -> s.spanOr(o -> o.clauses(
                    or.operands().stream().map(child -> span(child, field)).toList())));
            case Near near -> SpanQuery.of(s -> s.spanNear(n -> n
                    .clauses(List.of(span(near.left(), field), span(near.right(), field)))
                    .slop(near.distance())
                    .inOrder(near.ordered())));
            default -> throw new QueryException("NEAR joins words, phrases and OR groups of them",
                    node.position());
        };
    }

    private static SpanQuery phraseSpan(Phrase phrase, String field) {
        List<SpanQuery> clauses = new ArrayList<>();
        for (String piece : phrase.text().trim().split("\\s+")) {
            Word word = new Word(piece, phrase.position());
            if (word.wildcard()) {
                clauses.add(span(word, field));
            } else {
                SearchText.tokens(piece).forEach(t -> clauses.add(spanTerm(field, t)));
            }
        }
        return sequence(clauses, phrase.text(), phrase.position());
    }

    private static SpanQuery tokensSpan(String text, int position, String field) {
        return sequence(SearchText.tokens(text).stream().map(t -> spanTerm(field, t)).toList(), text, position);
    }

    private static SpanQuery sequence(List<SpanQuery> clauses, String text, int position) {
        if (clauses.isEmpty()) {
            throw new QueryException("'" + text + "' has no letters or digits to search for", position);
        }
        if (clauses.size() == 1) {
            return clauses.getFirst();
        }
        return SpanQuery.of(s -> s.spanNear(n -> n.clauses(clauses).slop(0).inOrder(true)));
    }

    private static SpanQuery spanTerm(String field, String token) {
        return SpanQuery.of(s -> s.spanTerm(t -> t.field(field).value(token)));
    }
}
