package dev.shenava.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NByteArrayEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hits of a mention search, read from Elasticsearch's JSON with plain Jackson straight into
 * {@link MentionDocument}s. The typed client decodes a response through JSON-P into its own objects before
 * the documents are bound; that decoding cost the service more CPU than the node spent on the search, so
 * the page-of-mentions search (the API's most frequent request) is sent as JSON bytes through
 * {@link NodeHttp} (the low-level client for a client not built by {@link ElasticsearchClients}).
 *
 * @param total         the number of matches counted, or {@code null} when the request did not count them
 * @param totalExact    whether {@code total} is exact (else it is a lower bound)
 * @param hits          the hits in order
 */
record SearchHits(Long total, boolean totalExact, List<SearchHits.Hit> hits) {

    /**
     * No {@code filter_path}: with one, the node parses every hit's stored {@code _source} and writes it again
     * through its filter (about 8% of its CPU per search in a flight recording), where without one it copies
     * the stored bytes as they are. The parts this side does not read (index, id, score, timings) are a few
     * dozen bytes per hit that Jackson skips.
     */
    private static final ObjectMapper JSON = ElasticsearchClients.objectMapper()
            .registerModule(new SimpleModule().addDeserializer(Instant.class, new InstantDecoder()));

    /**
     * One hit.
     *
     * @param source    the stored mention
     * @param sort      its sort values (what {@code search_after} takes)
     * @param highlight Elasticsearch's highlighted fragments by field, or {@code null}
     */
    record Hit(MentionDocument source, List<FieldValue> sort, Map<String, List<String>> highlight) {
    }

    private record Body(Hits hits) {
    }

    private record Hits(Total total, List<RawHit> hits) {
    }

    private record Total(long value, String relation) {
    }

    private record RawHit(@JsonProperty("_source") MentionDocument source, List<JsonNode> sort,
                          Map<String, List<String>> highlight) {
    }

    /**
     * Runs a search request on an index.
     *
     * @param es      the client (built by {@link ElasticsearchClients})
     * @param index   the index or alias
     * @param request the request; its own index is ignored
     * @return the hits
     * @throws IOException            when the node cannot be reached or answers something unreadable
     * @throws ElasticsearchException when the node refuses the request
     */
    static SearchHits search(ElasticsearchClient es, String index, SearchRequest request) throws IOException {
        byte[] body = JsonpUtils.toJsonString(request, es._jsonpMapper()).getBytes(StandardCharsets.UTF_8);
        Optional<NodeHttp> light = ElasticsearchClients.searches(es);
        Body read = light.isPresent() ? search(light.get(), es._jsonpMapper(), index, body) : search(es, index, body);
        if (read.hits() == null) {
            throw new IOException("Elasticsearch answered a search of " + index + " without hits");
        }
        List<RawHit> raw = read.hits().hits() == null ? List.of() : read.hits().hits();
        List<Hit> hits = new ArrayList<>(raw.size());
        for (RawHit h : raw) {
            hits.add(new Hit(h.source(), h.sort() == null ? List.of() : h.sort().stream().map(SearchHits::value).toList(),
                    h.highlight()));
        }
        Total total = read.hits().total();
        return new SearchHits(total == null ? null : total.value(), total == null || "eq".equals(total.relation()),
                hits);
    }

    private static Body search(NodeHttp http, JsonpMapper mapper, String index, byte[] body) throws IOException {
        Http1Answers.Answer answer = http.post("/" + index + "/_search", body);
        if (answer.status() >= 300) {
            throw refused(mapper, answer.status(), answer.body());
        }
        return JSON.readValue(answer.body(), Body.class);
    }

    private static Body search(ElasticsearchClient es, String index, byte[] body) throws IOException {
        if (!(es._transport() instanceof RestClientTransport transport)) {
            throw new IllegalStateException("the client must be built by ElasticsearchClients");
        }
        Request http = new Request("POST", "/" + index + "/_search");
        http.setEntity(new NByteArrayEntity(body, ContentType.APPLICATION_JSON));
        try (InputStream in = transport.restClient().performRequest(http).getEntity().getContent()) {
            return JSON.readValue(in, Body.class);
        } catch (ResponseException e) {
            throw refused(es._jsonpMapper(), e);
        }
    }

    private static FieldValue value(JsonNode n) {
        if (n.isIntegralNumber()) {
            return FieldValue.of(n.longValue());
        }
        if (n.isNumber()) {
            return FieldValue.of(n.doubleValue());
        }
        if (n.isBoolean()) {
            return FieldValue.of(n.booleanValue());
        }
        return n.isNull() ? FieldValue.NULL : FieldValue.of(n.asText());
    }

    /** The node's refusal as the typed client reports it, so that callers see one kind of refusal. */
    private static IOException refused(JsonpMapper mapper, ResponseException e) throws ElasticsearchException {
        try (InputStream in = e.getResponse().getEntity().getContent()) {
            return refused(mapper, e.getResponse().getStatusLine().getStatusCode(), in.readAllBytes());
        } catch (IOException unreadable) {
            return e;
        }
    }

    private static IOException refused(JsonpMapper mapper, int status, byte[] body) throws ElasticsearchException {
        ErrorResponse error;
        try {
            error = ErrorResponse._DESERIALIZER.deserialize(mapper.jsonProvider()
                    .createParser(new java.io.ByteArrayInputStream(body)), mapper);
        } catch (RuntimeException unreadable) {
            return new IOException("Elasticsearch answered a search with status " + status + ": "
                    + new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8));
        }
        throw new ElasticsearchException("search", error);
    }
}
