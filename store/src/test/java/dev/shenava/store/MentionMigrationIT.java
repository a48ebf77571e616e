package dev.shenava.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Existing data written under index version 1 (titles as posted, no index sort) reaches version 2 when the
 * mention index starts: every mention, every analyst override, titles searchable in any spelling.
 */
class MentionMigrationIT {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final ObjectMapper JSON = ElasticsearchClients.objectMapper();
    private static final int MENTIONS = 6_200;

    @Test
    void migratesVersionOneKeepingEveryMentionAndOverride() throws Exception {
        ElasticsearchClient es = TestElasticsearch.client();
        String alias = TestElasticsearch.uniqueIndex("migrate") + "-mentions";
        createVersionOne(es, alias);
        List<Mention> written = new ArrayList<>();
        for (int i = 0; i < MENTIONS; i++) {
            Mention m = Mentions.mention("m-" + i, T0.plus(Duration.ofMinutes(i)), "acme", "fa", "neutral");
            if (i % 1000 == 7) {
                m = titled(m, "كيفيت ارسال " + i);
            }
            written.add(m);
        }
        writeAsVersionOne(es, alias, written);
        // An analyst's correction made before the migration: in the mention and in the overrides index.
        MentionIndex old = MentionIndex.create(es, alias);
        MentionOverrides overrides = MentionOverrides.create(es, alias, Clock.fixed(T0, java.time.ZoneOffset.UTC));
        String corrected = written.get(42).id();
        assertTrue(overrides.correct(old, new MentionOverride(corrected, "negative", List.of("price"),
                List.of("checked"), null)).isPresent());
        es.indices().refresh(r -> r.index(alias));

        MentionIndex index = MentionIndex.create(es, alias).ensureCreated();

        assertEquals(Set.of(alias + "-v2"), es.indices().getAlias(a -> a.name(alias)).result().keySet());
        assertFalse(es.indices().exists(e -> e.index(alias + "-v1")).value(), "the old index is removed");
        assertEquals(MENTIONS, index.count(MentionFilter.ALL));
        Set<String> seen = new HashSet<>();
        MentionExport.create(es, alias).forEach(MentionFilter.ALL, m -> seen.add(m.id()));
        assertEquals(written.stream().map(Mention::id).collect(java.util.stream.Collectors.toSet()), seen);

        Mention override = index.byId(corrected).orElseThrow();
        assertTrue(override.overridden());
        assertEquals("negative", override.sentiment().label());
        assertEquals(List.of("price"), override.touchpoints().stream().map(Mention.TouchpointScore::touchpoint).toList());
        assertEquals(List.of("checked"), override.tags());

        // Titles were written as posted (Arabic kaf and yeh); a Persian-spelled title: search finds them,
        // and the mention still shows the title as posted.
        MentionPage titled = index.search(MentionFilter.ALL.withQuery(QueryCompiler.compile("title:کیفیت")),
                MentionSort.OLDEST, 20, null);
        assertEquals(7, titled.total());
        assertEquals("كيفيت ارسال 7", titled.items().getFirst().title());

        // Writes go to the new index, which has the version 2 mapping.
        Mention fresh = titled(Mentions.mention("after", T0, "acme", "fa", "neutral"), "كيفيت عالی");
        assertTrue(index.write(List.of(fresh)).ok());
        index.refresh();
        assertEquals(MENTIONS + 1, index.count(MentionFilter.ALL));
        assertEquals("كيفيت عالی", index.byId(fresh.id()).orElseThrow().title());
    }

    @Test
    void restartsAMigrationThatDiedHalfWay() throws Exception {
        ElasticsearchClient es = TestElasticsearch.client();
        String alias = TestElasticsearch.uniqueIndex("halfway") + "-mentions";
        createVersionOne(es, alias);
        List<Mention> written = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            written.add(Mentions.mention("h-" + i, T0.plus(Duration.ofMinutes(i)), "acme", "en", "positive"));
        }
        writeAsVersionOne(es, alias, written);
        // What a process killed during the copy leaves: a partial new index, the old one read-only.
        es.indices().create(c -> c.index(alias + "-v2"));
        es.index(i -> i.index(alias + "-v2").id(written.getFirst().id()).document(MentionDocument.from(written.getFirst())));
        es.indices().putSettings(p -> p.index(alias + "-v1").settings(s -> s.blocks(b -> b.write(true))));

        MentionIndex index = MentionIndex.create(es, alias).ensureCreated();

        assertEquals(Set.of(alias + "-v2"), es.indices().getAlias(a -> a.name(alias)).result().keySet());
        assertEquals(30, index.count(MentionFilter.ALL));
        assertTrue(index.write(List.of(Mentions.mention("h-new", T0, "acme", "en", "positive"))).ok());
    }

    @Test
    void removesTheOldIndexAMigrationMovedAwayFromButDidNotDelete() throws Exception {
        ElasticsearchClient es = TestElasticsearch.client();
        String alias = TestElasticsearch.uniqueIndex("leftover") + "-mentions";
        createVersionOne(es, alias);
        writeAsVersionOne(es, alias, List.of(Mentions.mention("l-1", T0, "acme", "en", "positive")));
        MentionIndex.create(es, alias).ensureCreated();
        // What a process killed after moving the alias leaves: the old index, read-only, beside the new one.
        es.indices().create(c -> c.index(alias + "-v1"));
        es.indices().putSettings(p -> p.index(alias + "-v1").settings(s -> s.blocks(b -> b.write(true))));

        MentionIndex index = MentionIndex.create(es, alias).ensureCreated();

        assertFalse(es.indices().exists(e -> e.index(alias + "-v1")).value(), "the leftover is removed");
        assertEquals(1, index.count(MentionFilter.ALL));
        // An index of that name that is still writable is somebody's data, not a leftover.
        es.indices().create(c -> c.index(alias + "-v1"));
        MentionIndex.create(es, alias).ensureCreated();
        assertTrue(es.indices().exists(e -> e.index(alias + "-v1")).value(), "a writable index is kept");
    }

    @Test
    void newIndexIsSortedNewestFirst() throws Exception {
        ElasticsearchClient es = TestElasticsearch.client();
        String alias = TestElasticsearch.uniqueIndex("sorted") + "-mentions";
        MentionIndex index = MentionIndex.create(es, alias).ensureCreated();
        var settings = es.indices().getSettings(g -> g.index(alias + "-v2")).result().get(alias + "-v2")
                .settings().index();
        assertEquals(List.of("publishedAt", "id"), settings.sort().field());
        assertEquals(Set.of(alias + "-v2"), es.indices().getAlias(a -> a.name(alias)).result().keySet());
        assertEquals(0, index.count(MentionFilter.ALL));
    }

    private static Mention titled(Mention m, String title) {
        return new Mention(m.id(), m.source(), m.sourceKind(), m.nativeId(), m.url(), m.site(), m.author(), title,
                m.text(), m.normalizedText(), m.publishedAt(), m.fetchedAt(), m.engagement(), m.brands(), m.lang(),
                m.sentiment(), m.touchpoints(), m.keyPhrases(), m.tags(), m.overridden(), m.analyzedAt(), null);
    }

    private static void createVersionOne(ElasticsearchClient es, String alias) throws Exception {
        try (InputStream template = MentionMigrationIT.class.getResourceAsStream("mentions-template-v1.json")) {
            es.indices().create(c -> c.index(alias + "-v1").withJson(template));
        }
        es.indices().updateAliases(u -> u.actions(a -> a.add(ad -> ad.index(alias + "-v1").alias(alias)
                .isWriteIndex(true))));
    }

    /** Documents as version 1 wrote them: the title as posted, no originalTitle. */
    private static void writeAsVersionOne(ElasticsearchClient es, String alias, List<Mention> mentions) throws Exception {
        for (int from = 0; from < mentions.size(); from += 1000) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (Mention m : mentions.subList(from, Math.min(mentions.size(), from + 1000))) {
                ObjectNode doc = JSON.valueToTree(MentionDocument.from(m));
                doc.remove("originalTitle");
                doc.put("title", m.title());
                bulk.operations(o -> o.index(i -> i.index(alias).id(m.id()).document(doc)));
            }
            assertFalse(es.bulk(bulk.build()).errors());
        }
        es.indices().refresh(r -> r.index(alias));
    }
}
