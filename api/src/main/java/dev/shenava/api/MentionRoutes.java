package dev.shenava.api;

import dev.shenava.store.Mention;
import dev.shenava.store.MentionIndex;
import dev.shenava.store.MentionSort;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Optional;

/**
 * {@code /api/v1/mentions}: the paged, filtered list and single mentions.
 */
final class MentionRoutes implements HttpService {

    private final MentionIndex index;
    private final QueryParser parser;
    private final AnswerCache cache;

    MentionRoutes(MentionIndex index, QueryParser parser) {
        this(index, parser, AnswerCache.create(java.time.Duration.ZERO));
    }

    MentionRoutes(MentionIndex index, QueryParser parser, AnswerCache cache) {
        this.index = index;
        this.parser = parser;
        this.cache = cache;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .get("/{id}", this::byId);
    }

    private void list(ServerRequest req, ServerResponse res) {
        var query = req.query();
        var filter = RequestParams.filter(query, parser);
        int size = RequestParams.intParam(query, "size", 20, 1, 200);
        MentionSort sort;
        try {
            sort = MentionSort.parse(query.first("sort").orElse("newest"));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        boolean exactTotal = RequestParams.flag(query, "exactTotal");
        String cursor = query.first("cursor").orElse(null);
        String key = AnswerCache.key("mentions", filter, sort, size, exactTotal, cursor);
        String q = filter.query() == null ? null : query.first("q").orElse("").strip();
        AnswerCache.send(res, cache.json(key, () -> index.search(filter, sort, size, cursor, exactTotal, q)));
    }

    private void byId(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        Optional<Mention> m = index.byId(id);
        if (m.isPresent()) {
            res.send(m.get());
        } else {
            res.status(Status.NOT_FOUND_404).send(ApiError.of("not_found", "no mention with id '" + id + "'"));
        }
    }
}
