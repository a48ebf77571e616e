package dev.shenava.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in Elasticsearch: a document per delivery, so a restart loses nothing and resumes
 * where it stopped.
 *
 * <p>A delivery is created once (a second create of the same id is a no-op). Due deliveries are
 * found by search; a sender then claims each one before its attempt: a real-time read by id and a
 * write conditional on the sequence number read ({@code if_seq_no}, {@code if_primary_term}) that
 * moves its next attempt past a lease. Of several senders sharing the outbox one wins the write,
 * the others get a version conflict and leave it, so no two senders make the same attempt.
 * Updates wait for the refresh, so the next search sees them.
 */
public final class ElasticsearchOutbox implements Outbox {

    private final ElasticsearchClient es;
    private final String index;

    private ElasticsearchOutbox(ElasticsearchClient es, String index) {
        this.es = es;
        this.index = index;
    }

    /**
     * An outbox in an index, created when missing.
     *
     * @param es    the client
     * @param index the index name, e.g. {@code shenava-alert-deliveries}
     * @return the outbox
     */
    public static ElasticsearchOutbox create(ElasticsearchClient es, String index) {
        AlertIndices.ensure(es, index, "deliveries-index.json");
        return new ElasticsearchOutbox(es, index);
    }

    @Override
    public void add(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        List<BulkOperation> ops = new ArrayList<>();
        for (Delivery d : deliveries) {
            ops.add(BulkOperation.of(b -> b.create(c -> c.index(index).id(d.id()).document(d))));
        }
        BulkResponse r = AlertIndices.call("add deliveries to " + index,
                () -> es.bulk(b -> b.operations(ops).refresh(Refresh.WaitFor)));
        for (BulkResponseItem item : r.items()) {
            if (item.error() != null && !"version_conflict_engine_exception".equals(item.error().type())) {
                throw new AlertsException("cannot add delivery " + item.id() + " to " + index + ": " + item.error().reason());
            }
        }
    }

    @Override
    public List<Delivery> due(Instant now, int max) {
        var r = AlertIndices.call("find due deliveries in " + index, () -> es.search(s -> s.index(index).size(max)
                .query(q -> q.bool(b -> b
                        .filter(f -> f.terms(t -> t.field("state").terms(v -> v.value(List.of(
                                FieldValue.of(DeliveryState.PENDING.id()), FieldValue.of(DeliveryState.PAUSED.id()))))))
                        .filter(f -> f.range(rg -> rg.date(d -> d.field("nextAttemptAt").lte(now.toString()))))))
                .sort(o -> o.field(f -> f.field("nextAttemptAt").order(SortOrder.Asc))), Delivery.class));
        List<Delivery> due = new ArrayList<>();
        for (Hit<Delivery> hit : r.hits().hits()) {
            // the search may lag a just-made update: the claim re-reads in real time
            if (hit.source() != null) {
                due.add(hit.source());
            }
        }
        return due;
    }

    @Override
    public Optional<Delivery> claim(Delivery delivery, Instant now, Duration lease) {
        GetResponse<Delivery> g = AlertIndices.call("read delivery " + delivery.id(),
                () -> es.get(x -> x.index(index).id(delivery.id()), Delivery.class));
        Delivery current = g.found() ? g.source() : null;
        if (current == null || !current.state().open() || current.nextAttemptAt().isAfter(now)) {
            return Optional.empty();
        }
        Delivery held = current.leased(now.plus(lease));
        try {
            es.index(i -> i.index(index).id(current.id()).document(held)
                    .ifSeqNo(g.seqNo()).ifPrimaryTerm(g.primaryTerm()));
            return Optional.of(current);
        } catch (ElasticsearchException | IOException e) {
            if (AlertIndices.status(e) == 409) {
                // another sender claimed it between our read and our write
                return Optional.empty();
            }
            throw new AlertsException("Elasticsearch refused to claim delivery " + delivery.id() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void update(Delivery delivery) {
        AlertIndices.call("update delivery " + delivery.id(), () -> es.index(i -> i.index(index).id(delivery.id())
                .document(delivery).refresh(Refresh.WaitFor)));
    }

    @Override
    public List<Delivery> forEvent(String eventId) {
        return forEvents(List.of(eventId));
    }

    /**
     * The deliveries of several events.
     *
     * @param eventIds the events
     * @return their deliveries, by id
     */
    public List<Delivery> forEvents(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        List<FieldValue> ids = eventIds.stream().map(FieldValue::of).toList();
        var r = AlertIndices.call("read deliveries from " + index, () -> es.search(s -> s.index(index).size(1000)
                .query(q -> q.terms(t -> t.field("eventId").terms(v -> v.value(ids))))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc))), Delivery.class));
        return r.hits().hits().stream().map(Hit::source).toList();
    }
}
