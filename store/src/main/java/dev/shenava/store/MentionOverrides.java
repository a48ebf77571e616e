package dev.shenava.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Analysts' corrections of mentions, in their own index ({@code shenava-overrides} beside {@code shenava-mentions}), applied
 * whenever a mention is written so that re-analysis never undoes them.
 */
public final class MentionOverrides {

    private final ElasticsearchClient es;
    private final RecordIndex<MentionOverride> index;
    private final Clock clock;

    private MentionOverrides(ElasticsearchClient es, String mentionAlias, Clock clock) {
        this.es = es;
        this.index = RecordIndex.create(es, indexName(mentionAlias), MentionOverride.class, MentionOverride::id);
        this.clock = clock;
    }

    /**
     * The corrections of a mention index.
     *
     * @param es           the client
     * @param mentionAlias the mention index or alias
     * @param clock        the clock for correction times
     * @return the corrections, their index created if missing
     */
    public static MentionOverrides create(ElasticsearchClient es, String mentionAlias, Clock clock) {
        MentionOverrides overrides = new MentionOverrides(es, mentionAlias, clock);
        overrides.index.ensureCreated();
        return overrides;
    }

    // Not "<alias>-overrides": that would fall under the mention index template ("<alias>-*").
    static String indexName(String mentionAlias) {
        return mentionAlias.endsWith("-mentions")
                ? mentionAlias.substring(0, mentionAlias.length() - "mentions".length()) + "overrides"
                : mentionAlias + ".overrides";
    }

    /**
     * Records a correction and rewrites the mention with it.
     *
     * @param mentions the mention index
     * @param patch    the correction (its id names the mention)
     * @return the corrected mention, or empty when there is no such mention
     */
    public Optional<Mention> correct(MentionIndex mentions, MentionOverride patch) {
        Optional<Mention> current = mentions.byId(patch.id());
        if (current.isEmpty()) {
            return Optional.empty();
        }
        MentionOverride stamped = new MentionOverride(patch.id(), patch.sentiment(), patch.touchpoints(), patch.tags(),
                clock.instant());
        MentionOverride combined = index.get(patch.id()).map(o -> o.then(stamped)).orElse(stamped);
        index.put(combined);
        Mention corrected = combined.applyTo(current.get());
        BulkResult result = mentions.write(List.of(corrected));
        if (!result.errors().isEmpty()) {
            throw new StoreException("could not rewrite mention " + patch.id() + ": " + result.errors().getFirst());
        }
        // An analyst who corrects a mention and reloads must see the correction in searches and stats.
        mentions.refresh();
        return Optional.of(corrected);
    }

    /**
     * Applies the stored corrections to mentions about to be written.
     *
     * @param es           the client
     * @param mentionAlias the mention index or alias
     * @param mentions     the mentions
     * @return the mentions, corrected where an analyst corrected them
     */
    static List<Mention> apply(ElasticsearchClient es, String mentionAlias, List<Mention> mentions) {
        if (mentions.isEmpty()) {
            return mentions;
        }
        List<String> ids = mentions.stream().map(Mention::id).toList();
        MgetResponse<MentionOverride> r;
        try {
            r = es.mget(m -> m.index(indexName(mentionAlias)).ids(ids), MentionOverride.class);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if ("index_not_found_exception".equals(e.error().type())) {
                return mentions;
            }
            throw new StoreException("cannot read corrections from " + indexName(mentionAlias) + ": "
                    + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new StoreException("Elasticsearch unreachable (read corrections from " + indexName(mentionAlias)
                    + "): " + e.getMessage(), e);
        }
        Map<String, MentionOverride> found = new HashMap<>();
        for (MultiGetResponseItem<MentionOverride> item : r.docs()) {
            if (item.isResult() && item.result().found() && item.result().source() != null) {
                found.put(item.result().id(), item.result().source());
            }
        }
        if (found.isEmpty()) {
            return mentions;
        }
        return mentions.stream().map(m -> found.containsKey(m.id()) ? found.get(m.id()).applyTo(m) : m).toList();
    }
}
