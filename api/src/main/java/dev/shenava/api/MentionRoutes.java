package dev.shenava.api;

import dev.shenava.store.MentionIndex;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * {@code /api/v1/mentions}: the paged, filtered search (with {@code q} in the query language) and
 * single mentions.
 */
final class MentionRoutes implements HttpService {

    private final MentionIndex index;

    MentionRoutes(MentionIndex index) {
        this.index = index;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::search)
                .get("/{id}", this::byId);
    }

    private void search(ServerRequest req, ServerResponse res) {
        var query = req.query();
        res.send(index.search(MentionParams.filter(query), MentionParams.sort(query),
                MentionParams.intParam(query, "size", 20, 1, 200), query.first("cursor").orElse(null)));
    }

    private void byId(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        res.send(index.byId(id).orElseThrow(() -> new ApiException(Status.NOT_FOUND_404, "not_found",
                "no mention with id '" + MentionParams.shorten(id) + "'")));
    }
}
