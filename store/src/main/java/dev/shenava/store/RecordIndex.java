package dev.shenava.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.Result;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.GetResponse;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A small index of JSON records keyed by id (brands, sources, alert rules): put, get, delete, list.
 * Writes are visible to the next read. Thread-safe.
 *
 * @param <T> the record type; serialised with Jackson
 */
public final class RecordIndex<T> {

    private final ElasticsearchClient es;
    private final String index;
    private final Class<T> type;
    private final Function<T, String> idOf;

    private RecordIndex(ElasticsearchClient es, String index, Class<T> type, Function<T, String> idOf) {
        this.es = es;
        this.index = index;
        this.type = type;
        this.idOf = idOf;
    }

    /**
     * An index of records.
     *
     * @param es    the client
     * @param index the index name, e.g. {@code shenava-brands}
     * @param type  the record class
     * @param idOf  how to read a record's id
     * @param <T>   the record type
     * @return the index, not yet created: call {@link #ensureCreated()}
     */
    public static <T> RecordIndex<T> create(ElasticsearchClient es, String index, Class<T> type, Function<T, String> idOf) {
        return new RecordIndex<>(es, index, type, idOf);
    }

    /** @return the index name */
    public String name() {
        return index;
    }

    /**
     * Creates the index unless it exists (only {@code id} is indexed; the rest is kept as given).
     *
     * @return this index
     */
    public RecordIndex<T> ensureCreated() {
        return MentionIndex.call("create " + index, () -> {
            if (!es.indices().exists(e -> e.index(index)).value()) {
                try (InputStream body = MentionIndex.resource("records-index.json")) {
                    es.indices().create(c -> c.index(index).withJson(body));
                } catch (ElasticsearchException e) {
                    if (!"resource_already_exists_exception".equals(e.error().type())) {
                        throw e;
                    }
                }
            }
            return this;
        });
    }

    /**
     * Creates or replaces a record.
     *
     * @param record the record
     * @return {@code true} when it was new
     */
    public boolean put(T record) {
        String id = Objects.requireNonNull(idOf.apply(record), "id");
        return MentionIndex.call("put " + id + " into " + index, () -> es.index(i -> i.index(index).id(id)
                .document(record).refresh(Refresh.WaitFor))).result() == Result.Created;
    }

    /**
     * Reads a record.
     *
     * @param id its id
     * @return the record, or empty
     */
    public Optional<T> get(String id) {
        GetResponse<T> r = MentionIndex.call("get " + id + " from " + index, () -> es.get(g -> g.index(index).id(id), type));
        return r.found() ? Optional.ofNullable(r.source()) : Optional.empty();
    }

    /**
     * Deletes a record.
     *
     * @param id its id
     * @return {@code true} when it existed
     */
    public boolean delete(String id) {
        return MentionIndex.call("delete " + id + " from " + index, () -> es.delete(d -> d.index(index).id(id)
                .refresh(Refresh.WaitFor))).result() == Result.Deleted;
    }

    /**
     * Lists records by id.
     *
     * @param size how many at most (up to 10,000)
     * @return the records, ordered by id
     */
    public List<T> list(int size) {
        return MentionIndex.call("list " + index, () -> es.search(s -> s.index(index).size(Math.min(size, 10_000))
                .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc).unmappedType(
                        co.elastic.clients.elasticsearch._types.mapping.FieldType.Keyword))), type))
                .hits().hits().stream().map(h -> h.source()).filter(Objects::nonNull).toList();
    }
}
