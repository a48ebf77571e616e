package dev.shenava.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;

/**
 * Asks the HTTP API the same questions the dashboards ask, so that a test can compare what the page shows.
 */
final class ApiAnswers {

    /** A status and a parsed JSON body. */
    record Answer(int status, JsonNode body) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;

    ApiAnswers(String baseUrl) {
        this.base = baseUrl + "/api/v1";
    }

    /** GETs a path with query parameters (empty values left out) and expects a 2xx JSON answer. */
    JsonNode get(String path, String... keysAndValues) {
        Answer answer = call(path, keysAndValues);
        Assumptions.assumeFalse(missing(answer), "the server has no endpoint GET /api/v1" + path + " yet");
        if (answer.status() / 100 != 2) {
            throw new AssertionError("GET " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** Whether the server has the endpoint at all (a 404 for a missing record is an answer; "no endpoint" is not). */
    boolean exists(String path) {
        return !missing(call(path));
    }

    /** Whether the server routes a method and path at all, probed with an empty JSON body. */
    boolean routes(String method, String path) {
        URI uri = URI.create(base + path);
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                    .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return !missing(new Answer(response.statusCode(), body.isBlank() ? JSON.nullNode() : JSON.readTree(body)));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + uri, e);
        }
    }

    private static boolean missing(Answer answer) {
        return answer.status() == 404 && answer.body().path("message").asText().startsWith("no endpoint");
    }

    /** GETs a path and returns whatever status came back. */
    Answer call(String path, String... keysAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null && !keysAndValues[i + 1].isEmpty()) {
                params.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI uri = URI.create(base + path + (query.isEmpty() ? "" : "?" + query));
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling " + uri, e);
        }
    }

    /** The items of a list answer, whether the API sends a bare array or {"items": [...]}. */
    static JsonNode items(JsonNode answer) {
        return answer.isArray() ? answer : answer.path("items");
    }
}
