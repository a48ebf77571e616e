package dev.shenava.api;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.common.media.type.MediaTypes;
import dev.shenava.store.QueryException;
import dev.shenava.store.StoreException;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerResponse;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.lang.System.Logger.Level;

/**
 * Turns every exception a handler throws into a JSON error a client can act on: never a stack
 * trace, and never a 500 for something the client sent.
 */
public final class ApiErrors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(ApiErrors.class.getName());

    private ApiErrors() {
    }

    /**
     * The error body of the API contract.
     *
     * @param error    code: bad_request, bad_query, unauthorized, forbidden, not_found, conflict, too_large, unavailable
     * @param message  what to fix
     * @param position for bad_query, the 1-based column in {@code q}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String error, String message, Integer position) {
    }

    /**
     * Registers the error handlers on a routing.
     *
     * @param routing the routing
     */
    public static void register(HttpRouting.Builder routing) {
        routing.error(ApiException.class, (req, res, e) -> send(res, e.status(), e.code(), e.getMessage()))
                .error(QueryException.class, (req, res, e) -> send(res, Status.BAD_REQUEST_400,
                        new Body("bad_query", "q: " + e.getMessage(), e.position())))
                .error(BadRequestException.class, (req, res, e) ->
                        send(res, Status.BAD_REQUEST_400, "bad_request", e.getMessage()))
                .error(IllegalArgumentException.class, (req, res, e) ->
                        send(res, Status.BAD_REQUEST_400, "bad_request", e.getMessage()))
                .error(JsonProcessingException.class, (req, res, e) -> send(res, Status.BAD_REQUEST_400,
                        "bad_request", "the body is not the JSON expected: " + e.getOriginalMessage()))
                .error(io.helidon.http.media.UnsupportedTypeException.class, (req, res, e) -> send(res,
                        Status.UNSUPPORTED_MEDIA_TYPE_415, "bad_request", "send the body as application/json"
                                + " (imports: application/x-ndjson or text/csv)"))
                .error(HttpException.class, ApiErrors::http)
                .error(ElasticsearchException.class, (req, res, e) -> unavailable(res, e))
                .error(StoreException.class, (req, res, e) -> unavailable(res, e))
                .error(UncheckedIOException.class, (req, res, e) -> unavailable(res, e))
                .error(Exception.class, (req, res, e) -> unexpected(res, e));
    }

    /**
     * Sends an error body.
     *
     * @param res     the response
     * @param status  status
     * @param code    error code
     * @param message what to fix
     */
    public static void send(ServerResponse res, Status status, String code, String message) {
        send(res, status, new Body(code, message, null));
    }

    // Written by hand rather than through the media support, so that an error answer works in filters
    // and whatever the request asked for.
    private static void send(ServerResponse res, Status status, Body body) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            json = "{\"error\":\"internal\",\"message\":\"error body\"}".getBytes(StandardCharsets.UTF_8);
        }
        res.status(status);
        res.headers().contentType(MediaTypes.APPLICATION_JSON);
        res.send(json);
    }

    private static void http(io.helidon.webserver.http.ServerRequest req, ServerResponse res, HttpException e) {
        Status status = e.status();
        if (status.code() < 400) {
            // Not an error: the static content answers a revalidation with 304, which has no body.
            res.status(status).send();
            return;
        }
        String code = switch (status.code()) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 413 -> "too_large";
            default -> status.code() < 500 ? "bad_request" : "unavailable";
        };
        send(res, status, code, e.getMessage());
    }

    private static void unavailable(ServerResponse res, Exception e) {
        ElasticsearchException refused = e instanceof ElasticsearchException es ? es
                : e.getCause() instanceof ElasticsearchException es ? es : null;
        if (refused != null && refused.status() >= 400 && refused.status() < 500) {
            // Elasticsearch refused what the client asked for (an id too long, a query too broad).
            send(res, Status.BAD_REQUEST_400, "bad_request", "the store refused this request: "
                    + (refused.error().reason() == null ? refused.error().type() : refused.error().reason()));
            return;
        }
        LOG.log(Level.WARNING, "store unavailable: " + e.getMessage());
        send(res, Status.SERVICE_UNAVAILABLE_503, "unavailable",
                "the store cannot answer right now; try again shortly");
    }

    private static void unexpected(ServerResponse res, Exception e) {
        if (e.getCause() instanceof QueryException q) {
            send(res, Status.BAD_REQUEST_400, new Body("bad_query", "q: " + q.getMessage(), q.position()));
            return;
        }
        if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof JsonProcessingException) {
            send(res, Status.BAD_REQUEST_400, "bad_request", e.getCause().getMessage());
            return;
        }
        LOG.log(Level.ERROR, "unexpected failure", e);
        send(res, Status.INTERNAL_SERVER_ERROR_500, "internal", "the server failed unexpectedly; see its log");
    }
}
