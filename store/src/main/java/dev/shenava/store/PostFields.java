package dev.shenava.store;

import dev.shenava.store.QueryNode.And;
import dev.shenava.store.QueryNode.Not;
import dev.shenava.store.QueryNode.Or;
import dev.shenava.store.QueryNode.Phrase;
import dev.shenava.store.QueryNode.Word;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The keyword filters of the query language ({@code lang:}, {@code source:}, {@code author:},
 * {@code site:}) evaluated against a post in memory, with the case-insensitive term and wildcard
 * semantics {@link FieldFilters} asks Elasticsearch for.
 */
final class PostFields {

    private PostFields() {
    }

    static Predicate<MatchTarget> compile(QueryField field, QueryNode node) {
        return switch (node) {
            case Word word -> one(field, word.text(), word.position(), word.wildcard());
            case Phrase phrase -> one(field, phrase.text().trim(), phrase.position(), false);
            case And and -> QueryMatcher.all(and.operands().stream().map(o -> compile(field, o)).toList());
            case Or or -> QueryMatcher.any(or.operands().stream().map(o -> compile(field, o)).toList());
            case Not not -> compile(field, not.operand()).negate();
            default -> throw new QueryException("'" + field.keyword() + ":' takes words and phrases", node.position());
        };
    }

    private static Predicate<MatchTarget> one(QueryField field, String raw, int position, boolean wildcard) {
        if (raw.isEmpty()) {
            throw new QueryException("expected a value after '" + field.keyword() + ":'", position);
        }
        String value = QueryMatcher.lower(raw);
        return switch (field) {
            case LANG -> {
                Predicate<String> is = equalTo(value, wildcard);
                yield t -> is.test(t.lang());
            }
            case SOURCE -> {
                Predicate<String> is = equalTo(value, wildcard);
                yield t -> is.test(t.post().source()) || is.test(t.post().kind().id());
            }
            case AUTHOR -> {
                Predicate<String> is = equalTo(value.startsWith("@") ? value.substring(1) : value, wildcard);
                yield t -> is.test(t.post().author().handle()) || is.test(t.post().author().name());
            }
            case SITE -> site(value, wildcard);
            default -> throw new IllegalStateException(field + " is not a post keyword field");
        };
    }

    private static Predicate<MatchTarget> site(String value, boolean wildcard) {
        String host = value.replaceFirst("^[a-z]+://", "").replaceFirst("^www\\.", "").replaceFirst("[/?#].*$", "");
        if (wildcard) {
            Predicate<String> is = equalTo(host, true);
            return t -> is.test(t.site());
        }
        String subdomain = "." + host;
        return t -> t.site().equals(host) || t.site().endsWith(subdomain);
    }

    /** A case-insensitive {@code term} or {@code wildcard} on a keyword; the value is lower case. */
    private static Predicate<String> equalTo(String value, boolean wildcard) {
        if (wildcard) {
            Pattern pattern = QuerySpans.wildcardRegex(value);
            return s -> s != null && pattern.matcher(QueryMatcher.lower(s)).matches();
        }
        return s -> s != null && QueryMatcher.lower(s).equals(value);
    }
}
