package dev.shenava.store;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import dev.shenava.store.QueryNode.And;
import dev.shenava.store.QueryNode.Field;
import dev.shenava.store.QueryNode.Not;
import dev.shenava.store.QueryNode.Or;
import dev.shenava.store.QueryNode.Phrase;
import dev.shenava.store.QueryNode.Word;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Compiles the field filters of the query language ({@code lang:fa}, {@code source:telegram}, ...)
 * to term and wildcard queries on the mention's keyword fields, ignoring case: on each field's
 * {@code lower} sub-field (index version 3), which holds its values lower-cased by the index's
 * {@code lower} normalizer, the same one Elasticsearch applies to the query's value. Elasticsearch's own
 * {@code case_insensitive} term built and minimised an automaton of every case variant of the value for
 * each search (about 8% of the node's CPU per search in the bench's mix).
 */
final class FieldFilters {

    private static final Set<String> SENTIMENTS = Set.of("positive", "negative", "neutral");

    private FieldFilters() {
    }

    static Query compile(Field filter) {
        if (filter.field() == QueryField.TITLE) {
            return QueryCompiler.text(filter.value(), "title");
        }
        return value(filter.field(), filter.value());
    }

    private static Query value(QueryField field, QueryNode node) {
        return switch (node) {
            case Word word -> one(field, word.text(), word.position(), word.wildcard());
            case Phrase phrase -> one(field, phrase.text().trim(), phrase.position(), false);
            case And and -> QueryCompiler.and(and.operands(), child -> value(field, child));
            case Or or -> QueryCompiler.or(or.operands(), child -> value(field, child));
            case Not not -> Query.of(q -> q.bool(b -> b.mustNot(value(field, not.operand()))));
            default -> throw new QueryException("'" + field.keyword() + ":' takes words and phrases",
                    node.position());
        };
    }

    private static Query one(QueryField field, String raw, int position, boolean wildcard) {
        if (raw.isEmpty()) {
            throw new QueryException("expected a value after '" + field.keyword() + ":'", position);
        }
        String value = raw.toLowerCase(Locale.ROOT);
        return switch (field) {
            case BRAND -> exact("brands", value, wildcard);
            case LANG -> exact("lang", value, wildcard);
            case SOURCE -> either(exact("source", raw, wildcard), exact("sourceKind", value, wildcard));
            case SENTIMENT -> sentiment(value, position);
            case TOUCHPOINT -> touchpoint(value, position, wildcard);
            case AUTHOR -> author(raw.startsWith("@") ? raw.substring(1) : raw, wildcard);
            case SITE -> site(value, wildcard);
            case TITLE -> throw new IllegalStateException("title is a text field");
        };
    }

    private static Query sentiment(String value, int position) {
        if (!SENTIMENTS.contains(value)) {
            throw new QueryException("'sentiment:' takes positive, negative or neutral, found '" + value + "'",
                    position);
        }
        return Query.of(q -> q.term(t -> t.field("sentiment").value(value)));
    }

    private static Query touchpoint(String value, int position, boolean wildcard) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            return exact("touchpoints", value, wildcard);
        }
        String label = value.substring(colon + 1);
        if (!wildcard && !SENTIMENTS.contains(label)) {
            throw new QueryException("'touchpoint:' takes a touchpoint or touchpoint:sentiment with positive, "
                    + "negative or neutral, found '" + value + "'", position + colon + 1);
        }
        return exact("touchpointSentiments", value, wildcard);
    }

    private static Query author(String handle, boolean wildcard) {
        return either(exact("author.handle", handle, wildcard), exact("author.name", handle, wildcard));
    }

    private static Query site(String value, boolean wildcard) {
        String host = value.replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "").replaceFirst("[/?#].*$", "");
        if (wildcard) {
            return exact("site", host, true);
        }
        return either(exact("site", host, false), exact("site", "*." + host, true));
    }

    private static Query exact(String field, String value, boolean wildcard) {
        String lower = field + ".lower";
        if (wildcard) {
            return Query.of(q -> q.wildcard(w -> w.field(lower).value(value)));
        }
        return Query.of(q -> q.term(t -> t.field(lower).value(value)));
    }

    private static Query either(Query first, Query second) {
        return Query.of(q -> q.bool(b -> b.should(List.of(first, second)).minimumShouldMatch("1")));
    }
}
