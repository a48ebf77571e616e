package dev.shenava.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The query language against a real Elasticsearch node: every operator, spelling variants, NEAR
 * and field filters find exactly the mentions an analyst expects.
 */
class QueryLanguageIT {

    private static final ElasticsearchClient ES = TestElasticsearch.client();
    private static final String INDEX = TestElasticsearch.uniqueIndex("query-language");

    @BeforeAll
    static void load() {
        TestMentions.createIndex(ES, INDEX);
        TestMentions.write(ES, INDEX, List.of(
                TestMentions.of("late", "The courier was very late with my delivery again"),
                TestMentions.of("early", "Delivery came early, the courier was kind").set("sentiment", "positive"),
                TestMentions.of("app", "The new app keeps crashing on login").set("sentiment", "negative")
                        .set("sourceKind", "telegram").set("source", "tg-news").set("site", "t.me")
                        .set("title", "App crash report"),
                TestMentions.of("fa-arabic-letters", "كيفيت ارسال اسنپ خيلي بد بود").set("lang", "fa")
                        .set("brands", List.of("snapp")).touchpoint("delivery", "negative"),
                TestMentions.of("fa-zwnj", "همه از اسنپ تعریف می\u200Cکنند").set("lang", "fa")
                        .set("brands", List.of("snapp")).author("Ali_R", "Ali Rezaei"),
                TestMentions.of("digits", "سفارش ۱۲۳ هنوز نرسیده").set("lang", "fa").set("site", "blog.shop.ir"),
                TestMentions.of("snappfood", "snappfood is not snapp").set("brands", List.of("snappfood"))));
    }

    private static Set<String> ids(String query) {
        try {
            SearchResponse<Map> r = ES.search(s -> s.index(INDEX).size(100).query(QueryCompiler.compile(query)),
                    Map.class);
            return r.hits().hits().stream().map(Hit::id).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void findsWordsAndImplicitAnd() {
        assertEquals(Set.of("late", "early"), ids("courier"));
        assertEquals(Set.of("late"), ids("courier late"));
        assertEquals(Set.of("late"), ids("courier AND late"));
    }

    @Test
    void findsOrNotAndMinus() {
        assertEquals(Set.of("late", "app"), ids("late OR crashing"));
        assertEquals(Set.of("early"), ids("courier NOT late"));
        assertEquals(Set.of("early"), ids("courier -late"));
        assertEquals(Set.of("late", "early"), ids("(late OR early) courier"));
    }

    @Test
    void findsPhrasesOnlyInOrder() {
        assertEquals(Set.of("late"), ids("\"very late\""));
        assertEquals(Set.of(), ids("\"late very\""));
    }

    @Test
    void findsWildcards() {
        assertEquals(Set.of("app"), ids("crash*"));
        assertEquals(Set.of("app"), ids("l?gin"));
        assertEquals(Set.of("late", "early"), ids("deliv*"));
    }

    @Test
    void findsNearWithinDistanceInAnyOrder() {
        // "courier was very late": two words between courier and late.
        assertEquals(Set.of("late"), ids("courier NEAR/2 late"));
        assertEquals(Set.of(), ids("courier NEAR/1 late"));
        assertEquals(Set.of("late"), ids("late NEAR/2 courier"));
        assertEquals(Set.of("late", "early"), ids("deliv* NEAR/5 courier"));
    }

    @Test
    void findsOrderedNearOnlyInWrittenOrder() {
        assertEquals(Set.of("late"), ids("courier NEAR/3f late"));
        assertEquals(Set.of(), ids("late NEAR/3f courier"));
        assertEquals(Set.of("late"), ids("(driver OR courier) NEAR/4f \"late with\""));
    }

    @Test
    void findsPersianAndArabicSpellingsOfEachOther() {
        assertEquals(Set.of("fa-arabic-letters"), ids("کیفیت"));
        assertEquals(Set.of("fa-arabic-letters"), ids("كيفيت"));
        assertEquals(Set.of("fa-arabic-letters"), ids("\"خیلی بد\""));
        assertEquals(Set.of("fa-zwnj"), ids("میکنند"));
        assertEquals(Set.of("fa-zwnj"), ids("می\u200Cکنند"));
        assertEquals(Set.of("digits"), ids("123"));
        assertEquals(Set.of("digits"), ids("١٢٣"));
    }

    @Test
    void filtersByFields() {
        assertEquals(Set.of("fa-arabic-letters", "fa-zwnj"), ids("brand:snapp"));
        assertEquals(Set.of("fa-arabic-letters", "fa-zwnj", "digits"), ids("lang:FA"));
        assertEquals(Set.of("app"), ids("source:telegram"));
        assertEquals(Set.of("app"), ids("source:tg-news"));
        assertEquals(Set.of("app"), ids("sentiment:negative"));
        assertEquals(Set.of("fa-arabic-letters"), ids("touchpoint:delivery"));
        assertEquals(Set.of("fa-arabic-letters"), ids("touchpoint:delivery:negative"));
        assertEquals(Set.of(), ids("touchpoint:delivery:positive"));
        assertEquals(Set.of("fa-zwnj"), ids("author:@ali_r"));
        assertEquals(Set.of("fa-zwnj"), ids("author:@ALI_R"), "field filters ignore case");
        assertEquals(Set.of("app"), ids("source:TG-News"), "field filters ignore case");
        assertEquals(Set.of("digits"), ids("site:SHOP.ir"), "field filters ignore case");
        assertEquals(Set.of("fa-zwnj"), ids("author:\"Ali Rezaei\""));
        assertEquals(Set.of("digits"), ids("site:shop.ir"));
        assertEquals(Set.of("app"), ids("title:crash"));
        assertEquals(Set.of("fa-arabic-letters", "fa-zwnj", "snappfood"), ids("brand:(snapp OR snappfood)"));
        assertEquals(Set.of("snappfood"), ids("snapp -brand:snapp"));
    }

    @Test
    void excludesWithLoneNot() {
        assertEquals(7 - 2, ids("NOT courier").size());
    }
}
