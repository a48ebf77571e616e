package dev.shenava.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shenava.alerts.AlertEvent;
import dev.shenava.alerts.AlertRule;
import dev.shenava.alerts.Alerts;
import dev.shenava.alerts.AlertsConfig;
import dev.shenava.alerts.AlertsException;
import dev.shenava.alerts.Sensitivity;
import dev.shenava.alerts.Signal;
import dev.shenava.alerts.WebhookTarget;
import dev.shenava.store.Store;
import io.helidon.config.Config;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Alert rules and events over HTTP: {@code /alert-rules} CRUD, {@code POST /alert-rules/{id}/test},
 * and {@code GET /alerts} (filters: {@code brand}, {@code from}, {@code to}, {@code test}, {@code size}). Register under {@code /api/v1}:
 * {@code routing.register("/api/v1", AlertRoutes.create(store, config))}; routes made by
 * {@link #create(Store, Config)} start alert evaluation and webhook delivery with the server and
 * stop them with it.
 */
public final class AlertRoutes implements HttpService {

    private static final ObjectMapper JSON = dev.shenava.store.ElasticsearchClients.objectMapper();

    private final Alerts alerts;
    private final boolean owned;

    /**
     * Routes over alerting that the caller starts and closes itself.
     *
     * @param alerts alerting
     */
    public AlertRoutes(Alerts alerts) {
        this(alerts, false);
    }

    private AlertRoutes(Alerts alerts, boolean owned) {
        this.alerts = alerts;
        this.owned = owned;
    }

    /**
     * Routes over a store, configured by the {@code alerts} subtree.
     *
     * @param store  the store
     * @param config the root configuration
     * @return the routes; alerting starts once the server listens and stops with it
     */
    public static AlertRoutes create(Store store, Config config) {
        return new AlertRoutes(Alerts.create(store, AlertsConfig.create(config.get("alerts")), new OkHttpClient()), true);
    }

    /**
     * Starts alerting once the server listens. Not in {@code beforeStart}: Helidon calls that before binding the
     * port, and when the bind fails it does not call {@code afterStop}, which left alerting running under a
     * process that was shutting down.
     */
    @Override
    public void afterStart(WebServer server) {
        if (owned) {
            alerts.start();
        }
    }

    @Override
    public void afterStop() {
        if (owned) {
            alerts.close();
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/alert-rules", this::list)
                .post("/alert-rules", this::create)
                .get("/alert-rules/{id}", this::get)
                .put("/alert-rules/{id}", this::put)
                .delete("/alert-rules/{id}", this::delete)
                .post("/alert-rules/{id}/test", this::test)
                .get("/alerts", this::events);
    }

    private void list(ServerRequest req, ServerResponse res) {
        json(res, Status.OK_200, Map.of("items", alerts.rules().stream().map(AlertRule::view).toList()));
    }

    private void get(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        json(res, Status.OK_200, alerts.rule(id).orElseThrow(() -> notFound(id)).view());
    }

    private void create(ServerRequest req, ServerResponse res) {
        JsonNode body = body(req);
        String id = body.path("id").asText("");
        if (id.isEmpty()) {
            id = body.path("brand").asText("rule").toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        }
        AlertRule rule = parse(body, id);
        if (alerts.rule(rule.id()).isPresent()) {
            throw ApiException.conflict("an alert rule with id '" + rule.id() + "' exists; PUT /api/v1/alert-rules/"
                    + rule.id() + " to change it");
        }
        save(rule);
        res.header("Location", "/api/v1/alert-rules/" + rule.id());
        json(res, Status.CREATED_201, alerts.rule(rule.id()).orElse(rule).view());
    }

    private void put(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        JsonNode body = body(req);
        if (body.hasNonNull("id") && !body.get("id").asText().equals(id)) {
            throw ApiException.badRequest("the body's id '" + body.get("id").asText() + "' differs from the path's '" + id + "'");
        }
        AlertRule rule = parse(body, id);
        boolean created = save(rule);
        json(res, created ? Status.CREATED_201 : Status.OK_200, alerts.rule(id).orElse(rule).view());
    }

    private void delete(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        if (!alerts.delete(id)) {
            throw notFound(id);
        }
        res.status(Status.NO_CONTENT_204).send();
    }

    private void test(ServerRequest req, ServerResponse res) {
        String id = req.path().pathParameters().get("id");
        AlertEvent sample = alerts.test(id).orElseThrow(() -> notFound(id));
        json(res, Status.ACCEPTED_202, sample);
    }

    private void events(ServerRequest req, ServerResponse res) {
        var q = req.query();
        int size = size(q.first("size").orElse(""));
        Optional<String> brand = q.first("brand").asOptional().map(String::strip).filter(s -> !s.isEmpty());
        json(res, Status.OK_200, Map.of("items", alerts.events(brand, time(q.first("from").orElse("")),
                time(q.first("to").orElse("")), test(q.first("test").orElse("")), size)));
    }

    private static Optional<Boolean> test(String v) {
        return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "" -> Optional.empty();
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ApiException.badRequest("'test' must be true (only test events) or false (only real ones), was '" + v + "'");
        };
    }

    private boolean save(AlertRule rule) {
        try {
            return alerts.save(rule);
        } catch (AlertsException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no alert rule with id '" + id + "'");
    }

    private static void json(ServerResponse res, Status status, Object body) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(body);
            res.status(status);
            res.headers().contentType(MediaTypes.APPLICATION_JSON);
            res.send(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static JsonNode body(ServerRequest req) {
        try {
            JsonNode node = JSON.readTree(req.content().inputStream());
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("the body must be a JSON object describing an alert rule");
            }
            return node;
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON: " + e.getMessage());
        }
    }

    static AlertRule parse(JsonNode b, String id) {
        if (!b.hasNonNull("brand")) {
            throw ApiException.badRequest("'brand' is required: the id of the brand to watch");
        }
        if (!b.hasNonNull("signal")) {
            throw ApiException.badRequest("'signal' is required: negative_spike, volume_spike or sentiment_drop");
        }
        List<WebhookTarget> targets = new ArrayList<>();
        JsonNode t = b.path("targets");
        if (!t.isMissingNode() && !t.isNull() && !t.isArray()) {
            throw ApiException.badRequest("'targets' must be a list of {\"url\", \"format\": \"json|slack\"}");
        }
        for (JsonNode target : t) {
            targets.add(new WebhookTarget(target.path("url").asText(null), target.path("format").asText(null)));
        }
        return new AlertRule(id, b.get("brand").asText(), Signal.parse(b.get("signal").asText()),
                b.hasNonNull("sensitivity") ? Sensitivity.parse(b.get("sensitivity").asText()) : Sensitivity.MEDIUM,
                number(b, "minVolume", 0), (int) number(b, "cooldownMinutes", 60), targets,
                !b.has("enabled") || b.get("enabled").asBoolean(true), b.path("secret").asText(null));
    }

    private static double number(JsonNode b, String field, double fallback) {
        JsonNode n = b.path(field);
        if (n.isMissingNode() || n.isNull()) {
            return fallback;
        }
        if (!n.isNumber()) {
            throw ApiException.badRequest("'" + field + "' must be a number, was " + n);
        }
        return n.asDouble();
    }

    private static int size(String v) {
        if (v.isBlank()) {
            return 50;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1 && n <= 500) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("'size' must be a whole number from 1 to 500, was '" + v + "'");
    }

    private static Optional<Instant> time(String v) {
        if (v.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(v.strip()).toInstant());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("times must be ISO-8601 with a zone (2026-03-01T00:00:00Z), was '" + v + "'");
        }
    }
}
