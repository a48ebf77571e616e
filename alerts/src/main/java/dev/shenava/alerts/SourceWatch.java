package dev.shenava.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Notices sources that stopped delivering: no successful poll for several of their intervals,
 * or a status that says they keep failing. One event per stall: its id derives from the source
 * and its last success, so a source that stays stalled raises it once.
 */
final class SourceWatch {

    private final ElasticsearchClient es;
    private final String index;
    private final String statusIndex;
    private final int intervals;

    SourceWatch(ElasticsearchClient es, String index, int intervals) {
        this.es = es;
        this.index = index;
        this.statusIndex = index.replaceFirst("sources$", "source-status");
        this.intervals = intervals;
    }

    /** A stalled source and the brands it serves. */
    record Stall(AlertEvent event, List<String> brands) {
    }

    List<Stall> stalled(Instant now) {
        // The crawler writes each source's status to <prefix>source-status (one doc per source id);
        // the sources index holds the definitions made through the API (interval, brands, enabled).
        Map<String, ObjectNode> statuses = new LinkedHashMap<>();
        for (ObjectNode doc : all(statusIndex)) {
            statuses.put(doc.path("source").asText(""), doc);
        }
        Map<String, ObjectNode> sources = new LinkedHashMap<>();
        for (ObjectNode doc : all(index)) {
            sources.put(doc.path("id").asText(""), doc);
        }
        List<Stall> out = new ArrayList<>();
        for (var e : statuses.entrySet()) {
            ObjectNode source = sources.getOrDefault(e.getKey(), JsonNodeFactory.instance.objectNode().put("id", e.getKey()));
            source = source.deepCopy();
            source.set("status", e.getValue());
            stall(source, now).ifPresent(out::add);
        }
        for (var e : sources.entrySet()) {
            if (!statuses.containsKey(e.getKey()) && e.getValue().has("status")) {
                stall(e.getValue(), now).ifPresent(out::add);
            }
        }
        return out;
    }

    private List<ObjectNode> all(String name) {
        boolean exists = AlertIndices.call("look for " + name, () -> es.indices().exists(e -> e.index(name)).value());
        if (!exists) {
            return List.of();
        }
        var r = AlertIndices.call("read " + name, () -> es.search(s -> s.index(name).size(1000), ObjectNode.class));
        List<ObjectNode> docs = new ArrayList<>();
        for (Hit<ObjectNode> hit : r.hits().hits()) {
            if (hit.source() != null) {
                docs.add(hit.source());
            }
        }
        return docs;
    }

    Optional<Stall> stall(JsonNode source, Instant now) {
        if (source == null || !source.path("enabled").asBoolean(true)) {
            return Optional.empty();
        }
        String id = source.path("id").asText("");
        long interval = Math.max(60, source.path("intervalSeconds").asLong(900));
        JsonNode status = source.path("status");
        Optional<Instant> lastSuccess = time(status.path("lastSuccess"));
        String state = status.path("state").asText("").toLowerCase(Locale.ROOT);
        String lastError = status.path("lastError").asText("");
        Duration quiet = Duration.ofSeconds(interval * intervals);
        boolean failing = state.equals("failing") || state.equals("error") || state.equals("backoff");
        boolean silent = lastSuccess.map(t -> t.plus(quiet).isBefore(now)).orElse(false);
        if (id.isEmpty() || !failing && !silent) {
            return Optional.empty();
        }
        Instant since = lastSuccess.orElse(Instant.EPOCH);
        String reason = "Source " + id + (silent
                ? " has had no successful poll since " + since + ", " + intervals + " or more of its " + AlertEvaluator.words(Duration.ofSeconds(interval)) + " intervals"
                : " keeps failing (state " + state + ")")
                + (lastError.isEmpty() ? "." : "; last error: " + lastError + ".");
        AlertEvent event = new AlertEvent(AlertEvaluator.eventId("source:" + id, since), "", id, Signal.SOURCE_STALLED,
                since, now, 0, 0, 1.0, reason, List.of(), List.of(), now, List.of());
        List<String> brands = new ArrayList<>();
        source.path("brands").forEach(b -> brands.add(b.asText()));
        return Optional.of(new Stall(event, brands));
    }

    private static Optional<Instant> time(JsonNode node) {
        if (node.isNumber()) {
            return Optional.of(Instant.ofEpochMilli(node.asLong()));
        }
        try {
            return node.isTextual() ? Optional.of(Instant.parse(node.asText())) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
