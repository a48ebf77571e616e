package dev.shenava.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.GetResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Receiver pause states in Elasticsearch, one document per receiver (its id a hash of the URL),
 * so every sender sharing the outbox, and a restarted service, sees that a receiver is paused.
 * Reads are real-time reads by id.
 */
public final class ElasticsearchReceiverStates implements ReceiverStates {

    private final ElasticsearchClient es;
    private final String index;

    private ElasticsearchReceiverStates(ElasticsearchClient es, String index) {
        this.es = es;
        this.index = index;
    }

    /**
     * States in an index, created when missing.
     *
     * @param es    the client
     * @param index e.g. {@code shenava-alert-receivers}
     * @return the states
     */
    public static ElasticsearchReceiverStates create(ElasticsearchClient es, String index) {
        AlertIndices.ensure(es, index, "receivers-index.json");
        return new ElasticsearchReceiverStates(es, index);
    }

    @Override
    public Optional<State> get(String receiver) {
        GetResponse<State> g = AlertIndices.call("read receiver state", () -> es.get(x -> x.index(index).id(id(receiver)), State.class));
        return g.found() ? Optional.ofNullable(g.source()) : Optional.empty();
    }

    @Override
    public void put(State state) {
        AlertIndices.call("store receiver state", () -> es.index(i -> i.index(index).id(id(state.receiver())).document(state)
                .refresh(Refresh.WaitFor)));
    }

    @Override
    public void remove(String receiver) {
        try {
            es.delete(d -> d.index(index).id(id(receiver)).refresh(Refresh.WaitFor));
        } catch (ElasticsearchException | IOException e) {
            if (AlertIndices.status(e) != 404) {
                throw new AlertsException("Elasticsearch refused to clear receiver state: " + e.getMessage(), e);
            }
        }
    }

    static String id(String receiver) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(receiver.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
