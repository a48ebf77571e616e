package dev.shenava.store;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a query into tokens, each with the 1-based column where it starts.
 */
final class QueryLexer {

    enum Kind { WORD, PHRASE, OPEN, CLOSE, AND, OR, NOT, MINUS, NEAR, FIELD, END }

    record Token(Kind kind, String text, int position, int distance, boolean ordered) {
        static Token of(Kind kind, String text, int position) {
            return new Token(kind, text, position, 0, false);
        }

        /** How the token reads in an error message. */
        String shown() {
            return switch (kind) {
                case END -> "end of query";
                case PHRASE -> "phrase \"" + text + "\"";
                case FIELD -> "'" + text + ":'";
                default -> "'" + text + "'";
            };
        }
    }

    static final int MAX_NEAR = 100;
    private static final Pattern NEAR = Pattern.compile("NEAR/(\\d{1,4})(f?)");
    private static final Pattern FIELD = Pattern.compile("([A-Za-z]+):(.*)", Pattern.DOTALL);

    private final String query;
    private final List<Token> tokens = new ArrayList<>();
    private int i;

    private QueryLexer(String query) {
        this.query = query;
    }

    static List<Token> tokens(String query) {
        QueryLexer lexer = new QueryLexer(query);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                tokens.add(Token.of(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), i + 1));
                i++;
            } else if (isQuote(c)) {
                // A stray closing quote opens a phrase too, so that every character is consumed.
                phrase();
            } else if (c == '-' && i + 1 < query.length() && startsOperand(query.charAt(i + 1))) {
                tokens.add(Token.of(Kind.MINUS, "-", i + 1));
                i++;
            } else {
                word();
            }
        }
        tokens.add(Token.of(Kind.END, "", query.length() + 1));
    }

    private static boolean startsOperand(char c) {
        return !Character.isWhitespace(c) && c != ')' && c != '-';
    }

    private static boolean isOpeningQuote(char c) {
        return c == '"' || c == '\u201C' || c == '\u00AB';
    }

    private static boolean isQuote(char c) {
        return isOpeningQuote(c) || c == '\u201D' || c == '\u00BB';
    }

    private void phrase() {
        int start = i;
        int end = i + 1;
        while (end < query.length() && !isQuote(query.charAt(end))) {
            end++;
        }
        if (end >= query.length()) {
            throw new QueryException("missing closing quote for the phrase started", start + 1);
        }
        tokens.add(Token.of(Kind.PHRASE, query.substring(start + 1, end), start + 1));
        i = end + 1;
    }

    private void word() {
        int start = i;
        while (i < query.length() && !endsWord(query.charAt(i))) {
            i++;
        }
        String text = query.substring(start, i);
        int position = start + 1;
        switch (text) {
            case "AND", "&&" -> tokens.add(Token.of(Kind.AND, text, position));
            case "OR", "||" -> tokens.add(Token.of(Kind.OR, text, position));
            case "NOT" -> tokens.add(Token.of(Kind.NOT, text, position));
            default -> special(text, position);
        }
    }

    private boolean endsWord(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '(' || c == ')' || isQuote(c);
    }

    private void special(String text, int position) {
        if (text.equals("NEAR") || text.startsWith("NEAR/")) {
            near(text, position);
            return;
        }
        Matcher field = FIELD.matcher(text);
        if (field.matches() && !field.group(2).startsWith("//")) {
            String name = field.group(1);
            if (QueryField.of(name).isEmpty()) {
                throw new QueryException("unknown field '" + name + ":' (fields are " + QueryField.names()
                        + "; put text with a colon in quotes)", position);
            }
            tokens.add(Token.of(Kind.FIELD, name, position));
            String rest = field.group(2);
            if (!rest.isEmpty()) {
                tokens.add(Token.of(Kind.WORD, rest, position + name.length() + 1));
            }
            return;
        }
        tokens.add(Token.of(Kind.WORD, text, position));
    }

    private void near(String text, int position) {
        Matcher near = NEAR.matcher(text);
        int distance = near.matches() ? Integer.parseInt(near.group(1)) : -1;
        if (distance < 1 || distance > MAX_NEAR) {
            throw new QueryException("NEAR/n needs a number from 1 to " + MAX_NEAR
                    + " (e.g. NEAR/3, or NEAR/3f for the written order), found '" + text + "'", position);
        }
        tokens.add(new Token(Kind.NEAR, text, position, distance, !near.group(2).isEmpty()));
    }
}
