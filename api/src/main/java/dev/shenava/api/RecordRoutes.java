package dev.shenava.api;

import dev.shenava.store.RecordIndex;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Create, read, update and delete of one kind of record ({@code /brands}, {@code /sources}), each
 * validated before it is stored. Changes are visible to the next read, so they apply without a restart.
 *
 * @param <T> the record type as the API shows it
 */
public final class RecordRoutes<T> implements HttpService {

    private static final int MAX_RECORDS = 10_000;

    private final String noun;
    private final RecordIndex<T> index;
    private final Class<T> type;
    private final Function<T, String> idOf;
    private final BiFunction<String, T, T> validate;
    private final Runnable changed;
    private final UnaryOperator<T> shown;
    private final Map<String, T> configured;

    /**
     * Creates the routes.
     *
     * @param noun     what the records are, for messages ({@code brand})
     * @param index    where they are stored
     * @param type     their class, read from JSON
     * @param idOf     how to read an id
     * @param validate given the id from the path (or the body's for POST) and the body, returns the record to
     *                 store or throws {@link ApiException} / {@link IllegalArgumentException} saying what to fix
     * @param changed  runs after every change, e.g. to hand new brands to the pipeline
     */
    public RecordRoutes(String noun, RecordIndex<T> index, Class<T> type, Function<T, String> idOf,
                        BiFunction<String, T, T> validate, Runnable changed) {
        this(noun, index, type, idOf, validate, changed, UnaryOperator.identity());
    }

    /**
     * Creates the routes, with read-only information added to every record shown (a source's crawl status).
     *
     * @param noun     what the records are
     * @param index    where they are stored
     * @param type     their class
     * @param idOf     how to read an id
     * @param validate checks a record before it is stored
     * @param changed  runs after every change
     * @param shown    adds read-only fields to a record on GET
     */
    public RecordRoutes(String noun, RecordIndex<T> index, Class<T> type, Function<T, String> idOf,
                        BiFunction<String, T, T> validate, Runnable changed, UnaryOperator<T> shown) {
        this(noun, index, type, idOf, validate, changed, shown, List.of());
    }

    /**
     * Creates the routes, listing records of the configuration file too (read-only here).
     *
     * @param noun       what the records are
     * @param index      where they are stored
     * @param type       their class
     * @param idOf       how to read an id
     * @param validate   checks a record before it is stored
     * @param changed    runs after every change
     * @param shown      adds read-only fields to a record on GET
     * @param configured records defined in the configuration file: listed and read with the stored ones, a stored
     *                   record with the same id (made by PUT) replacing one; they cannot be deleted here
     */
    public RecordRoutes(String noun, RecordIndex<T> index, Class<T> type, Function<T, String> idOf,
                        BiFunction<String, T, T> validate, Runnable changed, UnaryOperator<T> shown,
                        List<T> configured) {
        this.configured = new LinkedHashMap<>();
        configured.forEach(r -> this.configured.put(idOf.apply(r), r));
        this.shown = shown;
        this.noun = noun;
        this.index = index;
        this.type = type;
        this.idOf = idOf;
        this.validate = validate;
        this.changed = changed;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .get("/{id}", this::read)
                .put("/{id}", this::replace)
                .delete("/{id}", this::delete);
    }

    private void list(ServerRequest req, ServerResponse res) {
        List<T> stored = index.list(MAX_RECORDS);
        Map<String, T> all = new LinkedHashMap<>(configured);
        stored.forEach(r -> all.remove(idOf.apply(r)));
        List<T> items = new java.util.ArrayList<>(all.values()); // the configuration's first, then the stored ones
        items.addAll(stored);
        res.send(Map.of("items", items.stream().map(shown).toList()));
    }

    private void create(ServerRequest req, ServerResponse res) {
        T body = body(req);
        T record = validate.apply(idOf.apply(body), body);
        String id = idOf.apply(record);
        boolean stored = index.get(id).isPresent();
        if (stored || configured.containsKey(id)) {
            throw ApiException.conflict(noun + " '" + id + "' exists" + (stored ? "" : " in the configuration file")
                    + "; PUT /" + noun + "s/" + id + " replaces it");
        }
        index.put(record);
        changed.run();
        res.status(Status.CREATED_201).send(record);
    }

    private void read(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        res.send(shown.apply(index.get(id).or(() -> java.util.Optional.ofNullable(configured.get(id)))
                .orElseThrow(() -> missing(id))));
    }

    private void replace(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        T body = body(req);
        String bodyId = idOf.apply(body);
        if (bodyId != null && !bodyId.isBlank() && !bodyId.equals(id)) {
            throw ApiException.badRequest("the body's id '" + MentionParams.shorten(bodyId)
                    + "' differs from the path's '" + MentionParams.shorten(id) + "'");
        }
        T record = validate.apply(id, body);
        index.put(record);
        changed.run();
        res.send(record);
    }

    private void delete(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        if (!index.delete(id)) {
            if (configured.containsKey(id)) {
                throw ApiException.conflict(noun + " '" + MentionParams.shorten(id) + "' is defined in the"
                        + " configuration file; remove it there, or PUT it with \"enabled\": false to stop it");
            }
            throw missing(id);
        }
        changed.run();
        res.status(Status.NO_CONTENT_204).send();
    }

    private T body(ServerRequest req) {
        if (!req.content().hasEntity()) {
            throw ApiException.badRequest("send the " + noun + " as a JSON object");
        }
        T body = req.content().as(type);
        if (body == null) {
            throw ApiException.badRequest("send the " + noun + " as a JSON object");
        }
        return body;
    }

    private ApiException missing(String id) {
        return ApiException.notFound("no " + noun + " '" + MentionParams.shorten(id) + "'");
    }
}
