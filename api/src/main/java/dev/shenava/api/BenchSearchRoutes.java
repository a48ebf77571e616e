package dev.shenava.api;

import dev.shenava.store.MentionIndex;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The mention search as the benchmark serves it: parse the parameters, search, send.
 */
final class BenchSearchRoutes implements HttpService {

    private final MentionIndex index;

    BenchSearchRoutes(MentionIndex index) {
        this.index = index;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", (req, res) -> search(req, res));
    }

    private void search(ServerRequest req, ServerResponse res) {
        res.send(index.search(MentionParams.filter(req.query()), MentionParams.sort(req.query()),
                MentionParams.intParam(req.query(), "size", 20, 1, 200), req.query().first("cursor").orElse(null)));
    }
}
