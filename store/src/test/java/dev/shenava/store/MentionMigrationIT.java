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
 * Existing data written under index version 1 (titles as posted, no index sort) or 2 (sorted with the keyword id
 * as tie-breaker) reaches the current version when the mention index starts: every mention, every analyst
 * override, titles searchable in any spelling, paging by the id's hash.
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
        // An analyst's correction made before the migration: in the mention and in the overrides index. This
        // version's code writes the mention with its idHash, which the version 1 mapping is given for the purpose.
        es.indices().putMapping(p -> p.index(alias + "-v1").properties("idHash", f -> f.long_(l -> l.index(false))));
        MentionIndex old = MentionIndex.create(es, alias);
        MentionOverrides overrides = MentionOverrides.create(es, alias, Clock.fixed(T0, java.time.ZoneOffset.UTC));
        String corrected = written.get(42).id();
        assertTrue(overrides.correct(old, new MentionOverride(corrected, "negative", List.of("price"),
                List.of("checked"), null)).isPresent());
        es.indices().refresh(r -> r.index(alias));

        MentionIndex index = MentionIndex.create(es, alias).ensureCreated();

        assertEquals(Set.of(current(alias)), es.indices().getAlias(a -> a.name(alias)).result().keySet());
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

        // Writes go to the new index, which has the current mapping.
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
        es.indices().create(c -> c.index(current(alias)));
        es.index(i -> i.index(current(alias)).id(written.getFirst().id()).document(MentionDocument.from(written.getFirst())));
        es.indices().putSettings(p -> p.index(alias + "-v1").settings(s -> s.blocks(b -> b.write(true))));

        MentionIndex index = MentionIndex.create(es, alias).ensureCreated();

        assertEquals(Set.of(current(alias)), es.indices().getAlias(a -> a.name(alias)).result().keySet());
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
        var settings = es.indices().getSettings(g -> g.index(current(alias))).result().get(current(alias))
                .settings().index();
        assertEquals(List.of("publishedAt", "idHash"), settings.sort().field());
        assertEquals(Set.of(current(alias)), es.indices().getAlias(a -> a.name(alias)).result().keySet());
        assertEquals(0, index.count(MentionFilter.ALL));
    }

    @Test
    void migratesVersionTwoToPagingByTheIdsHash() throws Exception {
        ElasticsearchClient es = TestElasticsearch.client();
        String alias = TestElasticsearch.uniqueIndex("migrate2") + "-mentions";
        try (InputStream template = MentionMigrationIT.class.getResourceAsStream("mentions-template-v2.json")) {
            es.indices().create(c -> c.index(alias + "-v2").withJson(template));
        }
        es.indices().updateAliases(u -> u.actions(a -> a.add(ad -> ad.index(alias + "-v2").alias(alias)
                .isWriteIndex(true))));
        // Three mentions in each millisecond, so that pages end inside a tie that only the id's hash breaks.
        List<Mention> written = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            written.add(titled(Mentions.mention("v2-" + i, T0.plusMillis(i / 3), "acme", "fa", "neutral"),
                    i % 10 == 0 ? "كيفيت " + i : ""));
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (Mention m : written) {
            ObjectNode doc = JSON.valueToTree(MentionDocument.from(m));
            doc.remove("idHash");
            bulk.operations(o -> o.index(i -> i.index(alias).id(m.id()).document(doc)));
        }
        assertFalse(es.bulk(bulk.build()).errors());
        es.indices().refresh(r -> r.index(alias));
        // What a version 2 page gave its reader: a cursor ending on the keyword id.
        String v2Cursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("[\"newest\"," + T0.plusMillis(40).toEpochMilli() + ",\"" + written.get(120).id() + "\"]")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        MentionIndex index = MentionIndex.create(es, alias).ensureCreated();

        assertEquals(Set.of(current(alias)), es.indices().getAlias(a -> a.name(alias)).result().keySet());
        assertFalse(es.indices().exists(e -> e.index(alias + "-v2")).value(), "the old index is removed");
        assertEquals(written.size(), index.count(MentionFilter.ALL));
        // Every copied document has its hash: paging in steps of 7 sees every mention once, in sort order.
        for (MentionSort sort : MentionSort.values()) {
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                MentionPage page = index.search(MentionFilter.ALL, sort, 7, cursor);
                page.items().forEach(m -> paged.add(m.id()));
                cursor = page.cursor();
            } while (cursor != null);
            assertEquals(written.size(), paged.size(), sort + ": no mention skipped or repeated");
            assertEquals(written.size(), new HashSet<>(paged).size(), sort + ": no mention repeated");
        }
        List<Mention> newest = index.search(MentionFilter.ALL, MentionSort.NEWEST, 3, null).items();
        assertTrue(MentionDocument.idHash(newest.get(0).id()) < MentionDocument.idHash(newest.get(1).id())
                && MentionDocument.idHash(newest.get(1).id()) < MentionDocument.idHash(newest.get(2).id()),
                "a tie in time is ordered by the id's hash");
        // Titles of version 2 were already in their search form and stay as they were.
        Mention titledOne = index.byId(written.get(10).id()).orElseThrow();
        assertEquals("كيفيت 10", titledOne.title());
        assertEquals(15, index.search(MentionFilter.ALL.withQuery(QueryCompiler.compile("title:کیفیت")),
                MentionSort.NEWEST, 20, null).total());
        IllegalArgumentException stale = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> index.search(MentionFilter.ALL, MentionSort.NEWEST, 20, v2Cursor));
        assertTrue(stale.getMessage().contains("earlier version"), stale.getMessage());
    }

    private static String current(String alias) {
        return alias + "-" + MentionIndex.VERSION;
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

    /** Documents as version 1 wrote them: the title as posted, no originalTitle, no idHash. */
    private static void writeAsVersionOne(ElasticsearchClient es, String alias, List<Mention> mentions) throws Exception {
        for (int from = 0; from < mentions.size(); from += 1000) {
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (Mention m : mentions.subList(from, Math.min(mentions.size(), from + 1000))) {
                ObjectNode doc = JSON.valueToTree(MentionDocument.from(m));
                doc.remove("originalTitle");
                doc.remove("idHash");
                doc.put("title", m.title());
                bulk.operations(o -> o.index(i -> i.index(alias).id(m.id()).document(doc)));
            }
            assertFalse(es.bulk(bulk.build()).errors());
        }
        es.indices().refresh(r -> r.index(alias));
    }
}
