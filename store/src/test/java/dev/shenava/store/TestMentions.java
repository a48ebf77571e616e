package dev.shenava.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mention documents written straight into a test index, in the stored shape of the API contract.
 */
final class TestMentions {

    private final Map<String, Object> doc = new LinkedHashMap<>();

    private TestMentions(String id, String text) {
        doc.put("id", id);
        doc.put("source", "test-feed");
        doc.put("sourceKind", "rss");
        doc.put("nativeId", id);
        doc.put("url", "https://example.com/" + id);
        doc.put("site", "example.com");
        doc.put("author", new LinkedHashMap<>(Map.of("handle", "writer", "name", "A Writer", "followers", 10)));
        doc.put("title", "");
        doc.put("text", SearchText.normalize(text));
        doc.put("originalText", text);
        doc.put("publishedAt", "2026-01-10T12:00:00Z");
        doc.put("fetchedAt", "2026-01-10T12:00:00Z");
        doc.put("engagement", 0);
        doc.put("brands", List.of("acme"));
        doc.put("lang", "en");
        doc.put("sentiment", "neutral");
        doc.put("touchpoints", List.of());
        doc.put("touchpointSentiments", List.of());
        doc.put("keyPhrases", List.of());
        doc.put("tags", List.of());
        doc.put("overridden", false);
    }

    static TestMentions of(String id, String text) {
        return new TestMentions(id, text);
    }

    TestMentions set(String field, Object value) {
        doc.put(field, value);
        return this;
    }

    TestMentions at(Instant publishedAt) {
        doc.put("publishedAt", publishedAt.toString());
        return set("fetchedAt", publishedAt.toString());
    }

    TestMentions author(String handle, String name) {
        return set("author", Map.of("handle", handle, "name", name, "followers", 1));
    }

    TestMentions touchpoint(String touchpoint, String label) {
        @SuppressWarnings("unchecked")
        List<String> names = new ArrayList<>((List<String>) doc.get("touchpoints"));
        @SuppressWarnings("unchecked")
        List<String> pairs = new ArrayList<>((List<String>) doc.get("touchpointSentiments"));
        names.add(touchpoint);
        pairs.add(touchpoint + ":" + label);
        doc.put("touchpoints", names);
        return set("touchpointSentiments", pairs);
    }

    Map<String, Object> document() {
        return doc;
    }

    static void createIndex(ElasticsearchClient es, String index) {
        MentionIndex.create(es, index).ensureCreated();
    }

    static void write(ElasticsearchClient es, String index, List<TestMentions> mentions) {
        List<BulkOperation> ops = mentions.stream().map(m -> BulkOperation.of(o -> o.index(i -> i
                .index(index).id((String) m.doc.get("id")).document(m.doc)))).toList();
        try {
            BulkResponse r = es.bulk(b -> b.operations(ops).refresh(Refresh.True));
            if (r.errors()) {
                throw new IllegalStateException(r.items().stream().filter(i -> i.error() != null)
                        .map(i -> i.error().reason()).toList().toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
