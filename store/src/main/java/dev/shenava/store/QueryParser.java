package dev.shenava.store;

import dev.shenava.store.QueryLexer.Kind;
import dev.shenava.store.QueryLexer.Token;
import dev.shenava.store.QueryNode.And;
import dev.shenava.store.QueryNode.Field;
import dev.shenava.store.QueryNode.Near;
import dev.shenava.store.QueryNode.Not;
import dev.shenava.store.QueryNode.Or;
import dev.shenava.store.QueryNode.Phrase;
import dev.shenava.store.QueryNode.Word;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the Shenava query language, the Brandwatch-style boolean queries analysts know.
 *
 * <p>{@code (snapp OR اسنپ) AND (delivery NEAR/3 late) -"snapp food" lang:fa}: words, "phrases",
 * {@code AND}, {@code OR}, {@code NOT} and a leading {@code -}, words side by side meaning AND,
 * parentheses, the wildcards {@code *} and {@code ?}, {@code NEAR/n} (within n words) and
 * {@code NEAR/nf} (within n words, in the written order), and the field filters of
 * {@link QueryField}. Operators are upper case; {@code NOT} binds tightest, then {@code NEAR},
 * then {@code AND} (written or implied), then {@code OR}.
 */
public final class QueryParser {

    /** Longest query accepted, in characters. */
    public static final int MAX_LENGTH = 4096;
    /** Deepest nesting of parentheses and NOTs accepted. */
    public static final int MAX_DEPTH = 32;
    /** Most words and phrases in one query. */
    public static final int MAX_TERMS = 512;

    private static final Set<Kind> STARTS_OPERAND = EnumSet.of(Kind.WORD, Kind.PHRASE, Kind.OPEN, Kind.NOT,
            Kind.MINUS, Kind.FIELD);

    private final List<Token> tokens;
    private int next;
    private int depth;
    private int terms;

    private QueryParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses a query.
     *
     * @param query the query text
     * @return its syntax tree
     * @throws QueryException if the query is empty, too long, too deep or malformed
     */
    public static QueryNode parse(String query) {
        if (query == null || query.isBlank()) {
            throw new QueryException("the query is empty: expected a word, a phrase or '('", 1);
        }
        if (query.length() > MAX_LENGTH) {
            throw new QueryException("the query is longer than " + MAX_LENGTH + " characters", MAX_LENGTH + 1);
        }
        QueryParser parser = new QueryParser(QueryLexer.tokens(query));
        QueryNode node = parser.or();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw new QueryException("unexpected " + rest.shown(), rest.position());
        }
        return node;
    }

    private QueryNode or() {
        List<QueryNode> operands = new ArrayList<>();
        operands.add(and());
        while (peek().kind() == Kind.OR) {
            take();
            operands.add(and());
        }
        return operands.size() == 1 ? operands.getFirst() : new Or(operands, operands.getFirst().position());
    }

    private QueryNode and() {
        List<QueryNode> operands = new ArrayList<>();
        operands.add(near());
        while (peek().kind() == Kind.AND || STARTS_OPERAND.contains(peek().kind())) {
            if (peek().kind() == Kind.AND) {
                take();
            }
            operands.add(near());
        }
        return operands.size() == 1 ? operands.getFirst() : new And(operands, operands.getFirst().position());
    }

    private QueryNode near() {
        QueryNode left = unary();
        while (peek().kind() == Kind.NEAR) {
            Token op = take();
            QueryNode right = unary();
            requireSpanOperand(left, op);
            requireSpanOperand(right, op);
            left = new Near(left, right, op.distance(), op.ordered(), op.position());
        }
        return left;
    }

    private static void requireSpanOperand(QueryNode node, Token op) {
        switch (node) {
            case Word w -> { }
            case Phrase p -> { }
            case Near n -> { }
            case Or or -> or.operands().forEach(o -> requireSpanOperand(o, op));
            case And and -> throw nearError(op, "AND", and.position());
            case Not not -> throw nearError(op, "NOT", not.position());
            case Field field -> throw nearError(op, "the field filter '" + field.field().keyword() + ":'",
                    field.position());
        }
    }

    private static QueryException nearError(Token op, String found, int position) {
        return new QueryException(op.text() + " joins words, phrases and OR groups of them; it cannot hold "
                + found + " (move it outside the NEAR)", position);
    }

    private QueryNode unary() {
        Token token = peek();
        if (token.kind() == Kind.NOT || token.kind() == Kind.MINUS) {
            take();
            enter(token);
            QueryNode operand = unary();
            depth--;
            return new Not(operand, token.position());
        }
        return primary();
    }

    private QueryNode primary() {
        Token token = take();
        return switch (token.kind()) {
            case WORD -> count(new Word(token.text(), token.position()));
            case PHRASE -> phrase(token);
            case OPEN -> group(token);
            case FIELD -> field(token);
            default -> throw unexpected(token);
        };
    }

    private QueryNode phrase(Token token) {
        if (token.text().isBlank()) {
            throw new QueryException("empty phrase: put words between the quotes", token.position());
        }
        return count(new Phrase(token.text(), token.position()));
    }

    private QueryNode group(Token open) {
        enter(open);
        QueryNode inner = or();
        Token close = take();
        if (close.kind() != Kind.CLOSE) {
            throw new QueryException(close.kind() == Kind.END
                    ? "missing ')' for the '(' at column " + open.position() + "; found end of query"
                    : "expected ')' for the '(' at column " + open.position() + " but found " + close.shown(),
                    close.position());
        }
        depth--;
        return inner;
    }

    private QueryNode field(Token name) {
        QueryField field = QueryField.of(name.text()).orElseThrow();
        Token value = peek();
        if (value.kind() != Kind.WORD && value.kind() != Kind.PHRASE && value.kind() != Kind.OPEN) {
            throw new QueryException("expected a value after '" + field.keyword() + ":' (a word, a phrase or "
                    + "'(') but found " + value.shown(), value.position());
        }
        QueryNode inner = primary();
        requireFieldValue(inner, field);
        return new Field(field, inner, name.position());
    }

    private static void requireFieldValue(QueryNode node, QueryField field) {
        switch (node) {
            case Word w -> { }
            case Phrase p -> { }
            case Not not -> requireFieldValue(not.operand(), field);
            case And and -> and.operands().forEach(o -> requireFieldValue(o, field));
            case Or or -> or.operands().forEach(o -> requireFieldValue(o, field));
            case Near near -> throw new QueryException("'" + field.keyword() + ":' takes words and phrases; "
                    + "NEAR is for the mention text", near.position());
            case Field inner -> throw new QueryException("'" + inner.field().keyword() + ":' cannot sit inside '"
                    + field.keyword() + ":'", inner.position());
        }
    }

    private QueryNode count(QueryNode node) {
        if (++terms > MAX_TERMS) {
            throw new QueryException("the query has more than " + MAX_TERMS + " words and phrases", node.position());
        }
        return node;
    }

    private void enter(Token token) {
        if (++depth > MAX_DEPTH) {
            throw new QueryException("the query nests parentheses and NOTs deeper than " + MAX_DEPTH + " levels",
                    token.position());
        }
    }

    private static QueryException unexpected(Token token) {
        return new QueryException("unexpected " + token.shown() + ": expected a word, a phrase or '('",
                token.position());
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.END) {
            next++;
        }
        return token;
    }
}
