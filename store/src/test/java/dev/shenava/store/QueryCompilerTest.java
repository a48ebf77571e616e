package dev.shenava.store;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueryCompilerTest {

    private static String json(String query) {
        Query compiled = QueryCompiler.compile(query);
        return JsonpUtils.toJsonString(compiled, new JacksonJsonpMapper());
    }

    @Test
    void compilesWordToMatchPhraseOnNormalisedText() {
        assertEquals("{\"match_phrase\":{\"text\":{\"query\":\"snapp\"}}}", json("snapp"));
    }

    @Test
    void normalisesArabicLettersInTermsToThePersianSearchForm() {
        // Arabic yeh and kaf, a ZWNJ, the search form of the indexed text has Persian letters without ZWNJ.
        assertEquals(json("کیفیت"), json("كيفيت"));
        assertEquals(json("میکنند"), json("می\u200Cکنند"));
        assertEquals("{\"match_phrase\":{\"text\":{\"query\":\"123\"}}}", json("۱۲۳"));
    }

    @Test
    void compilesPhraseToMatchPhrase() {
        assertEquals("{\"match_phrase\":{\"text\":{\"query\":\"late delivery\"}}}", json("\"late delivery\""));
    }

    @Test
    void compilesAndWithNotIntoOneBool() {
        assertEquals("{\"bool\":{\"must\":[{\"match_phrase\":{\"text\":{\"query\":\"snapp\"}}}],"
                + "\"must_not\":[{\"match_phrase\":{\"text\":{\"query\":\"food\"}}}]}}", json("snapp -food"));
    }

    @Test
    void compilesOrToShouldWithMinimumOne() {
        assertEquals("{\"bool\":{\"minimum_should_match\":\"1\",\"should\":[{\"match_phrase\":{\"text\":{\"query\":\"a\"}}},"
                + "{\"match_phrase\":{\"text\":{\"query\":\"b\"}}}]}}", json("a OR b"));
    }

    @Test
    void compilesLoneNotToMustNot() {
        assertEquals("{\"bool\":{\"must_not\":[{\"match_phrase\":{\"text\":{\"query\":\"spam\"}}}]}}", json("NOT spam"));
    }

    @Test
    void compilesWildcardWithNormalisedLowerCaseLiterals() {
        assertEquals("{\"wildcard\":{\"text\":{\"value\":\"snap*\"}}}", json("SNAP*"));
        assertEquals("{\"wildcard\":{\"text\":{\"value\":\"کی?\"}}}", json("كي?"));
        assertThrows(QueryException.class, () -> json("a*"));
    }

    @Test
    void compilesNearToSpanNearWithOrAndPhraseInside() {
        String near = json("(late OR slow*) NEAR/4f \"the courier\"");
        assertEquals("{\"span_near\":{\"clauses\":["
                + "{\"span_or\":{\"clauses\":[{\"span_term\":{\"text\":{\"value\":\"late\"}}},"
                + "{\"span_multi\":{\"match\":{\"wildcard\":{\"text\":{\"rewrite\":\"top_terms_256\",\"value\":\"slow*\"}}}}}]}},"
                + "{\"span_near\":{\"clauses\":[{\"span_term\":{\"text\":{\"value\":\"the\"}}},"
                + "{\"span_term\":{\"text\":{\"value\":\"courier\"}}}],\"in_order\":true,\"slop\":0}}],"
                + "\"in_order\":true,\"slop\":4}}", near);
        assertTrue(json("a NEAR/2 b").contains("\"in_order\":false"));
    }

    @Test
    void compilesPhraseWithWildcardToSpans() {
        assertTrue(json("\"snapp fo*\"").startsWith("{\"span_near\""));
    }

    @Test
    void compilesFieldFiltersToTermsOnTheLowerCasedKeywords() {
        assertEquals("{\"term\":{\"lang.lower\":{\"value\":\"fa\"}}}", json("lang:FA"));
        assertEquals("{\"term\":{\"brands.lower\":{\"value\":\"snapp\"}}}", json("brand:snapp"));
        assertEquals("{\"term\":{\"sentiment\":{\"value\":\"negative\"}}}", json("sentiment:Negative"));
        assertTrue(json("source:Telegram").contains("\"source.lower\":{\"value\":\"Telegram\""));
        assertTrue(json("source:telegram").contains("\"sourceKind.lower\""));
        assertTrue(json("author:@Ali").contains("\"author.handle.lower\":{\"value\":\"Ali\""));
        assertTrue(json("site:https://www.Snapp.ir/x").contains("\"site.lower\":{\"value\":\"snapp.ir\""));
        assertTrue(json("site:snapp.ir").contains("\"value\":\"*.snapp.ir\""));
        assertTrue(json("touchpoint:delivery:negative").contains("\"touchpointSentiments.lower\""));
        assertTrue(json("brand:sna*").contains("\"wildcard\":{\"brands.lower\""));
        assertFalse(json("brand:sna* OR lang:fa OR author:x").contains("case_insensitive"));
        assertTrue(json("title:\"new app\"").contains("\"match_phrase\":{\"title\""));
        assertTrue(json("lang:(fa OR ar)").contains("\"should\""));
    }

    @Test
    void rejectsUnknownSentimentsWithTheirColumn() {
        QueryException e = assertThrows(QueryException.class, () -> json("x sentiment:angry"));
        assertEquals(13, e.position());
        assertThrows(QueryException.class, () -> json("touchpoint:delivery:bad"));
    }

    @Test
    void rejectsWordsWithoutLetters() {
        QueryException e = assertThrows(QueryException.class, () -> json("snapp !!!"));
        assertEquals(7, e.position());
    }

    @Test
    void neverUsesQueryString() {
        String all = json("(a OR \"b c\") NOT dd* e NEAR/3 f lang:fa site:x.com title:g");
        assertFalse(all.contains("query_string"));
    }
}
