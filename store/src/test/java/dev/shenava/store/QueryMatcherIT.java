package dev.shenava.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import dev.shenava.crawler.Author;
import dev.shenava.crawler.Post;
import dev.shenava.crawler.SourceKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-memory matcher against a real Elasticsearch node: for every query, the posts it matches
 * before they are stored are exactly the mentions the compiled query finds once they are.
 */
class QueryMatcherIT {

    private static final ElasticsearchClient ES = TestElasticsearch.client();
    private static final String INDEX = TestElasticsearch.uniqueIndex("query-matcher");
    private static final Instant T = Instant.parse("2026-03-01T10:00:00Z");
    private static final Map<String, Post> POSTS = new LinkedHashMap<>();
    private static final Map<String, String> LANGS = new LinkedHashMap<>();

    private static final List<String> QUERIES = List.of(
            "snapp", "اسنپ", "snapp OR اسنپ", "اسنپ -اسنپفود", "NOT اسنپ", "-snapp -اسنپ",
            "میکنند", "\"می کنند\"", "\"تعریف می\u200Cکنند\"", "كيفيت", "\"خیلی بد\"", "خيلي NEAR/2 اسنپ",
            "اسنپ NEAR/1f خیلی", "123", "۱۲۳", "سفارش ١٢٣", "snapp.ir", "\"snapp.ir\"",
            "e-commerce", "commerce", "\"e commerce\"", "@snapp_support", "snapp_support", "#اسنپ", "اسنپ*",
            "snap*", "sn?pp", "\"order* late\"", "\"late order*\"", "courier NEAR/2 late", "courier NEAR/1 late",
            "courier NEAR/2f late", "late NEAR/2f courier", "(courier OR driver) NEAR/3 (late OR دیر)",
            "(courier NEAR/2f late) NEAR/4 again", "\"very late\" NEAR/1 courier", "late AND (snapp OR tapsi)",
            "title:crash", "title:\"crash report\"", "title:اسنپ", "title:(crash OR تاخیر) -late",
            "source:telegram", "source:TG-NEWS", "source:(rss OR web)", "author:ali_r", "author:@ALI_R",
            "author:\"Ali Rezaei\"", "author:ali*", "site:shop.ir", "site:blog.shop.ir", "site:*.ir",
            "site:example.com", "lang:fa", "lang:AR", "lang:(en OR ar) -snapp", "snapp lang:en",
            "تأخیر", "تاخير", "مؤسسه", "الطلب", "طلب", "\"توصيل الطلب\"", "😡", "😡 اسنپ");

    @BeforeAll
    static void load() {
        add("fa-zwnj", "fa", "", "همه از اسنپ تعریف می\u200Cکنند", "tg-news", SourceKind.TELEGRAM,
                "https://t.me/news/1", "Ali_R", "Ali Rezaei");
        add("fa-arabic-letters", "fa", "", "كيفيت ارسال اسنپ خيلي بد بود 😡😡", "f", SourceKind.RSS,
                "https://www.blog.shop.ir/p/2", "", "");
        add("fa-compound", "fa", "اسنپ تاخیر", "سفارش ۱۲۳ از اسنپ\u200Cفود با تأخیر رسید #اسنپ", "f", SourceKind.WEB,
                "https://shop.ir/x", "neda", "Neda");
        add("fa-spaced", "fa", "", "راننده ها خیلی دیر می کنند، اسنپ موسسه خوبی نیست", "f", SourceKind.RSS,
                "https://news.example.com/a", "", "");
        add("ar", "ar", "", "توصيل الطلب من سناب تأخر كثيرا، الطلب رقم ١٢٣", "x-feed", SourceKind.X,
                "https://x.com/u/status/1", "salem", "سالم");
        add("en-late", "en", "Crash report", "The courier was very late with my snapp order again, late late",
                "tg-news", SourceKind.TELEGRAM, "https://t.me/news/2", "ALI_R", "Ali Rezaei");
        add("en-site", "en", "", "Ask @snapp_support about snapp.ir e-commerce: orders late?", "r", SourceKind.REDDIT,
                "https://www.reddit.com/r/x/1", "omid", "");
        add("en-food", "en", "", "snappfood driver late, snap judgement, snipp", "r", SourceKind.REDDIT,
                "https://example.com/s", "", "");
        TestMentions.createIndex(ES, INDEX);
        List<TestMentions> docs = new ArrayList<>();
        POSTS.forEach((id, p) -> docs.add(TestMentions.of(id, p.text()).set("title", p.title())
                .set("source", p.source()).set("sourceKind", p.kind().id()).set("url", p.url())
                .set("site", Mention.siteOf(p.url())).author(p.author().handle(), p.author().name())
                .set("lang", LANGS.get(id))));
        TestMentions.write(ES, INDEX, docs);
    }

    private static void add(String id, String lang, String title, String text, String source, SourceKind kind,
                            String url, String handle, String name) {
        POSTS.put(id, new Post(source, kind, id, url, new Author(handle, name, 1), title, text, T, T, null));
        LANGS.put(id, lang);
    }

    private static Set<String> searched(String query) {
        try {
            SearchResponse<Map> r = ES.search(s -> s.index(INDEX).size(100).query(QueryCompiler.compile(query)),
                    Map.class);
            return r.hits().hits().stream().map(Hit::id).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> matched(String query) {
        QueryMatcher matcher = QueryMatcher.compile(query);
        Set<String> ids = new TreeSet<>();
        POSTS.forEach((id, p) -> {
            if (matcher.matches(MatchTarget.of(p, SearchText.normalize(p.text()), () -> LANGS.get(id)))) {
                ids.add(id);
            }
        });
        return ids;
    }

    @Test
    void matchesExactlyWhatTheSameQueryFindsInElasticsearch() {
        List<String> disagreements = new ArrayList<>();
        int nonTrivial = 0;
        for (String query : QUERIES) {
            Set<String> searched = searched(query);
            Set<String> matched = matched(query);
            if (!searched.equals(matched)) {
                disagreements.add(query + ": search " + searched + ", matcher " + matched);
            }
            if (!searched.isEmpty() && searched.size() < POSTS.size()) {
                nonTrivial++;
            }
        }
        System.out.printf("query matcher vs Elasticsearch: %d queries over %d posts, %d disagreements%n",
                QUERIES.size(), POSTS.size(), disagreements.size());
        assertEquals(List.of(), disagreements);
        assertTrue(nonTrivial > QUERIES.size() / 2, "most queries select some posts but not all: " + nonTrivial);
    }
}
