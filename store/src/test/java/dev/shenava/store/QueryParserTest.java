package dev.shenava.store;

import dev.shenava.store.QueryNode.And;
import dev.shenava.store.QueryNode.Field;
import dev.shenava.store.QueryNode.Near;
import dev.shenava.store.QueryNode.Not;
import dev.shenava.store.QueryNode.Or;
import dev.shenava.store.QueryNode.Phrase;
import dev.shenava.store.QueryNode.Word;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryParserTest {

    @Test
    void readsWordsSideBySideAsAnd() {
        And and = assertInstanceOf(And.class, QueryParser.parse("snapp delivery"));
        assertEquals(List.of(new Word("snapp", 1), new Word("delivery", 7)), and.operands());
    }

    @Test
    void bindsAndTighterThanOr() {
        Or or = assertInstanceOf(Or.class, QueryParser.parse("a OR b AND c"));
        assertEquals(new Word("a", 1), or.operands().get(0));
        And and = assertInstanceOf(And.class, or.operands().get(1));
        assertEquals(List.of(new Word("b", 6), new Word("c", 12)), and.operands());
    }

    @Test
    void bindsImplicitAndTighterThanOr() {
        Or or = assertInstanceOf(Or.class, QueryParser.parse("a b OR c"));
        assertInstanceOf(And.class, or.operands().get(0));
        assertEquals(new Word("c", 8), or.operands().get(1));
    }

    @Test
    void bindsNearTighterThanAnd() {
        And and = assertInstanceOf(And.class, QueryParser.parse("x AND late NEAR/3 delivery"));
        Near near = assertInstanceOf(Near.class, and.operands().get(1));
        assertEquals(3, near.distance());
        assertEquals(new Word("late", 7), near.left());
        assertEquals(new Word("delivery", 19), near.right());
    }

    @Test
    void bindsNotTighterThanAnd() {
        And and = assertInstanceOf(And.class, QueryParser.parse("snapp NOT food -taxi"));
        assertEquals(new Not(new Word("food", 11), 7), and.operands().get(1));
        assertEquals(new Not(new Word("taxi", 17), 16), and.operands().get(2));
    }

    @Test
    void parenthesesOverridePrecedence() {
        And and = assertInstanceOf(And.class, QueryParser.parse("(a OR b) c"));
        assertInstanceOf(Or.class, and.operands().get(0));
    }

    @Test
    void readsOrderedNearAndOrGroupsInsideNear() {
        Near near = assertInstanceOf(Near.class, QueryParser.parse("(late OR slow) NEAR/5f \"the courier\""));
        assertTrue(near.ordered());
        assertEquals(5, near.distance());
        assertInstanceOf(Or.class, near.left());
        assertEquals(new Phrase("the courier", 24), near.right());
    }

    @Test
    void readsFieldFiltersWithWordsPhrasesAndGroups() {
        And and = assertInstanceOf(And.class,
                QueryParser.parse("lang:fa author:\"Ali R\" source:(telegram OR rss) touchpoint:delivery:negative"));
        assertEquals(new Field(QueryField.LANG, new Word("fa", 6), 1), and.operands().get(0));
        assertEquals(new Field(QueryField.AUTHOR, new Phrase("Ali R", 16), 9), and.operands().get(1));
        Field source = assertInstanceOf(Field.class, and.operands().get(2));
        assertInstanceOf(Or.class, source.value());
        assertEquals(new Field(QueryField.TOUCHPOINT, new Word("delivery:negative", 60), 49), and.operands().get(3));
    }

    @Test
    void keepsLowerCaseOperatorsAsWords() {
        And and = assertInstanceOf(And.class, QueryParser.parse("cats and dogs"));
        assertEquals(new Word("and", 6), and.operands().get(1));
    }

    @Test
    void keepsHyphenInsideWordsAndUrlsWithColons() {
        And and = assertInstanceOf(And.class, QueryParser.parse("e-commerce https://snapp.ir"));
        assertEquals(new Word("e-commerce", 1), and.operands().get(0));
        assertEquals(new Word("https://snapp.ir", 12), and.operands().get(1));
    }

    @Test
    void readsPersianTypographicQuotes() {
        assertEquals(new Phrase("اسنپ فود", 1), QueryParser.parse("«اسنپ فود»"));
    }

    @Test
    void readsAStrayClosingQuoteAsTheStartOfAPhrase() {
        assertEquals(new Phrase("late", 1), QueryParser.parse("»late»"));
        assertEquals(1, assertThrows(QueryException.class, () -> QueryParser.parse("”late")).position());
    }

    @Test
    void reportsUnexpectedClosingParenthesisWithItsColumn() {
        QueryException e = assertThrows(QueryException.class, () -> QueryParser.parse("snapp OR tapsi)"));
        assertEquals(15, e.position());
        assertEquals("unexpected ')' at column 15", e.getMessage());
    }

    @Test
    void reportsMissingClosingQuoteAtTheOpeningQuote() {
        QueryException e = assertThrows(QueryException.class, () -> QueryParser.parse("a \"late delivery"));
        assertEquals(3, e.position());
        assertEquals("missing closing quote for the phrase started at column 3", e.getMessage());
    }

    @Test
    void reportsMissingClosingParenthesis() {
        QueryException e = assertThrows(QueryException.class, () -> QueryParser.parse("(a OR b"));
        assertEquals(8, e.position());
        assertTrue(e.getMessage().startsWith("missing ')' for the '(' at column 1"), e.getMessage());
    }

    @Test
    void reportsOperatorWithoutOperand() {
        QueryException e = assertThrows(QueryException.class, () -> QueryParser.parse("snapp AND"));
        assertEquals(10, e.position());
        assertTrue(e.getMessage().contains("expected a word, a phrase or '('"), e.getMessage());
        assertEquals(1, assertThrows(QueryException.class, () -> QueryParser.parse("OR x")).position());
    }

    @Test
    void reportsNearDistanceOutOfRange() {
        for (String q : List.of("a NEAR/0 b", "a NEAR/101 b", "a NEAR b", "a NEAR/x b")) {
            QueryException e = assertThrows(QueryException.class, () -> QueryParser.parse(q));
            assertEquals(3, e.position(), q);
            assertTrue(e.getMessage().startsWith("NEAR/n needs a number from 1 to 100"), e.getMessage());
        }
    }

    @Test
    void rejectsAndOrFieldsInsideNear() {
        QueryException e = assertThrows(QueryException.class, () -> QueryParser.parse("(a b) NEAR/2 c"));
        assertEquals(2, e.position());
        assertThrows(QueryException.class, () -> QueryParser.parse("lang:fa NEAR/2 c"));
        assertThrows(QueryException.class, () -> QueryParser.parse("a NEAR/2 -c"));
    }

    @Test
    void rejectsUnknownFieldsNamingTheKnownOnes() {
        QueryException e = assertThrows(QueryException.class, () -> QueryParser.parse("x colour:red"));
        assertEquals(3, e.position());
        assertTrue(e.getMessage().contains("brand, lang, source"), e.getMessage());
    }

    @Test
    void rejectsFieldWithoutValueAndNearInsideField() {
        assertEquals(6, assertThrows(QueryException.class, () -> QueryParser.parse("lang:")).position());
        assertThrows(QueryException.class, () -> QueryParser.parse("title:(a NEAR/2 b)"));
    }

    @Test
    void rejectsEmptyQueriesAndEmptyPhrasesAndGroups() {
        assertThrows(QueryException.class, () -> QueryParser.parse("   "));
        assertEquals(3, assertThrows(QueryException.class, () -> QueryParser.parse("a \"  \"")).position());
        assertEquals(2, assertThrows(QueryException.class, () -> QueryParser.parse("()")).position());
    }

    @Test
    void limitsLengthAndDepth() {
        assertThrows(QueryException.class, () -> QueryParser.parse("a ".repeat(QueryParser.MAX_LENGTH)));
        String deep = "(".repeat(40) + "a" + ")".repeat(40);
        QueryException e = assertThrows(QueryException.class, () -> QueryParser.parse(deep));
        assertEquals(QueryParser.MAX_DEPTH + 1, e.position());
        assertThrows(QueryException.class, () -> QueryParser.parse("NOT ".repeat(100) + "a"));
        assertThrows(QueryException.class, () -> QueryParser.parse("a ".repeat(QueryParser.MAX_TERMS + 1)));
    }
}
