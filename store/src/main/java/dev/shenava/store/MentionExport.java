package dev.shenava.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import java.util.List;
import java.util.function.Consumer;

/**
 * Walks every mention matching a filter, newest first, through a point in time and
 * {@code search_after}: a consistent snapshot however many mentions match, in constant memory.
 */
public final class MentionExport {

    private static final int PAGE = 2000;
    private static final String KEEP_ALIVE = "2m";

    private final ElasticsearchClient es;
    private final String alias;

    private MentionExport(ElasticsearchClient es, String alias) {
        this.es = es;
        this.alias = alias;
    }

    /**
     * Creates an export over a mention index.
     *
     * @param es    the client
     * @param alias the mention index or alias
     * @return the export
     */
    public static MentionExport create(ElasticsearchClient es, String alias) {
        return new MentionExport(es, alias);
    }

    /**
     * Hands every matching mention to a sink, newest first.
     *
     * @param filter which mentions
     * @param sink   receives them one by one; an exception it throws stops the walk
     * @return how many mentions it received
     */
    public long forEach(MentionFilter filter, Consumer<Mention> sink) {
        String pit = MentionIndex.call("open point in time on " + alias, () -> es.openPointInTime(p -> p
                .index(alias).keepAlive(k -> k.time(KEEP_ALIVE)))).id();
        try {
            long count = 0;
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> cursor = after;
                SearchResponse<MentionDocument> page = MentionIndex.call("export " + alias, () -> es.search(s -> {
                    s.size(PAGE).query(MentionIndex.query(filter)).trackTotalHits(t -> t.enabled(false))
                            .pit(p -> p.id(pit).keepAlive(k -> k.time(KEEP_ALIVE)))
                            .sort(o -> o.field(f -> f.field("publishedAt").order(SortOrder.Desc)));
                    if (cursor != null) {
                        s.searchAfter(cursor);
                    }
                    return s;
                }, MentionDocument.class));
                List<Hit<MentionDocument>> hits = page.hits().hits();
                for (Hit<MentionDocument> hit : hits) {
                    sink.accept(hit.source().toMention());
                    count++;
                }
                if (hits.size() < PAGE) {
                    return count;
                }
                after = hits.getLast().sort();
            }
        } finally {
            try {
                es.closePointInTime(c -> c.id(pit));
            } catch (Exception e) {
                // The point in time expires by itself after its keep-alive.
            }
        }
    }
}
