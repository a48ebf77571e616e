package dev.shenava.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alert events in Elasticsearch, newest first. An event id is derived from its rule and
 * window, and created only once, so two evaluations of the same window raise one event.
 */
public final class AlertEventIndex {

    private final ElasticsearchClient es;
    private final String index;

    private AlertEventIndex(ElasticsearchClient es, String index) {
        this.es = es;
        this.index = index;
    }

    /**
     * The events index, created when missing.
     *
     * @param es    the client
     * @param index e.g. {@code shenava-alert-events}
     * @return the index
     */
    public static AlertEventIndex create(ElasticsearchClient es, String index) {
        AlertIndices.ensure(es, index, "events-index.json");
        return new AlertEventIndex(es, index);
    }

    /**
     * Stores a new event.
     *
     * @param event the event, without deliveries
     * @return true when it was new, false when an event with its id exists
     */
    public boolean create(AlertEvent event) {
        try {
            es.create(c -> c.index(index).id(event.id()).document(event.withDeliveries(List.of())).refresh(Refresh.WaitFor));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return false;
            }
            throw new AlertsException("Elasticsearch refused to store event " + event.id() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new AlertsException("Elasticsearch unreachable (store event " + event.id() + "): " + e.getMessage(), e);
        }
    }

    /**
     * Events, newest first.
     *
     * @param brand  only this brand, when present
     * @param ruleId only this rule, when present
     * @param from   created at or after, when present
     * @param to     created before, when present
     * @param size   at most this many
     * @return the events
     */
    public List<AlertEvent> list(Optional<String> brand, Optional<String> ruleId, Optional<Instant> from,
                                 Optional<Instant> to, int size) {
        return list(brand, ruleId, from, to, Optional.empty(), size);
    }

    /**
     * Events, newest first.
     *
     * @param brand  only this brand, when present
     * @param ruleId only this rule, when present
     * @param from   created at or after, when present
     * @param to     created before, when present
     * @param test   only test events (true) or only real ones (false), when present
     * @param size   at most this many
     * @return the events
     */
    public List<AlertEvent> list(Optional<String> brand, Optional<String> ruleId, Optional<Instant> from,
                                 Optional<Instant> to, Optional<Boolean> test, int size) {
        List<Query> filters = new ArrayList<>();
        List<Query> excluded = new ArrayList<>();
        Query isTest = Query.of(q -> q.term(t -> t.field("test").value(true)));
        test.ifPresent(wanted -> (wanted ? filters : excluded).add(isTest));
        brand.ifPresent(b -> filters.add(Query.of(q -> q.term(t -> t.field("brand").value(b)))));
        ruleId.ifPresent(r -> filters.add(Query.of(q -> q.term(t -> t.field("ruleId").value(r)))));
        if (from.isPresent() || to.isPresent()) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("createdAt");
                from.ifPresent(f -> d.gte(f.toString()));
                to.ifPresent(t -> d.lt(t.toString()));
                return d;
            }))));
        }
        var r = AlertIndices.call("list events in " + index, () -> es.search(s -> s.index(index).size(size)
                .query(q -> q.bool(b -> b.filter(filters).mustNot(excluded)))
                .sort(o -> o.field(f -> f.field("createdAt").order(SortOrder.Desc)))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))), AlertEvent.class));
        return r.hits().hits().stream().map(Hit::source).toList();
    }

    /**
     * The newest real (not test) event of a rule.
     *
     * @param ruleId the rule
     * @return its newest event, if any
     */
    public Optional<AlertEvent> latest(String ruleId) {
        return list(Optional.empty(), Optional.of(ruleId), Optional.empty(), Optional.empty(), Optional.of(false), 1)
                .stream().findFirst();
    }
}
